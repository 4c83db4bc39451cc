-- Conversations started and messages sent per UTC day of the window, per source and for all ('*').
-- The window (start, end] runs from the day of its first instant to the day of its last, both
-- perhaps in part: a window from 17:20 holds that day's evening.
CREATE OR REPLACE TEMP TABLE audit_staged_daily AS
WITH days AS (
    SELECT CAST(day AS DATE) AS day
    FROM range(
        CAST((($window_start + INTERVAL 1 MICROSECOND) AT TIME ZONE 'UTC') AS DATE),
        CAST(($window_end AT TIME ZONE 'UTC') AS DATE) + 1,
        INTERVAL 1 DAY
    ) AS t(day)
),
started AS (
    SELECT source, CAST((started_at AT TIME ZONE 'UTC') AS DATE) AS day, count(*) AS conversations
    FROM audit_staged_conversations
    GROUP BY ALL
),
sent AS (
    SELECT source, CAST((created_at AT TIME ZONE 'UTC') AS DATE) AS day, count(*) AS messages
    FROM messages
    WHERE created_at > $window_start AND created_at <= $window_end
    GROUP BY ALL
),
sources AS (
    SELECT DISTINCT source FROM started UNION SELECT DISTINCT source FROM sent
),
grid AS (
    SELECT s.source, d.day,
        coalesce(st.conversations, 0) AS conversations,
        coalesce(se.messages, 0) AS messages
    FROM sources AS s
    CROSS JOIN days AS d
    LEFT JOIN started AS st ON st.source = s.source AND st.day = d.day
    LEFT JOIN sent AS se ON se.source = s.source AND se.day = d.day
)
SELECT coalesce(source, '*') AS source, day, sum(conversations)::BIGINT AS conversations,
    sum(messages)::BIGINT AS messages
FROM grid
GROUP BY GROUPING SETS ((source, day), (day))
ORDER BY source, day
