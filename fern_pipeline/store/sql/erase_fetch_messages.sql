-- A fetch's message quotes its first format error: cleared where it holds the erased text, whole or
-- as a quote cut short ($cut).
UPDATE fetches
SET message = NULL
WHERE contains(lower(coalesce(message, '')), $clear) OR contains(lower(coalesce(message, '')), $masked)
   OR EXISTS (SELECT 1 FROM unnest($cut::VARCHAR[]) AS cuts(cut) WHERE contains(lower(coalesce(message, '')), cut))
