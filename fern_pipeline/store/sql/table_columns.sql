-- The columns of one table of the database and their DuckDB types, in order.
SELECT column_name AS name, data_type AS type
FROM information_schema.columns
WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = $table
ORDER BY ordinal_position
