-- The format errors of an erasure: rejected items with the chosen id or an erased conversation's id
-- in their raw JSON, or whose raw JSON or message contains the text or its masked form.
CREATE OR REPLACE TEMP TABLE erased_format_errors AS
SELECT DISTINCT source, fetch_id, path, code, message
FROM format_errors
WHERE ($source IS NULL OR source = $source)
  AND (
      contains(lower(coalesce(raw, '')), $clear) OR contains(lower(coalesce(raw, '')), $masked)
      OR contains(lower(message), $clear) OR contains(lower(message), $masked)
      OR (CASE WHEN json_valid(raw) THEN json_extract_string(raw, '$.id') END) = $conversation_id
      OR EXISTS (
          SELECT 1 FROM erased
          WHERE erased.source = format_errors.source
            AND erased.conversation_id = (CASE WHEN json_valid(raw) THEN json_extract_string(raw, '$.id') END)
      )
  )
