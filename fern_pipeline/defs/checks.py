"""Asset checks on each source: its latest fetch's rejections, the stored rows' schema and integrity."""

from typing import Any

import dagster as dg
import pandas as pd
import pandera.errors
import pandera.pandas as pa
from dagster_duckdb import DuckDBResource

from fern_pipeline.config import ProjectConfig, SourceConfig
from fern_pipeline.defs.metadata import SHOWN_ERRORS, errors_table
from fern_pipeline.defs.resources import POOL, open_database, pool_for
from fern_pipeline.defs.sources import source_asset_key
from fern_pipeline.ingest.received import counted
from fern_pipeline.markdown import table
from fern_pipeline.store.queries import records, sql
from fern_pipeline.tables import ConversationsTable, MessagesTable


def _described(fetch: dict[str, Any], errors: list[dict[str, Any]]) -> str:
    """The check's description: the fetch's outcome in counts and JSON pointers, quoting nothing sent."""
    if not errors:
        return f"{fetch['category'] or fetch['status']}: {fetch['message']}"
    first = errors[0]
    return (
        f"{fetch['status']}: {counted(fetch['conversations_loaded'], 'conversation')} loaded, "
        f"{fetch['conversations_rejected']:,} rejected for format errors "
        f"({counted(first['total'], 'error')}, the first at {first['path']}: {first['code']})"
    )


def latest_fetch_result(fetch: dict[str, Any] | None, errors: list[dict[str, Any]]) -> dg.AssetCheckResult:
    """Pass when the latest fetch loaded everything; warn when it rejected some; error when it failed."""
    if fetch is None:
        return dg.AssetCheckResult(
            passed=False,
            severity=dg.AssetCheckSeverity.WARN,
            description="No fetch of this source is recorded yet.",
        )
    metadata: dict[str, dg.MetadataValue] = {
        "fetch_id": dg.MetadataValue.int(fetch["fetch_id"]),
        "status": dg.MetadataValue.text(fetch["status"]),
        "conversations_rejected": dg.MetadataValue.int(fetch["conversations_rejected"]),
    }
    if fetch["category"] is not None:
        metadata["category"] = dg.MetadataValue.text(fetch["category"])
    if errors:
        shown = [(error["path"], error["code"]) for error in errors]
        metadata["errors"] = dg.MetadataValue.md(errors_table(shown, errors[0]["total"]))
        metadata["first_error_path"] = dg.MetadataValue.text(errors[0]["path"])
    description = _described(fetch, errors)
    return dg.AssetCheckResult(
        passed=fetch["status"] == "ok",
        severity=dg.AssetCheckSeverity.ERROR if fetch["status"] == "failed" else dg.AssetCheckSeverity.WARN,
        description=description,
        metadata=metadata,
    )


def _as_model_frame(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """DuckDB's timestamps (microseconds, session zone) as the model's UTC nanoseconds; the rest as is."""
    for name, column in model.to_schema().columns.items():
        if str(column.dtype).startswith("datetime64") and name in frame:
            frame[name] = frame[name].dt.tz_convert("UTC").astype(str(column.dtype))
    return frame


def schema_result(frames: dict[str, pd.DataFrame]) -> dg.AssetCheckResult:
    """Validate each stored table's rows against its pandera model, every failure collected."""
    models: dict[str, type[pa.DataFrameModel]] = {
        "conversations": ConversationsTable,
        "messages": MessagesTable,
    }
    failures = []
    for name, frame in frames.items():
        try:
            models[name].validate(_as_model_frame(frame, models[name]), lazy=True)
        except pandera.errors.SchemaErrors as errors:
            cases = errors.failure_cases
            failures += [
                (name, row.column, row.check, row.failure_case, row.index)
                for row in cases.head(SHOWN_ERRORS).itertuples()
            ]
            failures += (
                [] if len(cases) <= SHOWN_ERRORS else [(name, "…", f"{len(cases):,} failures", "", "")]
            )
    rows = {name: dg.MetadataValue.int(len(frame)) for name, frame in frames.items()}
    if not failures:
        return dg.AssetCheckResult(passed=True, metadata=rows)
    return dg.AssetCheckResult(
        passed=False,
        severity=dg.AssetCheckSeverity.ERROR,
        description="Stored rows depart from the table models in fern_pipeline/tables.py.",
        metadata={
            **rows,
            "failures": dg.MetadataValue.md(table(["table", "column", "check", "value", "row"], failures)),
        },
    )


def integrity_result(problems: list[dict[str, Any]]) -> dg.AssetCheckResult:
    """Pass when every message has its conversation and every message_count matches its messages."""
    if not problems:
        return dg.AssetCheckResult(passed=True)
    totals = {problem["problem"]: problem["total"] for problem in problems}
    shown = [
        (row["problem"], row["conversation_id"], row["message_count"] or "—", row["stored_messages"])
        for row in problems
    ]
    return dg.AssetCheckResult(
        passed=False,
        severity=dg.AssetCheckSeverity.ERROR,
        description="; ".join(
            f"{counted(total, 'conversation')}: {problem}" for problem, total in totals.items()
        ),
        metadata={
            "problems": dg.MetadataValue.md(
                table(["problem", "conversation", "message_count", "stored messages"], shown)
            ),
            **{problem.replace(" ", "_"): dg.MetadataValue.int(total) for problem, total in totals.items()},
        },
    )


def build_source_checks(source: SourceConfig, pool: str | None = POOL) -> list[dg.AssetChecksDefinition]:
    """The checks of one source's asset that read the database."""
    key = source_asset_key(source)
    # The three checks share their decorator's shape (asset, name, blocking, pool, description), as
    # Dagster declares them; each reads its own query and renders its own result above.

    @dg.asset_check(
        asset=key,
        name="latest_fetch",
        blocking=True,
        pool=pool,
        description=(
            "The latest fetch of this source: warns when it rejected conversations for format errors "
            "(the first errors, with their JSON pointers), errors when it failed."
        ),
    )
    def latest_fetch(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with open_database(duckdb) as connection:
            fetches = records(connection, "latest_fetch", source=source.name)
            errors = (
                records(
                    connection, "first_format_errors", fetch_id=fetches[0]["fetch_id"], limit=SHOWN_ERRORS
                )
                if fetches
                else []
            )
        return latest_fetch_result(fetches[0] if fetches else None, errors)

    @dg.asset_check(
        asset=key,
        name="schema",
        blocking=True,
        pool=pool,
        description="The source's stored conversations and messages validate against their pandera models.",
    )
    def schema(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with open_database(duckdb) as connection:
            frames = {
                table_name: connection.execute(sql(f"source_{table_name}"), {"source": source.name}).df()
                for table_name in ("conversations", "messages")
            }
        return schema_result(frames)

    @dg.asset_check(
        asset=key,
        name="referential_integrity",
        blocking=True,
        pool=pool,
        description=(
            "No stored message lacks its conversation, and every conversation's message_count equals "
            "its stored messages."
        ),
    )
    def referential_integrity(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with open_database(duckdb) as connection:
            problems = records(connection, "integrity_problems", source=source.name, limit=SHOWN_ERRORS)
        return integrity_result(problems)

    return [latest_fetch, schema, referential_integrity]


def build_check_defs(config: ProjectConfig) -> dg.Definitions:
    """Every source's checks (its freshness is a FreshnessPolicy on the asset, see sources.py)."""
    return dg.Definitions(
        asset_checks=[
            check for source in config.sources for check in build_source_checks(source, pool_for(config))
        ]
    )
