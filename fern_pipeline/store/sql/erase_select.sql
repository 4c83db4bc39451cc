-- The conversations an erasure removes: one by source and id (as sent, or masked: $masked_id), or every
-- one (of $source, if given) that has a message containing $clear or $masked (both lower case: the
-- text, and its masked form).
CREATE OR REPLACE TEMP TABLE erased AS
SELECT source, conversation_id
FROM conversations
WHERE ($source IS NULL OR source = $source)
  AND (
      conversation_id = $conversation_id OR conversation_id = $masked_id
      OR contains(lower(coalesce(url, '')), $clear) OR contains(lower(coalesce(url, '')), $masked)
  )
UNION
SELECT DISTINCT source, conversation_id
FROM messages
WHERE ($source IS NULL OR source = $source)
  AND (contains(lower(content), $clear) OR contains(lower(content), $masked))
