-- The topics this audit found conversations for, but "other" (a grab-bag, the same question in no audit).
SELECT topic_id FROM audit_staged_topics WHERE NOT is_other ORDER BY topic_id
