-- The topics of the audit before the one ending at $audit_end.
SELECT audit_end, topic_key, label, conversation_count, centroid
FROM audit_history_topics
WHERE audit_end = (SELECT max(audit_end) FROM audit_history_topics WHERE audit_end < $audit_end)
ORDER BY topic_key
