-- Every topic's weeks, oldest first, for the report and the alerts.
SELECT topic_id, week, iso_week, days, conversations FROM audit_topic_weeks ORDER BY topic_id, week
