"""DuckDB DDL derived from the pandera table models, so the two can never disagree; the same on a lake."""

import duckdb
import pandera.pandas as pa

from fern_pipeline.store.lake import committed, is_lake
from fern_pipeline.store.queries import sql
from fern_pipeline.tables import TABLES

#: DuckDB type for each pandera dtype the table models use.
DUCKDB_TYPES = {
    "str": "VARCHAR",
    "int64": "BIGINT",
    "Int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "datetime64[ns, UTC]": "TIMESTAMP WITH TIME ZONE",
}


def duckdb_type(model: type[pa.DataFrameModel], column: str) -> str:
    """The DuckDB type of ``column`` in the table ``model`` defines."""
    return DUCKDB_TYPES[str(model.to_schema().columns[column].dtype)]


def create_table_sql(name: str, model: type[pa.DataFrameModel]) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for one table: columns and NOT NULL from ``model``.

    The keys (``Config.unique``) are kept by the load transaction, which deletes a conversation's
    rows before inserting them again, and checked by pandera before every load and by the asset
    checks after. They are not declared as a PRIMARY KEY: DuckDB's index made replacing 200,000
    messages in one transaction about 30 times slower (8.8 s against 0.3 s, measured).
    """
    schema = model.to_schema()
    columns = [
        f"{column} {duckdb_type(model, column)}{'' if spec.nullable else ' NOT NULL'}"
        for column, spec in schema.columns.items()
    ]
    return f"CREATE TABLE IF NOT EXISTS {name} (\n    " + ",\n    ".join(columns) + "\n)"


def ensure_schema(connection: duckdb.DuckDBPyConnection) -> None:
    """Create every table and the fetch id sequence when missing; leaves existing data alone.

    On a lake the sequence is in its PostgreSQL catalog database, as DuckLake has no sequences, and
    creating a table that another process creates at the same moment is made again (it is there then).
    """
    sequence = sql("create_lake_fetch_ids" if is_lake(connection) else "create_fetch_ids")

    def create() -> None:
        connection.execute(sequence)
        for name, model in TABLES.items():
            connection.execute(create_table_sql(name, model))

    committed(connection, create, what="creating the tables")
