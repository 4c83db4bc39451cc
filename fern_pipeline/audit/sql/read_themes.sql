-- The themes in priority order, for the report.
SELECT theme_id, kind, label, topic_count, conversation_count, share, priority
FROM audit_themes
ORDER BY priority_rank
