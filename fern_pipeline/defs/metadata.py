"""Materialization metadata: column schemas from the table models, a fetch's figures and summary."""

from typing import Any

import dagster as dg
import pandera.pandas as pa

from fern_pipeline.ingest.prepare import Prepared
from fern_pipeline.ingest.received import counted
from fern_pipeline.markdown import escape, table
from fern_pipeline.store.schema import duckdb_type

#: How many format errors a summary or check lists before it says how many more there are.
SHOWN_ERRORS = 10


def table_schema(model: type[pa.DataFrameModel]) -> dg.TableSchema:
    """The ``dagster/column_schema`` of the table ``model`` defines: DuckDB types, nullability, keys."""
    schema = model.to_schema()
    unique = schema.unique or []
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=name,
                type=duckdb_type(model, name),
                description=column.description,
                constraints=dg.TableColumnConstraints(nullable=column.nullable, unique=unique == [name]),
            )
            for name, column in schema.columns.items()
        ],
        constraints=dg.TableConstraints(other=[f"unique ({', '.join(unique)})"] if unique else []),
    )


def described_schema(model: type[pa.DataFrameModel], columns: list[dict[str, str]]) -> dg.TableSchema:
    """The column schema of a table that SQL creates (the audit's): DuckDB's ``columns`` (name and type,
    as found in the database), each described by ``model``."""
    fields = model.to_schema().columns
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=column["name"],
                type=column["type"],
                description=fields[column["name"]].description if column["name"] in fields else None,
            )
            for column in columns
        ]
    )


def fetch_metadata(row: dict[str, Any]) -> dict[str, dg.MetadataValue]:
    """The figures of one ``fetches`` row, as Dagster metadata (absent values left out)."""
    duration = (row["finished_at"] - row["started_at"]).total_seconds()
    figures: dict[str, dg.MetadataValue] = {
        "fetch_id": dg.MetadataValue.int(row["fetch_id"]),
        "status": dg.MetadataValue.text(row["status"]),
        "url": dg.MetadataValue.text(row["url"]),
        "conversations_loaded": dg.MetadataValue.int(row["conversations_loaded"]),
        "messages_loaded": dg.MetadataValue.int(row["messages_loaded"]),
        "conversations_rejected": dg.MetadataValue.int(row["conversations_rejected"]),
        "duration_seconds": dg.MetadataValue.float(round(duration, 3)),
    }
    for name in ("category", "start_date"):
        if row[name] is not None:
            figures[name] = dg.MetadataValue.text(row[name])
    for name in ("http_status", "bytes"):
        if row[name] is not None:
            figures[name] = dg.MetadataValue.int(row[name])
    return figures


def errors_table(errors: list[tuple[str, str]], total: int) -> str:
    """The first format errors as a Markdown table (JSON pointer, code), with how many more.

    Their messages are left out: they may quote what the endpoint sent, and Dagster keeps its
    metadata beyond the reach of retention and erasure (``format_errors`` has them).
    """
    shown = table(["JSON pointer", "code"], errors)
    more = total - len(errors)
    return shown + (f"\n\n…and {counted(more, 'more error')}." if more > 0 else "")


def fetch_summary(prepared: Prepared, row: dict[str, Any], stored: int) -> str:
    """A Markdown account of one fetch for the materialization page."""
    lines = [
        f"**{escape(prepared.source)}**: {escape(row['status'])}. {escape(prepared.outline)}.",
        "",
        table(
            ["figure", "value"],
            [
                ("conversations loaded", f"{row['conversations_loaded']:,}"),
                ("messages loaded", f"{row['messages_loaded']:,}"),
                ("conversations rejected", f"{row['conversations_rejected']:,}"),
                ("conversations stored for this source", f"{stored:,}"),
                ("bytes", "—" if row["bytes"] is None else f"{row['bytes']:,}"),
                ("HTTP status", "—" if row["http_status"] is None else row["http_status"]),
            ],
        ),
    ]
    errors = [(error.path, error.code) for error in prepared.errors]
    if errors:
        lines += ["", "**Format errors**", "", errors_table(errors[:SHOWN_ERRORS], len(errors))]
    return "\n".join(lines)
