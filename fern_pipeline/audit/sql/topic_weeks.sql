-- Conversations per topic and ISO week (Monday, UTC) of the window, zero where a topic had none.
-- days is how much of the week lies in the window (start, end]: 7 for a full week, less at its edges.
CREATE OR REPLACE TABLE audit_topic_weeks AS
WITH weeks AS (
    SELECT CAST(week AS DATE) AS week
    FROM range(
        date_trunc('week', ($window_start + INTERVAL 1 MICROSECOND) AT TIME ZONE 'UTC'),
        date_trunc('week', $window_end AT TIME ZONE 'UTC') + INTERVAL 1 WEEK,
        INTERVAL 1 WEEK
    ) AS t(week)
),
counted AS (
    SELECT a.topic_id, CAST(date_trunc('week', c.started_at AT TIME ZONE 'UTC') AS DATE) AS week,
        count(*) AS conversations
    FROM audit_staged_conversations AS c
    JOIN audit_assignments AS a ON a.source = c.source AND a.conversation_id = c.conversation_id
    WHERE a.topic_id IS NOT NULL
    GROUP BY ALL
),
bounds AS (
    SELECT week,
        CAST(week AS TIMESTAMP) AT TIME ZONE 'UTC' AS opens,
        CAST(week + 7 AS TIMESTAMP) AT TIME ZONE 'UTC' AS closes
    FROM weeks
)
SELECT
    t.topic_id,
    b.week,
    strftime(b.week, '%G-W%V') AS iso_week,
    epoch(least(b.closes, $window_end) - greatest(b.opens, $window_start)) / 86400.0 AS days,
    coalesce(n.conversations, 0) AS conversations
FROM (SELECT DISTINCT topic_id FROM audit_staged_topics) AS t
CROSS JOIN bounds AS b
LEFT JOIN counted AS n ON n.topic_id = t.topic_id AND n.week = b.week
ORDER BY t.topic_id, b.week
