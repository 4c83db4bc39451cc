-- The baseline's messages rows, in document order, without validation.
INSERT INTO messages BY NAME
SELECT
    $source AS source,
    conversation_id,
    message.id::VARCHAR AS message_id,
    position,
    CASE WHEN lower(message.role) = 'user' THEN 'user' ELSE 'agent' END AS role,
    message.role AS source_role,
    message.content AS content,
    message.createdAt::TIMESTAMPTZ AS created_at
FROM (
    SELECT
        conversation.id::VARCHAR AS conversation_id,
        unnest(conversation.messages) AS message,
        generate_subscripts(conversation.messages, 1) - 1 AS position
    FROM document_conversations
)
