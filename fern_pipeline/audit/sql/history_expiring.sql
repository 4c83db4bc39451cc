-- Retention: the conversations of $source about to expire (last message before $cutoff), as an erasure's.
CREATE OR REPLACE TEMP TABLE erased AS
SELECT source, conversation_id FROM conversations WHERE source = $source AND last_message_at < $cutoff
