DELETE FROM conversations
USING staged_conversations AS staged
WHERE conversations.source = staged.source
  AND conversations.conversation_id = staged.conversation_id
