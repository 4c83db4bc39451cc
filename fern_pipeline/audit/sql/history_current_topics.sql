-- The topics this audit found conversations for.
SELECT topic_id FROM audit_staged_topics ORDER BY topic_id
