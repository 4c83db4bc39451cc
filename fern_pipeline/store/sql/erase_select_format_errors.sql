-- The format errors of an erasure: rejected items with the chosen id (as sent or masked) or an erased
-- conversation's id in their raw JSON, or whose raw JSON or message contains the text, its masked
-- form or its percent-encoded form, or whose message quotes it cut short ($cut).
CREATE OR REPLACE TEMP TABLE erased_format_errors AS
SELECT DISTINCT source, fetch_id, path, code, message
FROM format_errors
WHERE ($source IS NULL OR source = $source)
  AND (
      contains(lower(coalesce(raw, '')), $clear) OR contains(lower(coalesce(raw, '')), $masked)
      OR contains(lower(message), $clear) OR contains(lower(message), $masked)
      OR contains(lower(coalesce(raw, '')), $encoded) OR contains(lower(message), $encoded)
      OR EXISTS (SELECT 1 FROM unnest($cut::VARCHAR[]) AS cuts(cut) WHERE contains(lower(message), cut))
      OR (CASE WHEN json_valid(raw) THEN json_extract_string(raw, '$.id') END) IN ($conversation_id, $masked_id)
      OR EXISTS (
          SELECT 1 FROM erased
          WHERE erased.source = format_errors.source
            AND erased.conversation_id = (CASE WHEN json_valid(raw) THEN json_extract_string(raw, '$.id') END)
      )
  )
