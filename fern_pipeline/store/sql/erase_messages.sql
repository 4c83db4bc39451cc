DELETE FROM messages
WHERE EXISTS (
    SELECT 1 FROM erased
    WHERE erased.source = messages.source AND erased.conversation_id = messages.conversation_id
)
