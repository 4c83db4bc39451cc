"""An asset per configured source: one fetch and load with the core code, and the figures it produced."""

from datetime import timedelta
from urllib.parse import urlsplit

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import Field

from fern_pipeline.config import ProjectConfig, SourceConfig
from fern_pipeline.defs.metadata import fetch_metadata, fetch_summary, table_schema
from fern_pipeline.defs.resources import open_database, pool_for, warehouse
from fern_pipeline.errors import ConfigError
from fern_pipeline.ingest import prepare
from fern_pipeline.privacy.settings import privacy_settings
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
    """``<source>/conversations``: the source's rows in the ``conversations`` table."""
    return dg.AssetKey([source.name, "conversations"])


def source_asset_spec(source: SourceConfig) -> dg.AssetSpec:
    """How a configured source appears in Dagster: key, group, kinds, description, owners, tags, and
    freshness (failing when the last successful fetch is older than ``max_age_hours``)."""
    scheme = urlsplit(source.url).scheme.lower()
    about = source.description or f"Support conversations from the {source.name} endpoint."
    return dg.AssetSpec(
        key=source_asset_key(source),
        group_name=GROUP,
        kinds={"duckdb", "file" if scheme == "file" else "http"},
        description=(
            f"{about}\n\nFetched from `{source.redacted_url}`, checked against the endpoint format and "
            "loaded into the `conversations` and `messages` tables; rejected conversations go to "
            "`format_errors`, and every fetch is recorded in `fetches`."
        ),
        owners=source.owners,
        tags=source.tags,
        freshness_policy=dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=source.max_age_hours)),
        metadata={
            "url": dg.MetadataValue.text(source.redacted_url),
            "schedule": dg.MetadataValue.text(source.schedule or "none"),
            "dagster/table_name": "conversations",
            "dagster/column_schema": table_schema(ConversationsTable),
            "messages_column_schema": table_schema(MessagesTable),
        },
    )


def build_source_asset(source: SourceConfig, project: ProjectConfig | None = None) -> dg.AssetsDefinition:
    """The asset that fetches ``source`` and loads it into the warehouse in one transaction, with the
    pool and privacy settings ``project`` gives it (the DuckDB file's pool, no masking, without one)."""
    project = project or ProjectConfig(sources=[source])
    pool = pool_for(project)

    @dg.multi_asset(
        specs=[source_asset_spec(source)],
        name=f"{source.name}_conversations",
        pool=pool,
        retry_policy=RETRY_POLICY,
    )
    def _fetch_and_load(
        context: dg.AssetExecutionContext, config: FetchConfig, duckdb: DuckDBResource
    ) -> dg.MaterializeResult:
        start = start_of_next_fetch(
            warehouse(duckdb), source, start_date=config.start_date, full_refresh=config.full_refresh
        )
        try:
            prepared = prepare(source, start_date=start, privacy=privacy_settings(project, source.name))
        except ConfigError as error:
            raise dg.Failure(description=f"configuration: {error}", allow_retries=False) from None
        with open_database(duckdb) as connection:
            row = load(connection, prepared)
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
        return dg.MaterializeResult(
            metadata={
                "dagster/row_count": dg.MetadataValue.int(conversations),
                "dagster/column_schema": table_schema(ConversationsTable),
                "messages_stored": dg.MetadataValue.int(messages),
                **figures,
                "summary": dg.MetadataValue.md(summary),
            }
        )

    return _fetch_and_load


def build_source_defs(config: ProjectConfig) -> dg.Definitions:
    """One asset per configured source."""
    return dg.Definitions(assets=[build_source_asset(source, config) for source in config.sources])
