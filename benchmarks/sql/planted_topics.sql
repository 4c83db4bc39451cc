-- Each audited conversation's topic beside the subject the generator drew for it
-- (generate_messages.sql: question 1 + hash(i) % 8, asked in English or German).
SELECT topic_id, hash(substr(conversation_id, 2)::BIGINT) % 8 AS subject
FROM audit_conversations
WHERE topic_id IS NOT NULL
