"""Two assets per source, its conversations and its messages: one fetch and load, its progress and figures."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import Field

from fern_pipeline.config import ProjectConfig, SourceConfig
from fern_pipeline.defs.metadata import fetch_metadata, fetch_summary, table_schema
from fern_pipeline.defs.progress import RunLogProgress
from fern_pipeline.defs.resources import open_database, pool_for, warehouse
from fern_pipeline.errors import ConfigError
from fern_pipeline.ingest.masking.settings import privacy_settings
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.cursor import start_of_next_fetch
from fern_pipeline.store.load import load
from fern_pipeline.store.queries import sql
from fern_pipeline.tables import ConversationsTable, MessagesTable

#: The asset group of every source and of the audit.
GROUP = "support"

#: Retries of a step that failed unexpectedly (e.g. the database stayed locked); a failed fetch
#: raises a Failure that is not retried, since the fetch has retried already.
RETRY_POLICY = dg.RetryPolicy(max_retries=3, delay=2, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.FULL)


class FetchConfig(dg.Config):
    """Run options of a source's fetch, set in the launchpad; by default an incremental source
    continues from what is stored."""

    start_date: str | None = Field(
        default=None,
        description="Start of the fetched window (the incremental parameter), instead of the cursor.",
    )
    full_refresh: bool = Field(
        default=False, description="Fetch from the source's initial start, ignoring what is stored."
    )


def source_asset_key(source: SourceConfig) -> dg.AssetKey:
    """``<source>_conversations``: the source's rows in ``conversations``, named so that the lineage
    graph (which shows a key's last part) tells the sources apart."""
    return dg.AssetKey(f"{source.name}_conversations")


def messages_asset_key(source: SourceConfig) -> dg.AssetKey:
    """``<source>_messages``: the source's rows in ``messages``, written by the same fetch."""
    return dg.AssetKey(f"{source.name}_messages")


def _common(source: SourceConfig) -> dict[str, Any]:
    """What both assets of a source share: group, kinds, owners, tags, freshness, the redacted URL."""
    scheme = urlsplit(source.url).scheme.lower()
    return {
        "group_name": GROUP,
        "kinds": {"duckdb", "file" if scheme == "file" else "http"},
        "owners": source.owners,
        "tags": source.tags,
        "freshness_policy": dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=source.max_age_hours)),
    }


def source_asset_spec(source: SourceConfig) -> dg.AssetSpec:
    """How a configured source appears in Dagster: key, group, kinds, description, owners, tags, and
    freshness (failing when the last successful fetch is older than ``max_age_hours``)."""
    about = source.description or f"Support conversations from the {source.name} endpoint."
    return dg.AssetSpec(
        key=source_asset_key(source),
        description=(
            f"{about}\n\nFetched from `{source.redacted_url}`, checked against the endpoint format and "
            f"loaded into the `conversations` table (its messages into `messages`, the asset "
            f"`{messages_asset_key(source).to_user_string()}`); rejected conversations go to "
            "`format_errors`, and every fetch is recorded in `fetches`."
        ),
        metadata={
            "url": dg.MetadataValue.text(source.redacted_url),
            "schedule": dg.MetadataValue.text(source.schedule or "none"),
            "dagster/table_name": "conversations",
            "dagster/column_schema": table_schema(ConversationsTable),
        },
        **_common(source),
    )


def messages_asset_spec(source: SourceConfig) -> dg.AssetSpec:
    """The source's messages: the ``messages`` rows its conversations hold, loaded in the same transaction."""
    return dg.AssetSpec(
        key=messages_asset_key(source),
        description=(
            f"The messages of {source.name}'s conversations, in the `messages` table (`WHERE source = "
            f"'{source.name}'`), one row per message in the order sent; replaced with their conversation "
            f"by every fetch of `{source_asset_key(source).to_user_string()}`."
        ),
        metadata={
            "dagster/table_name": "messages",
            "dagster/column_schema": table_schema(MessagesTable),
        },
        **_common(source),
    )


def source_asset_keys(source: SourceConfig) -> list[dg.AssetKey]:
    """Both assets of ``source``: one fetch materializes them together."""
    return [source_asset_key(source), messages_asset_key(source)]


def build_source_asset(source: SourceConfig, project: ProjectConfig | None = None) -> dg.AssetsDefinition:
    """The op ``fetch_<source>``: fetches ``source`` and loads it into the warehouse in one transaction,
    with the pool and privacy settings ``project`` gives it (the DuckDB file's pool, no masking, without
    one)."""
    project = project or ProjectConfig(sources=[source])

    @dg.multi_asset(
        specs=[source_asset_spec(source), messages_asset_spec(source)],
        name=f"fetch_{source.name}",
        pool=pool_for(project),
        retry_policy=RETRY_POLICY,
    )
    def _fetch_and_load(
        context: dg.AssetExecutionContext, config: FetchConfig, duckdb: DuckDBResource
    ) -> Iterator[dg.MaterializeResult]:
        start = start_of_next_fetch(
            warehouse(duckdb), source, start_date=config.start_date, full_refresh=config.full_refresh
        )
        progress = RunLogProgress(context.log.info, source.name)
        try:
            prepared = prepare(
                source,
                start_date=start,
                privacy=privacy_settings(project, source.name),
                on_progress=progress.received,
                on_page=progress.page,
            )
        except ConfigError as error:
            raise dg.Failure(description=f"configuration: {error}", allow_retries=False) from None
        if prepared.conversations is not None:
            progress.fetched(len(prepared.conversations.items))
        with open_database(duckdb) as connection:
            row = load(connection, prepared, on_batch=progress.loaded)
            [(conversations, messages)] = connection.execute(
                sql("source_row_counts"), {"source": source.name}
            ).fetchall()
        figures = fetch_metadata(row)
        summary = fetch_summary(prepared, row, conversations)
        if row["status"] == "failed":
            raise dg.Failure(
                description=f"{row['category']}: {prepared.outline}",
                metadata={**figures, "summary": dg.MetadataValue.md(summary)},
                allow_retries=False,
            )
        context.log.info(f"{row['status']}: {prepared.outline}")
        yield dg.MaterializeResult(
            asset_key=source_asset_key(source),
            metadata={
                "dagster/row_count": dg.MetadataValue.int(conversations),
                "dagster/column_schema": table_schema(ConversationsTable),
                **figures,
                "summary": dg.MetadataValue.md(summary),
            },
        )
        yield dg.MaterializeResult(
            asset_key=messages_asset_key(source),
            metadata={
                "dagster/row_count": dg.MetadataValue.int(messages),
                "dagster/column_schema": table_schema(MessagesTable),
                "fetch_id": figures["fetch_id"],
                "messages_loaded": figures["messages_loaded"],
            },
        )

    return _fetch_and_load


def build_source_defs(config: ProjectConfig) -> dg.Definitions:
    """Two assets per configured source, its conversations and its messages, materialized together."""
    return dg.Definitions(assets=[build_source_asset(source, config) for source in config.sources])
