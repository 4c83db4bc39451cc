-- What an erasure removes, by source: conversations, messages and format-error rows (counted before
-- the DELETEs, which return no rows on a lake).
WITH chosen AS (
    SELECT source, 'conversations' AS kind FROM conversations SEMI JOIN erased USING (source, conversation_id)
    UNION ALL
    SELECT source, 'messages' FROM messages SEMI JOIN erased USING (source, conversation_id)
    UNION ALL
    SELECT source, 'format_errors'
    FROM format_errors SEMI JOIN erased_format_errors USING (source, fetch_id, path, code, message)
)
SELECT
    source,
    count(*) FILTER (kind = 'conversations'),
    count(*) FILTER (kind = 'messages'),
    count(*) FILTER (kind = 'format_errors')
FROM chosen
GROUP BY source
ORDER BY source
