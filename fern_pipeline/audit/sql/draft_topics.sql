-- The staged topics a draft is written for, in priority order: those to write or update, and without
-- a help center every topic but "other".
SELECT topic_id, label, keywords, action, article_title
FROM audit_staged_topics
WHERE NOT is_other AND (action IN ('write', 'update') OR action IS NULL)
ORDER BY priority_rank
