-- Format errors by code, per source and for all ('*'), from the fetches in the window.
CREATE OR REPLACE TEMP TABLE audit_staged_format_errors AS
SELECT coalesce(source, '*') AS source, code, count(*) AS errors
FROM format_errors
WHERE fetched_at > $window_start AND ($fetch_end IS NULL OR fetched_at <= $fetch_end)
GROUP BY GROUPING SETS ((source, code), (code))
ORDER BY source, errors DESC, code
