"""DuckDB storage: the schema derived from the table models, and the load transaction."""
