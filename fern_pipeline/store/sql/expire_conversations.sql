-- Retention: a source's conversations whose last message is before $cutoff.
DELETE FROM conversations
WHERE source = $source AND last_message_at < $cutoff
