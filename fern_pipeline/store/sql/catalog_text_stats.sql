-- Run in the lake's PostgreSQL catalog: DuckLake keeps each table's smallest and largest value of
-- every column and only ever widens them, so an erased text can stay there as a bound. A text
-- column's bounds are recomputed from its live data files' own (byte order, as DuckDB compares).
UPDATE ducklake_table_column_stats AS stats
SET (min_value, max_value) = (
    SELECT min(files.min_value COLLATE "C"), max(files.max_value COLLATE "C")
    FROM ducklake_file_column_stats AS files
    JOIN ducklake_data_file AS data ON data.data_file_id = files.data_file_id
    WHERE files.table_id = stats.table_id AND files.column_id = stats.column_id
      AND data.end_snapshot IS NULL
)
WHERE EXISTS (
    SELECT 1 FROM ducklake_column AS columns
    WHERE columns.table_id = stats.table_id AND columns.column_id = stats.column_id
      AND columns.column_type = 'varchar' AND columns.end_snapshot IS NULL
)
