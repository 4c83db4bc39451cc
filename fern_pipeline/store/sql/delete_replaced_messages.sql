DELETE FROM messages
USING staged_conversations AS staged
WHERE messages.source = staged.source
  AND messages.conversation_id = staged.conversation_id
