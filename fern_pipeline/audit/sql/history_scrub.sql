-- A history label that quotes a conversation about to be erased or expired is blanked: every piece of
-- it between placeholders (…) occurs in that conversation's text (audit_erased_texts).
UPDATE audit_history_topics SET label = NULL
WHERE (audit_end, topic_key) IN (
    SELECT (p.audit_end, p.topic_key)
    FROM (
        SELECT audit_end, topic_key, trim(unnest(string_split(lower(label), '…'))) AS piece
        FROM audit_history_topics
        WHERE label IS NOT NULL
    ) AS p
    CROSS JOIN audit_erased_texts AS x
    WHERE p.piece <> ''
    GROUP BY p.audit_end, p.topic_key, x.text
    HAVING bool_and(contains(x.text, p.piece))
);
DROP TABLE audit_erased_texts;
