-- Retention: the messages of a source's conversations whose last message is before $cutoff.
DELETE FROM messages
WHERE source = $source
  AND conversation_id IN (
      SELECT conversation_id FROM conversations WHERE source = $source AND last_message_at < $cutoff
  )
