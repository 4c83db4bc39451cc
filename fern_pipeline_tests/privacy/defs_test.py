"""Dagster: the source asset masks at load and its logs quote nothing; the retention job and its schedule."""

from collections.abc import Iterator

import dagster as dg
import duckdb
import pytest

from fern_pipeline.definitions import build_definitions
from fern_pipeline.defs.privacy import RETENTION_JOB
from fern_pipeline_tests.privacy.conftest import CLEAR, KEY, KEY_ENV, WriteProject, materialized


@pytest.fixture
def instance() -> Iterator[dg.DagsterInstance]:
    with dg.instance_for_test() as test_instance:
        yield test_instance


@pytest.mark.parametrize("mask", [True, False], ids=["masked", "clear"])
def test_run_logs_metadata_and_checks_quote_no_customer_text(
    write_project: WriteProject, instance: dg.DagsterInstance, monkeypatch: pytest.MonkeyPatch, mask: bool
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    project = write_project({"mask": mask, "key_env": KEY_ENV})
    _, events = materialized(project, instance)
    assert "/conversations/3/messages/0/role" in events  # Eve's rejection is reported, by its pointer
    assert "invalid_role" in events
    for value in CLEAR:
        assert value not in events
    with duckdb.connect(str(project.database)) as connection:
        [(content,)] = connection.execute("SELECT content FROM messages WHERE message_id = 'a1'").fetchall()
    assert ("[email:" in content) == mask


def test_the_retention_job_deletes_what_is_past_retention_and_rebuilds_the_audit(
    write_project: WriteProject, instance: dg.DagsterInstance
) -> None:
    loaded = write_project()
    materialized(loaded, instance)
    project = write_project({"retention_days": 365, "retention_schedule": "0 3 * * *"})
    defs = build_definitions(project)
    result = defs.get_job_def(RETENTION_JOB).execute_in_process(instance=instance, resources=defs.resources)
    assert result.success
    with duckdb.connect(str(project.database)) as connection:
        conversations = connection.execute("SELECT conversation_id FROM conversations ORDER BY 1").fetchall()
        audited = connection.execute("SELECT conversation_id FROM audit_conversations ORDER BY 1").fetchall()
        logged = connection.execute(
            "SELECT source, setting, conversations, messages FROM privacy_log WHERE action = 'retention'"
        ).fetchall()
    assert conversations == [("alice-1",), ("bob-1",)]
    assert ("carol-1",) not in audited
    assert logged == [("helpdesk", "365 days", 1, 1)]
    [schedule] = [s for s in defs.schedules if s.name == f"{RETENTION_JOB}_schedule"]  # type: ignore[union-attr]
    assert schedule.cron_schedule == "0 3 * * *"


def test_without_a_retention_schedule_there_is_none(write_project: WriteProject) -> None:
    defs = build_definitions(write_project({"retention_days": 30}))
    assert defs.get_job_def(RETENTION_JOB) is not None
    assert not [s for s in defs.schedules or [] if s.name.startswith(RETENTION_JOB)]  # type: ignore[union-attr]
