-- The lake as the default database, named lake: its PostgreSQL catalog is then attached by DuckLake
-- as __ducklake_metadata_lake, where the fetch id sequence lives (create_lake_fetch_ids.sql).
ATTACH 'ducklake:fern_lake' AS lake;
USE lake;
