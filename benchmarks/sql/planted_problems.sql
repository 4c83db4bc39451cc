-- Each audited conversation's topic and theme beside the problem the generator drew for it
-- (generate_hierarchical.sql: $drawn[1 + hash(i) % len($drawn)]); -1 where the topic is "other".
SELECT
    CASE WHEN t.is_other THEN -1 ELSE c.topic_id END AS topic_id,
    CASE WHEN t.is_other THEN -1 ELSE c.theme_id END AS theme_id,
    $drawn[(1 + hash(substr(c.conversation_id, 2)::BIGINT) % len($drawn))::BIGINT] AS problem
FROM audit_conversations AS c
JOIN audit_topics AS t USING (topic_id)
