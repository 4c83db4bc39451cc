-- The masking setting recorded last for a source, to see whether a load's setting differs.
SELECT setting
FROM privacy_log
WHERE action = 'masking' AND source = $source
ORDER BY logged_at DESC
LIMIT 1
