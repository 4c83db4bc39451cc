-- The staged topics a draft may be written for, in priority order.
SELECT topic_id, label, keywords, action, article_title
FROM audit_staged_topics
ORDER BY priority_rank
