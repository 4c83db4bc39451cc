INSERT INTO format_errors BY NAME SELECT * FROM staged_format_errors
