"""The warehouse, a DuckDB file or a DuckLake: the schema from the table models, the load transaction."""
