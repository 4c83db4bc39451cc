-- What each conversation in the window asked: its user messages joined in order.
SELECT
    c.source,
    c.conversation_id,
    c.started_at,
    coalesce(string_agg(m.content, ' ' ORDER BY m.created_at, m.position), '') AS text
FROM audit_staged_conversations AS c
LEFT JOIN messages AS m
    ON m.source = c.source AND m.conversation_id = c.conversation_id AND m.role = 'user'
GROUP BY c.source, c.conversation_id, c.started_at
ORDER BY c.source, c.conversation_id
