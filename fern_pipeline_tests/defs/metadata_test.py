"""Tests of materialization metadata: column schemas follow the table models and the DDL."""

import dagster as dg
import duckdb
import pytest

from fern_pipeline.defs.metadata import errors_table, table_schema
from fern_pipeline.store.schema import ensure_schema
from fern_pipeline.tables import TABLES


@pytest.mark.parametrize("name", list(TABLES), ids=list(TABLES))
def test_the_column_schema_is_the_tables_ddl(name: str) -> None:
    with duckdb.connect() as connection:
        ensure_schema(connection)
        described = connection.execute(f"DESCRIBE {name}").fetchall()
    schema = table_schema(TABLES[name])
    assert [(column.name, column.type, column.constraints.nullable) for column in schema.columns] == [
        (column, kind, null == "YES") for column, kind, null, *_ in described
    ]


def test_the_key_is_a_table_constraint() -> None:
    schema = table_schema(TABLES["messages"])
    assert schema.constraints == dg.TableConstraints(other=["unique (source, conversation_id, message_id)"])


def test_an_errors_table_says_how_many_more_there_are() -> None:
    rendered = errors_table([("/conversations/0/id", "missing_field")], total=12)
    assert rendered.splitlines()[2] == "| /conversations/0/id | missing\\_field |"
    assert rendered.endswith("…and 11 more errors.")
