DELETE FROM messages
USING erased
WHERE messages.source = erased.source AND messages.conversation_id = erased.conversation_id
RETURNING messages.source
