"""The privacy_retention job: every source's retention applied and the audit rebuilt, on a schedule if set."""

from datetime import UTC, datetime

import dagster as dg
from dagster_duckdb import DuckDBResource

from fern_pipeline.config import ProjectConfig
from fern_pipeline.defs.resources import open_database, pool_for
from fern_pipeline.ingest.received import counted
from fern_pipeline.privacy.retention import retain
from fern_pipeline.store.lake import is_lake, purge_deleted

RETENTION_JOB = "privacy_retention"


def build_privacy_defs(project: ProjectConfig) -> dg.Definitions:
    """The retention job, and its schedule when ``privacy.retention_schedule`` is set."""

    @dg.op(
        pool=pool_for(project),
        description="Deletes conversations past their source's retention_days, then rebuilds the audit.",
    )
    def apply_retention(context: dg.OpExecutionContext, duckdb: DuckDBResource) -> dg.Output[None]:
        # Imported by this step alone, as in the audit's asset (defs/audit.py): the audit's libraries
        # were 8.2 s of the code location's 11.9 s import, paid by every step process of every run.
        from fern_pipeline.audit.build import AuditSettings, build_audit

        settings = AuditSettings.from_config(project)
        with open_database(duckdb) as connection:
            removed = retain(connection, project, datetime.now(UTC))
            if any(any(counts) for counts in removed.values()):
                build_audit(connection, settings)
                if is_lake(connection):
                    deleted = purge_deleted(connection)
                    context.log.info(f"purged the lake: {counted(len(deleted), 'old data file')} deleted")
        for source, (conversations, messages, format_errors) in removed.items():
            context.log.info(
                f"{source}: removed {counted(conversations, 'conversation')}, {counted(messages, 'message')} "
                f"and {counted(format_errors, 'format-error row')}"
            )
        metadata = {
            f"{source}_{table}": dg.MetadataValue.int(count)
            for source, counts in removed.items()
            for table, count in zip(("conversations", "messages", "format_errors"), counts, strict=True)
        }
        return dg.Output(None, metadata=metadata)

    @dg.job(name=RETENTION_JOB, description="Applies every source's retention_days and rebuilds the audit.")
    def privacy_retention() -> None:
        apply_retention()

    schedule = project.privacy.retention_schedule
    schedules = (
        [
            dg.ScheduleDefinition(
                name=f"{RETENTION_JOB}_schedule",
                cron_schedule=schedule,
                job=privacy_retention,
                default_status=dg.DefaultScheduleStatus.RUNNING,
                description=f"Applies retention on {schedule!r}.",
            )
        ]
        if schedule
        else []
    )
    return dg.Definitions(jobs=[privacy_retention], schedules=schedules)
