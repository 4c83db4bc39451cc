-- Per topic, its most typical conversations (the closest to it first), each with the customer's first
-- message (the question asked), the longest agent message (the answer, not an acknowledgement) and
-- whether an agent answered at all: what help-center articles are compared with, and drafts quote.
WITH chosen AS (
    SELECT
        a.topic_id,
        c.source,
        c.conversation_id,
        c.url,
        a.topic_score,
        NOT c.unanswered AS answered
    FROM audit_assignments AS a
    JOIN audit_staged_conversations AS c ON c.source = a.source AND c.conversation_id = a.conversation_id
    WHERE a.topic_id IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY a.topic_id ORDER BY a.topic_score DESC, c.source, c.conversation_id
    ) <= $per_topic
)
SELECT
    ch.topic_id,
    ch.source,
    ch.conversation_id,
    ch.url,
    ch.answered,
    arg_min(m.content, m.created_at) FILTER (WHERE m.role = 'user') AS question,
    arg_max(m.content, length(m.content)) FILTER (WHERE m.role = 'agent') AS answer
FROM chosen AS ch
JOIN messages AS m ON m.source = ch.source AND m.conversation_id = ch.conversation_id
GROUP BY ch.topic_id, ch.source, ch.conversation_id, ch.url, ch.answered, ch.topic_score
ORDER BY ch.topic_id, ch.topic_score DESC, ch.source, ch.conversation_id
