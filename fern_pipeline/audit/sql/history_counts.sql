-- How many audits the history keeps, and the latest one's topics by status against the one before.
SELECT
    (SELECT count(DISTINCT audit_end) FROM audit_history_summary) AS audits,
    count(*) FILTER (WHERE status = 'new') AS new,
    count(*) FILTER (WHERE status = 'kept') AS kept,
    count(*) FILTER (WHERE status = 'gone') AS gone
FROM audit_topic_changes
