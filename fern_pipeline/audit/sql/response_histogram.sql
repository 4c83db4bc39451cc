-- First response times in buckets a person reads at a glance, for all sources.
SELECT
    bucket,
    label,
    count(c.first_response_seconds) AS conversations
FROM (
    VALUES
        (0, 'under 5 min', 0, 300),
        (1, '5–15 min', 300, 900),
        (2, '15–60 min', 900, 3600),
        (3, '1–4 h', 3600, 14400),
        (4, '4–24 h', 14400, 86400),
        (5, '1–3 days', 86400, 259200),
        (6, 'over 3 days', 259200, 1e18)
) AS buckets(bucket, label, low, high)
LEFT JOIN audit_conversations AS c
    ON c.first_response_seconds >= buckets.low AND c.first_response_seconds < buckets.high
GROUP BY bucket, label
ORDER BY bucket
