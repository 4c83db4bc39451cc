-- 1 to 4 messages per conversation, user and agent in turn, questions drawn by hash from $questions.
INSERT INTO messages
SELECT
    'source_' || (i % 3) AS source,
    'c' || i AS conversation_id,
    'm' || i || '_' || j AS message_id,
    j AS position,
    CASE WHEN j % 2 = 0 THEN 'user' ELSE 'agent' END AS role,
    CASE WHEN j % 2 = 0 THEN 'user' ELSE 'support_agent' END AS source_role,
    CASE WHEN j % 2 = 0
        THEN $questions[(1 + hash(i) % 8)::BIGINT][(1 + hash(i, 'language') % 2)::BIGINT] || ', '
            || $details[(1 + hash(i, j) % 6)::BIGINT]
        ELSE 'Thanks for reaching out, we are looking into it.'
    END AS content,
    $end - to_seconds((hash(i, 'start') % 7776000)::BIGINT)
        + to_minutes((j * (5 + hash(i, 'gap') % 600))::BIGINT) AS created_at
FROM range($count) AS c(i), range(4) AS m(j)
WHERE j <= (hash(i, 'length') % 4)::BIGINT
