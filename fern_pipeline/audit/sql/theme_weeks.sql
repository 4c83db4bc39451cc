-- Conversations per theme and ISO week of the window, from its topics' weeks (audit_topic_weeks).
CREATE OR REPLACE TABLE audit_theme_weeks AS
SELECT t.theme_id, w.week, w.iso_week, w.days, sum(w.conversations)::BIGINT AS conversations
FROM audit_topic_weeks AS w
JOIN audit_staged_topics AS t ON t.topic_id = w.topic_id
GROUP BY t.theme_id, w.week, w.iso_week, w.days
ORDER BY t.theme_id, w.week
