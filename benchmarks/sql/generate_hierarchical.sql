-- 1 to 4 messages per conversation, user and agent in turn: the hierarchical set's problems drawn by hash
-- from $drawn (each problem's index repeated by its weight), a phrasing of it in English or German, and a
-- customer number, so nearly every conversation's text is distinct, as real ones are.
INSERT INTO messages
SELECT
    'source_' || (i % 3) AS source,
    'c' || i AS conversation_id,
    'm' || i || '_' || j AS message_id,
    j AS position,
    CASE WHEN j % 2 = 0 THEN 'user' ELSE 'agent' END AS role,
    CASE WHEN j % 2 = 0 THEN 'user' ELSE 'support_agent' END AS source_role,
    CASE
        WHEN j = 0 THEN $phrasings[$drawn[(1 + hash(i) % len($drawn))::BIGINT]]
            [(1 + hash(i, 'phrasing') % 6)::BIGINT] || '. ' || $details[(1 + hash(i, 'detail') % 6)::BIGINT]
            || ' ' || (10000 + hash(i, 'number') % 90000)::VARCHAR || '.'
        WHEN j % 2 = 0 THEN $follow_ups[(1 + hash(i, j) % 4)::BIGINT]
        ELSE 'Thanks for reaching out, we are looking into it.'
    END AS content,
    $end - to_seconds((hash(i, 'start') % 7776000)::BIGINT)
        + to_minutes((j * (5 + hash(i, 'gap') % 600))::BIGINT) AS created_at
FROM range($count) AS c(i), range(4) AS m(j)
WHERE j <= (hash(i, 'length') % 4)::BIGINT
