-- Messages whose conversation is missing, and conversations whose message_count disagrees with
-- their stored messages: the first $limit of each kind, with the total of each kind.
WITH problems AS (
    SELECT 'message without its conversation' AS problem, m.conversation_id,
           NULL::BIGINT AS message_count, count(*) AS stored_messages
    FROM messages AS m
    ANTI JOIN conversations AS c ON c.source = m.source AND c.conversation_id = m.conversation_id
    WHERE m.source = $source
    GROUP BY m.conversation_id
    UNION ALL
    SELECT 'message_count differs from its messages', c.conversation_id,
           c.message_count, count(m.message_id)
    FROM conversations AS c
    LEFT JOIN messages AS m ON m.source = c.source AND m.conversation_id = c.conversation_id
    WHERE c.source = $source
    GROUP BY c.conversation_id, c.message_count
    HAVING c.message_count <> count(m.message_id)
)
SELECT problem, conversation_id, message_count, stored_messages,
       count(*) OVER (PARTITION BY problem) AS total
FROM problems
QUALIFY row_number() OVER (PARTITION BY problem ORDER BY conversation_id) <= $limit
ORDER BY problem, conversation_id
