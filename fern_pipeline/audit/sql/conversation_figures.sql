-- Per conversation started in the window: turns, first response, resolution, unanswered, awaiting a reply.
-- A turn is a maximal run of consecutive messages from the same side, in createdAt order (payload order
-- breaks ties). Response times are measured from the first user message.
CREATE OR REPLACE TEMP TABLE audit_staged_conversations AS
WITH windowed AS (
    SELECT source, conversation_id, url, coalesce(first_message_at, last_message_at) AS started_at
    FROM conversations
    WHERE coalesce(first_message_at, last_message_at) > $window_start
      AND coalesce(first_message_at, last_message_at) <= $window_end
),
ordered AS (
    SELECT
        m.source,
        m.conversation_id,
        m.role,
        m.created_at,
        row_number() OVER thread AS rank,
        (m.role IS DISTINCT FROM lag(m.role) OVER thread)::INTEGER AS turn_start
    FROM messages AS m
    SEMI JOIN windowed AS w ON m.source = w.source AND m.conversation_id = w.conversation_id
    WINDOW thread AS (PARTITION BY m.source, m.conversation_id ORDER BY m.created_at, m.position)
),
threads AS (
    SELECT
        source,
        conversation_id,
        count(*) AS messages,
        sum(turn_start) AS turns,
        count(*) FILTER (WHERE role = 'agent') AS agent_messages,
        min(rank) FILTER (WHERE role = 'user') AS first_user_rank,
        min(created_at) FILTER (WHERE role = 'user') AS first_user_at,
        arg_max(role, rank) AS last_role
    FROM ordered
    GROUP BY source, conversation_id
),
replies AS (
    SELECT
        o.source,
        o.conversation_id,
        min(o.created_at) AS first_reply_at,
        max(o.created_at) AS last_reply_at
    FROM ordered AS o
    JOIN threads AS t ON o.source = t.source AND o.conversation_id = t.conversation_id
    WHERE o.role = 'agent' AND o.rank > t.first_user_rank
    GROUP BY o.source, o.conversation_id
)
SELECT
    w.source,
    w.conversation_id,
    w.url,
    w.started_at,
    coalesce(t.messages, 0) AS messages,
    coalesce(t.turns, 0) AS turns,
    date_diff('millisecond', t.first_user_at, r.first_reply_at) / 1000.0 AS first_response_seconds,
    date_diff('millisecond', t.first_user_at, r.last_reply_at) / 1000.0 AS resolution_seconds,
    coalesce(t.agent_messages, 0) = 0 AS unanswered,
    coalesce(t.last_role = 'user', false) AS awaiting_reply
FROM windowed AS w
LEFT JOIN threads AS t ON w.source = t.source AND w.conversation_id = t.conversation_id
LEFT JOIN replies AS r ON w.source = r.source AND w.conversation_id = r.conversation_id
