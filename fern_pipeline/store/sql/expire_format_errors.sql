-- Retention: a source's rejected items fetched before $cutoff (their own dates may not be readable).
DELETE FROM format_errors
WHERE source = $source AND fetched_at < $cutoff
