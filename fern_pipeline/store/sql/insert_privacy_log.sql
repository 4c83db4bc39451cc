INSERT INTO privacy_log BY NAME SELECT * FROM staged_privacy_log
