-- Fetch ids on a lake: a sequence in its PostgreSQL catalog database (DuckLake has none of its own).
CALL postgres_execute('__ducklake_metadata_lake', 'CREATE SEQUENCE IF NOT EXISTS fern_fetch_ids')
