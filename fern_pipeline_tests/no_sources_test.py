"""A configuration with no sources yet (``sources: []``): the command line works on a URL given on it,
and Dagster's code location loads with the audit and nothing else."""

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from fern_pipeline.components import FernSupportEndpointsComponent
from fern_pipeline.config import SourceConfig, parse_config
from fern_pipeline.definitions import defs
from fern_pipeline.errors import ConfigError
from fern_pipeline_tests.conftest import conversation

NO_SOURCES = "database: data/fern.duckdb\nsources: []\n"
GOOD = {"conversations": [conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"))]}


@pytest.fixture
def configured(config_file: Callable[[str], Path]) -> Path:
    """The configuration file, named by ``$FERN_PIPELINE_CONFIG``."""
    return config_file(NO_SOURCES)


def _command(*arguments: str) -> subprocess.CompletedProcess[str]:
    """``fern-pipeline`` in a process of its own (``$FERN_PIPELINE_CONFIG`` names the file)."""
    return subprocess.run(
        [sys.executable, "-m", "fern_pipeline.cli", *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_file_is_accepted_and_a_named_source_is_refused_saying_what_to_add() -> None:
    config = parse_config(NO_SOURCES, origin=Path("/etc/fern/fern_sources.yaml"), environ={})
    assert config.sources == []
    assert config.pseudonym_key(environ={}) is None
    with pytest.raises(ConfigError, match=r"no source named 'helpdesk' is configured \(known: none yet; add"):
        config.source("helpdesk")


def test_the_command_line_checks_and_loads_a_url_given_on_it(
    configured: Path, file_source: Callable[..., SourceConfig]
) -> None:
    url = file_source(GOOD).url
    checked = _command("check", url, "--json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["ok"] is True
    loaded = _command("load", url, "--name", "trial", "--config", str(configured))
    assert loaded.returncode == 0, loaded.stderr
    database = configured.parent / "data" / "fern.duckdb"
    assert loaded.stdout.startswith(f"ok: loaded 1 conversation and 1 message from {url} into {database}")
    with duckdb.connect(str(database), read_only=True) as connection:
        assert connection.execute("SELECT source, conversation_id FROM conversations").fetchall() == [
            ("trial", "c1")
        ]
    named = _command("load", "--source", "helpdesk", "--config", str(configured))
    assert named.returncode == 2
    assert (
        "no source named 'helpdesk' is configured (known: none yet; add one under sources:)" in named.stderr
    )


def test_the_code_location_loads_with_the_audit_and_nothing_else(configured: Path) -> None:
    loaded = defs()
    dg.Definitions.validate_loadable(loaded)
    graph = loaded.resolve_asset_graph()
    assert graph.get_all_asset_keys() == {dg.AssetKey("support_audit")}
    # The audit's own alert checks and weekly schedule are the audit's.
    assert graph.asset_check_keys == {
        dg.AssetCheckKey(dg.AssetKey("support_audit"), name) for name in ("rising_topics", "new_topics")
    }
    repository = loaded.get_repository_def()
    assert [schedule.name for schedule in repository.schedule_defs] == ["support_audit_schedule"]
    assert {job.name for job in loaded.resolve_all_job_defs()} >= {"test_endpoint", "privacy_retention"}


def test_the_audit_of_no_sources_materializes(configured: Path) -> None:
    loaded = defs()
    with dg.instance_for_test() as instance:
        result = dg.materialize(
            list(loaded.assets or []), resources=loaded.resources, instance=instance, raise_on_error=False
        )
    assert result.success
    [materialization] = result.asset_materializations_for_node("support_audit")
    assert materialization.metadata["dagster/row_count"].value == 0


def test_the_component_accepts_no_sources_too() -> None:
    component = FernSupportEndpointsComponent.resolve_from_yaml("sources: []\n")
    graph = dg.component_defs(component=component).resolve_asset_graph()
    assert graph.get_all_asset_keys() == {dg.AssetKey("support_audit")}
