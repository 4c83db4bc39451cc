SELECT path, code, message, count(*) OVER () AS total
FROM format_errors
WHERE fetch_id = $fetch_id
ORDER BY rowid
LIMIT $limit
