-- A history label (of a topic or a theme) that quotes a conversation about to be erased or expired is
-- blanked: every piece of it between placeholders (…) occurs in that conversation's text
-- (audit_erased_texts).
CREATE OR REPLACE TEMP TABLE audit_quoted_labels AS
SELECT p.label
FROM (
    SELECT label, trim(unnest(string_split(lower(label), '…'))) AS piece
    FROM (
        SELECT label FROM audit_history_topics WHERE label IS NOT NULL
        UNION
        SELECT label FROM audit_history_themes WHERE label IS NOT NULL
    )
) AS p
CROSS JOIN audit_erased_texts AS x
WHERE p.piece <> ''
GROUP BY p.label, x.text
HAVING bool_and(contains(x.text, p.piece));
UPDATE audit_history_topics SET label = NULL WHERE label IN (SELECT label FROM audit_quoted_labels);
UPDATE audit_history_themes SET label = NULL WHERE label IN (SELECT label FROM audit_quoted_labels);
DROP TABLE audit_quoted_labels;
DROP TABLE audit_erased_texts;
