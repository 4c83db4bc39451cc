-- What each conversation about to be erased or expired (temp table erased) asked, as its label was
-- cut from it: its user messages joined in order, masked data ($masked) out, white space single, lower case.
CREATE OR REPLACE TEMP TABLE audit_erased_texts AS
SELECT lower(trim(regexp_replace(
    regexp_replace(string_agg(m.content, ' ' ORDER BY m.created_at, m.position), $masked, ' ', 'g'),
    '\s+', ' ', 'g'
))) AS text
FROM messages AS m
SEMI JOIN erased AS e ON e.source = m.source AND e.conversation_id = m.conversation_id
WHERE m.role = 'user'
GROUP BY m.source, m.conversation_id
