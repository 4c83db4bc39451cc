-- The baseline's conversations rows, derived as fern_pipeline derives them, without validation.
INSERT INTO conversations BY NAME
SELECT
    $source AS source,
    conversation.id::VARCHAR AS conversation_id,
    conversation.url::VARCHAR AS url,
    conversation.lastMessageAt::TIMESTAMPTZ AS last_message_at,
    list_min(list_transform(conversation.messages, lambda m: m.createdAt::TIMESTAMPTZ)) AS first_message_at,
    len(conversation.messages) AS message_count,
    len(list_filter(conversation.messages, lambda m: lower(m.role) = 'user')) AS user_message_count,
    len(list_filter(conversation.messages, lambda m: lower(m.role) <> 'user')) AS agent_message_count,
    now() AS fetched_at
FROM document_conversations
