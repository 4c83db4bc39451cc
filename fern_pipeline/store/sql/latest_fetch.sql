SELECT *
FROM fetches
WHERE source = $source
ORDER BY fetch_id DESC
LIMIT 1
