-- Run the PostgreSQL statement $statement in the lake's catalog database.
CALL postgres_execute('__ducklake_metadata_lake', $statement)
