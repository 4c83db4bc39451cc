"""Fixtures for the Dagster wiring: a project on a DuckDB file under tmp_path, materialized for real."""

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import dagster as dg
import pytest

from fern_pipeline.config import ProjectConfig, SourceConfig
from fern_pipeline.config.privacy import PrivacyConfig
from fern_pipeline.definitions import build_definitions
from fern_pipeline_tests.conftest import conversation
from fern_pipeline_tests.http_server import LocalServer, respond

VALID = conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"), ("m2", "agent", "2025-01-02T10:05:00Z"))
OTHER = conversation("c2", ("m1", "user", "2025-01-03T08:00:00Z"))
#: A conversation the format check rejects: its second message has an unknown role.
BAD_ROLE = conversation("c3", ("m1", "user", "2025-01-03T08:00:00Z"), ("m2", "bot", "2025-01-03T08:01:00Z"))


def document(*conversations: dict[str, Any]) -> bytes:
    return json.dumps({"conversations": list(conversations)}).encode()


@pytest.fixture
def instance() -> Iterator[dg.DagsterInstance]:
    with dg.instance_for_test() as test_instance:
        yield test_instance


Run = Callable[..., dg.ExecuteInProcessResult]


@pytest.fixture
def run(database: Path, instance: dg.DagsterInstance) -> Run:
    """Materialize a project of ``sources`` (its assets and checks, or ``selection``) on ``database``, with
    ``privacy`` if given."""

    def materialize(
        *sources: SourceConfig,
        selection: dg.AssetSelection | None = None,
        run_config: dict[str, Any] | None = None,
        privacy: PrivacyConfig | None = None,
    ) -> dg.ExecuteInProcessResult:
        project = ProjectConfig(database=database, sources=list(sources), privacy=privacy or PrivacyConfig())
        defs = build_definitions(project)
        return dg.materialize(
            [*defs.assets, *defs.asset_checks],  # type: ignore[list-item]
            resources=defs.resources,
            instance=instance,
            selection=selection,
            run_config=run_config,
            raise_on_error=False,
        )

    return materialize


def endpoint(
    server: LocalServer, path: str, status: int, body: bytes, name: str = "helpdesk"
) -> SourceConfig:
    """A source fetching ``path`` from ``server``, which answers ``status`` with ``body``."""
    return SourceConfig(name=name, url=server.route(path, respond(status, body)))
