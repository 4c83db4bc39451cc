-- A repeatable sample of the conversations in the window, with their user messages, to fit topics on:
-- ordered by a hash of the key, so the same data gives the same sample on every run. Its join is
-- user_texts.sql's on purpose, but on the sample alone: sampling that query's output would read the
-- text of every conversation of the window to keep a few.
WITH sampled AS (
    SELECT source, conversation_id
    FROM audit_staged_conversations
    ORDER BY hash(source, conversation_id), source, conversation_id
    LIMIT $sample_size
)
SELECT
    s.source,
    s.conversation_id,
    coalesce(string_agg(m.content, ' ' ORDER BY m.created_at, m.position), '') AS text
FROM sampled AS s
LEFT JOIN messages AS m
    ON m.source = s.source AND m.conversation_id = s.conversation_id AND m.role = 'user'
GROUP BY s.source, s.conversation_id
ORDER BY s.source, s.conversation_id
