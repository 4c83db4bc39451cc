"""The audit asset: runs the audit over every source's conversations once they have loaded."""

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import Field, ValidationError

from fern_pipeline.config import AuditConfig, ProjectConfig
from fern_pipeline.defs.audit_checks import alert_check_specs, new_result, rising_result, weeks_metadata
from fern_pipeline.defs.metadata import described_schema
from fern_pipeline.defs.resources import open_database, pool_for
from fern_pipeline.defs.sources import GROUP, source_asset_keys
from fern_pipeline.ingest.received import counted
from fern_pipeline.store.queries import records

if TYPE_CHECKING:
    from fern_pipeline.audit.build import AuditResult, AuditSettings

# The audit's modules are imported by the audit's step alone (see support_audit), hence inside the
# functions below: the audit's libraries (scikit-learn with SciPy, jinja2) were 8.2 s of the code
# location's 11.9 s import on the shared 2-core machine (-X importtime), which every step process of
# every run paid, each source's load included (benchmarks/startup.py).

AUDIT_KEY = dg.AssetKey("support_audit")
#: Headline figures (all sources) also given as numbers, so Dagster plots them across materializations.
PLOTTED = (
    "conversations",
    "first_response_median_seconds",
    "resolution_median_seconds",
    "unanswered_share",
    "awaiting_reply_share",
    "conversations_rejected_share",
)
DESCRIPTION = """What customers ask, how support answers, where the help center falls short and what
was wrong with the data, over the audit window (default: the 90 days up to the newest message).

Writes `audit_conversations`, `audit_topics`, `audit_themes`, `audit_summary`, `audit_daily`,
`audit_activity`, `audit_format_errors` and `audit_drafts` in one transaction, and `audit_report.html`
and a draft per topic to write or update (`audit_drafts/`) beside the DuckDB file."""


def _metadata(result: "AuditResult", columns: dict[str, list[dict[str, str]]]) -> dict[str, object]:
    """The audit's figures; the columns of ``audit_conversations`` as its column schema, the others beside."""
    from fern_pipeline.audit.tables import AUDIT_TABLE_MODELS

    schemas = {name: described_schema(AUDIT_TABLE_MODELS[name], found) for name, found in columns.items()}
    metadata: dict[str, object] = {
        "summary": dg.MetadataValue.md(result.markdown),
        "dagster/row_count": dg.MetadataValue.int(result.conversations),
        "dagster/column_schema": schemas.pop("audit_conversations"),
        **{
            f"{name}_column_schema": dg.MetadataValue.table_schema(schema) for name, schema in schemas.items()
        },
        "topics": dg.MetadataValue.int(result.topics),
        "themes": dg.MetadataValue.int(result.themes),
        "help_center_articles": dg.MetadataValue.int(result.articles),
        "window_start": dg.MetadataValue.timestamp(result.window_start),
        "window_end": dg.MetadataValue.timestamp(result.window_end),
        "table_rows": dg.MetadataValue.json(result.row_counts),
    }
    if result.report_path is not None:
        metadata["report_path"] = dg.MetadataValue.path(str(result.report_path))
    for metric in PLOTTED:
        value = result.figures.get(metric)
        if value is not None:
            metadata[metric] = dg.MetadataValue.float(float(value))
    return metadata


class AuditRunConfig(dg.Config):
    """Launchpad overrides of the configured audit window, e.g. to audit last quarter once."""

    window_days: int | None = Field(
        default=None, description="Days the audit covers; default: the configured."
    )
    end: str | None = Field(
        default=None,
        description="Last instant covered (ISO 8601 with a zone); default: as configured, else the newest.",
    )
    weeks_back: int = Field(
        default=0,
        ge=0,
        le=520,
        description="Audit as it was this many weeks before that end, e.g. to fill the history once.",
    )


def _settings(project: ProjectConfig, overrides: AuditRunConfig) -> "AuditSettings":
    """The configured audit with the run's overrides, validated like the configuration file."""
    from fern_pipeline.audit.build import AuditSettings

    chosen = {
        key: value for key, value in overrides.model_dump(exclude={"weeks_back"}).items() if value is not None
    }
    try:
        audit = AuditConfig.model_validate(project.audit.model_dump() | chosen)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
            for e in error.errors()
        )
        raise dg.Failure(description=f"audit run config: {problems}", allow_retries=False) from None
    settings = AuditSettings.from_config(project.model_copy(update={"audit": audit}))
    return replace(settings, back=timedelta(weeks=overrides.weeks_back))


def build_audit_defs(project: ProjectConfig) -> dg.Definitions:
    """The ``support_audit`` asset, downstream of every configured source's asset."""

    @dg.asset(
        key=AUDIT_KEY,
        group_name=GROUP,
        deps=[key for source in project.sources for key in source_asset_keys(source)],
        pool=pool_for(project),
        kinds={"duckdb", "html"},
        description=DESCRIPTION,
        automation_condition=dg.AutomationCondition.eager(),
        check_specs=alert_check_specs(AUDIT_KEY),
    )
    def support_audit(
        context: dg.AssetExecutionContext, config: AuditRunConfig, duckdb: DuckDBResource
    ) -> dg.MaterializeResult:
        from fern_pipeline.audit.alerts import read_alerts
        from fern_pipeline.audit.build import build_audit
        from fern_pipeline.audit.summary import topic_name
        from fern_pipeline.audit.tables import AUDIT_TABLE_MODELS

        # The help center is read (maybe over the network) before the database is opened.
        settings = _settings(project, config)
        with open_database(duckdb) as connection:
            result = build_audit(connection, settings)
            columns = {name: records(connection, "table_columns", table=name) for name in AUDIT_TABLE_MODELS}
            alerts = read_alerts(connection, topic_name)
        for warning in result.warnings:
            context.log.warning(warning)
        context.log.info(
            f"audited {counted(result.conversations, 'conversation')} in {counted(result.topics, 'topic')}; "
            f"report: {result.report_path}"
        )
        return dg.MaterializeResult(
            metadata=_metadata(result, columns) | weeks_metadata(alerts),
            check_results=[
                check
                for check in (rising_result(AUDIT_KEY, alerts), new_result(AUDIT_KEY, alerts))
                if dg.AssetCheckKey(AUDIT_KEY, check.check_name) in context.selected_asset_check_keys
            ],
        )

    return dg.Definitions(assets=[support_audit])
