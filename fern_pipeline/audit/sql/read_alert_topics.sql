-- Each topic of this audit with its keywords (what names it where customer text may not go), its status
-- against the previous audit, and its conversations.
SELECT c.topic_id, c.topic_key, c.status, c.conversation_count, c.previous_end, t.keywords
FROM audit_topic_changes AS c
JOIN audit_topics AS t ON t.topic_id = c.topic_id
ORDER BY t.priority_rank
