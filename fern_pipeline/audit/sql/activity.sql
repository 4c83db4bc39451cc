-- Conversations started per ISO weekday (1 = Monday) and UTC hour, per source and for all ('*').
CREATE OR REPLACE TEMP TABLE audit_staged_activity AS
SELECT
    coalesce(source, '*') AS source,
    isodow(started_at AT TIME ZONE 'UTC') AS weekday,
    hour(started_at AT TIME ZONE 'UTC') AS hour,
    count(*) AS conversations
FROM audit_staged_conversations
GROUP BY GROUPING SETS ((source, weekday, hour), (weekday, hour))
ORDER BY source, weekday, hour
