"""Tests of the schedules and automation: a running schedule per source with a cron, and the audit's
automation after a fetch."""

from pathlib import Path

import dagster as dg
import pytest
from pydantic import ValidationError

from fern_pipeline.config import AuditConfig, ProjectConfig, SourceConfig
from fern_pipeline.definitions import build_definitions
from fern_pipeline.defs.schedules import AUDIT_SCHEDULE, AUTOMATION_SENSOR, build_schedule_defs
from fern_pipeline.defs.sources import source_asset_keys
from fern_pipeline_tests.defs.conftest import VALID, Run, document, endpoint
from fern_pipeline_tests.http_server import LocalServer

CONFIG = ProjectConfig(
    sources=[
        SourceConfig(name="helpdesk", url="https://x.test/e.json", schedule="0 * * * *"),
        SourceConfig(name="webshop", url="https://y.test/e.json", schedule="@daily"),
        SourceConfig(name="export", url="file:///srv/e.json"),
    ]
)


def test_each_source_with_a_cron_gets_a_running_schedule_of_its_asset() -> None:
    defs = build_definitions(CONFIG)
    repository = defs.get_repository_def()
    assert sorted(schedule.name for schedule in repository.schedule_defs) == [
        "helpdesk_schedule",
        "support_audit_schedule",
        "webshop_schedule",
    ]
    helpdesk = defs.resolve_schedule_def("helpdesk_schedule")
    assert helpdesk.cron_schedule == "0 * * * *"
    assert helpdesk.default_status == dg.DefaultScheduleStatus.RUNNING
    job = defs.resolve_job_def(helpdesk.job_name)
    assert job.asset_layer.executable_asset_keys == {
        dg.AssetKey("helpdesk_conversations"),
        dg.AssetKey("helpdesk_messages"),
    }
    checks = job.asset_layer.asset_graph.asset_check_keys
    assert {key.name for key in checks} == {"latest_fetch", "schema", "referential_integrity"}


def test_the_automation_sensor_runs_over_the_support_group() -> None:
    [sensor] = build_schedule_defs(CONFIG).sensors or []
    assert isinstance(sensor, dg.AutomationConditionSensorDefinition)
    assert (sensor.name, sensor.default_status) == (AUTOMATION_SENSOR, dg.DefaultSensorStatus.RUNNING)
    assert sensor.asset_selection == dg.AssetSelection.groups("support")


def test_an_eager_asset_downstream_of_the_sources_is_requested_after_a_fetch(
    server: LocalServer, run: Run, instance: dg.DagsterInstance, database: Path
) -> None:
    """What the automation sensor evaluates for the audit: requested once a source has refreshed."""
    source = endpoint(server, "/export.json", 200, document(VALID))

    defs = build_definitions(ProjectConfig(database=database, sources=[source]))
    sensor = defs.resolve_sensor_def(AUTOMATION_SENSOR)
    assert isinstance(sensor, dg.AutomationConditionSensorDefinition)
    selection = sensor.asset_selection
    before = dg.evaluate_automation_conditions(defs, instance, asset_selection=selection)
    assert before.total_requested == 0
    assert run(source, selection=dg.AssetSelection.assets(*source_asset_keys(source))).success
    after = dg.evaluate_automation_conditions(defs, instance, asset_selection=selection, cursor=before.cursor)
    assert after.get_requested_partitions(dg.AssetKey("support_audit")) == {None}


def test_the_audit_runs_weekly_by_default_on_its_own_cron_or_never() -> None:
    defs = build_definitions(CONFIG)
    audit = defs.resolve_schedule_def(AUDIT_SCHEDULE)
    assert (audit.cron_schedule, audit.default_status) == ("0 6 * * 1", dg.DefaultScheduleStatus.RUNNING)
    job = defs.resolve_job_def(audit.job_name)
    assert job.asset_layer.executable_asset_keys == {dg.AssetKey("support_audit")}
    assert {key.name for key in job.asset_layer.asset_graph.asset_check_keys} >= {
        "rising_topics",
        "new_topics",
    }
    daily = CONFIG.model_copy(update={"audit": AuditConfig(schedule="@daily")})
    assert build_definitions(daily).resolve_schedule_def(AUDIT_SCHEDULE).cron_schedule == "@daily"
    off = CONFIG.model_copy(update={"audit": AuditConfig(schedule=None)})
    names = [schedule.name for schedule in build_definitions(off).get_repository_def().schedule_defs]
    assert AUDIT_SCHEDULE not in names


def test_an_audit_schedule_that_is_no_cron_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a cron expression"):
        AuditConfig(schedule="every monday")
