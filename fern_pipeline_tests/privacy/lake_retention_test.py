"""Retention on a DuckLake, at load and by the retention job: no old snapshot keeps the expired rows."""

import dagster as dg

from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.definitions import build_definitions
from fern_pipeline.defs.privacy import RETENTION_JOB
from fern_pipeline_tests.privacy.conftest import CAROL, KEY_ENV, WriteProject
from fern_pipeline_tests.privacy.erase_test import cli
from fern_pipeline_tests.privacy.lake_erase_test import catalog_dump, data_files
from fern_pipeline_tests.services import Postgres
from fern_pipeline_tests.store.conftest import read

#: Carol's old conversation is 400 days old.
RETENTION = {"key_env": KEY_ENV, "retention_days": 365}


def load_carol(write_project: WriteProject, lake: LakeConfig, postgres: Postgres) -> None:
    """The PII document loaded into ``lake`` without retention: Carol's text in its data files (the
    catalog holds it only as a column's bound, which her message is not: see lake_erase_test)."""
    code, output = cli(write_project({"key_env": KEY_ENV}, lake=lake), "load", "--source", "helpdesk")
    assert code == 0, output
    assert CAROL.encode() in data_files(lake)


def assert_carol_gone(postgres: Postgres, lake: LakeConfig) -> None:
    assert read(lake, "SELECT conversation_id FROM conversations ORDER BY 1") == [("alice-1",), ("bob-1",)]
    assert read(
        lake, "SELECT source, setting, conversations, messages FROM privacy_log WHERE action = 'retention'"
    ) == [("helpdesk", "365 days", 1, 1)]
    assert CAROL.encode() not in data_files(lake)
    assert CAROL.encode() not in catalog_dump(postgres, lake)


def test_retention_at_load_leaves_no_snapshot_of_the_expired_rows(
    write_project: WriteProject, lake: LakeConfig, postgres: Postgres
) -> None:
    load_carol(write_project, lake, postgres)
    code, output = cli(write_project(RETENTION, lake=lake), "load", "--source", "helpdesk")
    assert code == 0, output
    assert_carol_gone(postgres, lake)


def test_the_retention_job_leaves_no_snapshot_of_the_expired_rows(
    write_project: WriteProject, lake: LakeConfig, postgres: Postgres
) -> None:
    load_carol(write_project, lake, postgres)
    defs = build_definitions(write_project(RETENTION, lake=lake))
    with dg.instance_for_test() as instance:
        result = defs.get_job_def(RETENTION_JOB).execute_in_process(
            instance=instance, resources=defs.resources
        )
    assert result.success
    assert_carol_gone(postgres, lake)
    assert ("carol-1",) not in read(lake, "SELECT conversation_id FROM audit_conversations")
