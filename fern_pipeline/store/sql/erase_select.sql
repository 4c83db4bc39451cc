-- The conversations an erasure removes: one by source and id (as sent, or masked: $masked_id), or every
-- one (of $source, if given) that has a message containing $clear, $masked or $encoded (all lower case:
-- the text, its masked form, and an e-mail address with its @ percent-encoded as in a URL).
CREATE OR REPLACE TEMP TABLE erased AS
SELECT source, conversation_id
FROM conversations
WHERE ($source IS NULL OR source = $source)
  AND (
      conversation_id = $conversation_id OR conversation_id = $masked_id
      OR contains(lower(coalesce(url, '')), $clear) OR contains(lower(coalesce(url, '')), $masked)
      OR contains(lower(coalesce(url, '')), $encoded)
  )
UNION
SELECT DISTINCT source, conversation_id
FROM messages
WHERE ($source IS NULL OR source = $source)
  AND (
      contains(lower(content), $clear) OR contains(lower(content), $masked)
      OR contains(lower(content), $encoded)
  )
