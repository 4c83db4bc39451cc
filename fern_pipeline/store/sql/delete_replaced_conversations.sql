DELETE FROM conversations
WHERE source = $source
  AND conversation_id IN (SELECT conversation_id FROM staged_conversations)
