-- A fetch's message quotes its first format error or a page's URL: cleared where it holds the erased
-- text, whole, percent-encoded ($encoded) or as a quote cut short ($cut).
UPDATE fetches
SET message = NULL
WHERE contains(lower(coalesce(message, '')), $clear) OR contains(lower(coalesce(message, '')), $masked)
   OR contains(lower(coalesce(message, '')), $encoded)
   OR EXISTS (SELECT 1 FROM unnest($cut::VARCHAR[]) AS cuts(cut) WHERE contains(lower(coalesce(message, '')), cut))
