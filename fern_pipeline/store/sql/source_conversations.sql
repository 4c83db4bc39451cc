SELECT * FROM conversations WHERE source = $source ORDER BY conversation_id
