-- One conversations row per generated conversation, derived from its messages.
INSERT INTO conversations
SELECT source, conversation_id, NULL, max(created_at), min(created_at), count(*),
    count(*) FILTER (WHERE role = 'user'), count(*) FILTER (WHERE role = 'agent'), $end
FROM messages
GROUP BY source, conversation_id
