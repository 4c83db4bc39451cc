"""When sources are fetched: a running schedule per source with a cron, and declarative automation
that keeps downstream assets (the audit) up to date after any source refreshes."""

import dagster as dg

from fern_pipeline.config import ProjectConfig, SourceConfig
from fern_pipeline.defs.endpoint_test import CHECK_NAME
from fern_pipeline.defs.sources import GROUP, source_asset_key, source_asset_keys

#: Evaluates the automation conditions of the group's assets (the audit's ``eager()``) every 30 s.
AUTOMATION_SENSOR = "fern_pipeline_automation"


def build_source_schedule(source: SourceConfig) -> dg.ScheduleDefinition:
    """Fetch ``source`` and run its checks on its cron, running from the start; the endpoint test is
    left out, as the fetch itself tests the endpoint."""
    assert source.schedule is not None
    return dg.ScheduleDefinition(
        name=f"{source.name}_schedule",
        cron_schedule=source.schedule,
        target=dg.AssetSelection.assets(*source_asset_keys(source))
        - dg.AssetSelection.checks(dg.AssetCheckKey(source_asset_key(source), CHECK_NAME)),
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description=f"Fetches {source.name} on {source.schedule!r}.",
    )


def build_schedule_defs(config: ProjectConfig) -> dg.Definitions:
    """A schedule per source that has one, and the automation sensor over the support group."""
    return dg.Definitions(
        schedules=[build_source_schedule(source) for source in config.sources if source.schedule],
        sensors=[
            dg.AutomationConditionSensorDefinition(
                AUTOMATION_SENSOR,
                target=dg.AssetSelection.groups(GROUP),
                default_status=dg.DefaultSensorStatus.RUNNING,
                description=(
                    "Materializes the support group's assets whose automation condition asks for it, "
                    "e.g. the audit after any source was fetched."
                ),
            )
        ],
    )
