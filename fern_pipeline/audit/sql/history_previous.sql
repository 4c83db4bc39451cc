-- The topics of the audit that ended at $previous_end.
SELECT topic_key, label, conversation_count, centroid
FROM audit_history_topics
WHERE audit_end = $previous_end
ORDER BY topic_key
