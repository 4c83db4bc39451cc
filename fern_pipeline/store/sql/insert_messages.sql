INSERT INTO messages BY NAME SELECT * FROM staged_messages
