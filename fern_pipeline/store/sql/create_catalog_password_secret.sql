-- The catalog's password, used by every PostgreSQL connection of this DuckDB (shown redacted).
CREATE TEMPORARY SECRET (TYPE postgres, PASSWORD getvariable('fern_lake').password)
