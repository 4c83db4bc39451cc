-- A fetch's message quotes its first format error: cleared where it holds the erased text.
UPDATE fetches
SET message = NULL
WHERE contains(lower(coalesce(message, '')), $clear) OR contains(lower(coalesce(message, '')), $masked)
