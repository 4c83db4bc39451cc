DELETE FROM conversations
WHERE EXISTS (
    SELECT 1 FROM erased
    WHERE erased.source = conversations.source AND erased.conversation_id = conversations.conversation_id
)
