SELECT * FROM messages WHERE source = $source ORDER BY conversation_id, position
