DELETE FROM conversations
USING erased
WHERE conversations.source = erased.source AND conversations.conversation_id = erased.conversation_id
RETURNING conversations.source
