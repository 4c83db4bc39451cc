"""When sources are fetched: a running schedule per source with a cron, and declarative automation
that keeps downstream assets (the audit) up to date after any source refreshes."""

import dagster as dg

from fern_pipeline.config import ProjectConfig, SourceConfig
from fern_pipeline.defs.audit import AUDIT_KEY
from fern_pipeline.defs.endpoint_test import CHECK_NAME
from fern_pipeline.defs.sources import GROUP, source_asset_key, source_asset_keys

#: Evaluates the automation conditions of the group's assets (the audit's ``eager()``) every 30 s.
AUTOMATION_SENSOR = "fern_pipeline_automation"
AUDIT_SCHEDULE = "support_audit_schedule"


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


def build_audit_schedule(cron_schedule: str) -> dg.ScheduleDefinition:
    """The audit (and its alert checks) on ``cron_schedule``, running from the start: a weekly audit
    keeps its history and alerts coming when no load triggers one."""
    return dg.ScheduleDefinition(
        name=AUDIT_SCHEDULE,
        cron_schedule=cron_schedule,
        target=dg.AssetSelection.assets(AUDIT_KEY),
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description=f"Audits the support conversations on {cron_schedule!r} (audit.schedule).",
    )


def build_schedule_defs(config: ProjectConfig) -> dg.Definitions:
    """A schedule per source that has one, the audit's, and the automation sensor over the support group."""
    audit = [build_audit_schedule(config.audit.schedule)] if config.audit.schedule else []
    return dg.Definitions(
        schedules=[build_source_schedule(source) for source in config.sources if source.schedule] + audit,
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
