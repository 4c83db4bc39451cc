"""Tests of materialization metadata: column schemas follow the table models and the DDL."""

import dagster as dg
import duckdb
import pytest

from fern_pipeline.audit.tables import AUDIT_TABLE_MODELS
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


DESCRIBED = {**TABLES, **AUDIT_TABLE_MODELS}


@pytest.mark.parametrize("name", list(DESCRIBED), ids=list(DESCRIBED))
def test_every_column_of_every_table_is_described(name: str) -> None:
    columns = DESCRIBED[name].to_schema().columns
    assert [column for column, spec in columns.items() if not (spec.description or "").strip()] == []


@pytest.mark.parametrize("name", list(TABLES), ids=list(TABLES))
def test_the_column_schema_carries_the_models_descriptions(name: str) -> None:
    described = {column: spec.description for column, spec in TABLES[name].to_schema().columns.items()}
    assert {column.name: column.description for column in table_schema(TABLES[name]).columns} == described


def test_the_key_is_a_table_constraint() -> None:
    schema = table_schema(TABLES["messages"])
    assert schema.constraints == dg.TableConstraints(other=["unique (source, conversation_id, message_id)"])


def test_an_errors_table_says_how_many_more_there_are() -> None:
    rendered = errors_table([("/conversations/0/id", "missing_field")], total=12)
    assert rendered.splitlines()[2] == "| /conversations/0/id | missing\\_field |"
    assert rendered.endswith("…and 11 more errors.")
