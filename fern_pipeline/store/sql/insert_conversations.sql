INSERT INTO conversations BY NAME SELECT * FROM staged_conversations
