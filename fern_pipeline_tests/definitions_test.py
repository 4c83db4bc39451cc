"""Tests of the code location: every definition loads, every job and schedule resolves."""

from collections.abc import Callable
from pathlib import Path

import dagster as dg
import pytest

from fern_pipeline.definitions import defs

CONFIG = """
database: data/fern.duckdb
sources:
  - name: helpdesk
    url: https://company.com/support-endpoint.json?token=abc
    headers: {Authorization: "Bearer {{ env.FERN_UNSET_TOKEN }}"}
    schedule: "0 * * * *"
    owners: [team:support]
  - name: export
    url: file:///srv/export.json
"""


@pytest.fixture
def configured(config_file: Callable[[str], Path]) -> Path:
    """The configuration file, named by ``$FERN_PIPELINE_CONFIG``."""
    return config_file(CONFIG)


def test_every_definition_loads_and_resolves(configured: Path) -> None:
    loaded = defs()
    dg.Definitions.validate_loadable(loaded)
    repository = loaded.get_repository_def()
    for job in loaded.resolve_all_job_defs():
        assert loaded.resolve_job_def(job.name).name == job.name
    assert [schedule.name for schedule in repository.schedule_defs] == [
        "helpdesk_schedule",
        "support_audit_schedule",
    ]
    assert loaded.resolve_schedule_def("helpdesk_schedule").job_name in repository.job_names
    assert [sensor.name for sensor in repository.sensor_defs] == ["fern_pipeline_automation"]
    graph = loaded.resolve_asset_graph()
    assert graph.get_all_asset_keys() == {
        *(dg.AssetKey(f"{s}_{t}") for s in ("helpdesk", "export") for t in ("conversations", "messages")),
        dg.AssetKey("support_audit"),
    }
    assert {(key.asset_key.path[0], key.name) for key in graph.asset_check_keys} == {
        (f"{source}_conversations", check)
        for source in ("helpdesk", "export")
        for check in ("latest_fetch", "schema", "referential_integrity", "endpoint_test")
    } | {("support_audit", "rising_topics"), ("support_audit", "new_topics")}
    assert "test_endpoint" in repository.job_names
    assert loaded.resources["duckdb"].database == str(configured.parent / "data" / "fern.duckdb")


def test_every_database_step_is_in_the_duckdb_pool(configured: Path) -> None:
    job = defs().resolve_implicit_global_asset_job_def()
    pools = {node.name: node.definition.pool for node in job.graph.node_dict.values()}
    assert len(pools) == 11
    # The endpoint tests never open the database, so they wait for no writer.
    assert {name for name, pool in pools.items() if pool != "duckdb"} == {
        "helpdesk_conversations_endpoint_test",
        "export_conversations_endpoint_test",
    }
    assert {pool for pool in pools.values() if pool != "duckdb"} == {None}


def test_loading_reads_no_secret_and_fetches_nothing(configured: Path) -> None:
    """The header's variable is unset: loading must not need it (it is read when a fetch runs)."""
    assert defs().resolve_asset_graph().get_all_asset_keys()
