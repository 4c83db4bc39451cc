"""Tests of prepare's process-wide side effects: the cycle collector is paused only while it runs."""

import gc
from collections.abc import Callable, Iterator

import pytest

from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest import prepare
from fern_pipeline_tests.conftest import conversation

DOCUMENT = {"conversations": [conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"))]}


@pytest.fixture
def collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
@pytest.mark.usefixtures("collector_restored")
def test_prepare_pauses_the_cycle_collector_and_leaves_it_as_it_was(
    file_source: Callable[[object], SourceConfig], enabled: bool
) -> None:
    seen: list[bool] = []
    gc.enable() if enabled else gc.disable()
    prepared = prepare(file_source(DOCUMENT), on_progress=lambda *_: seen.append(gc.isenabled()))
    assert prepared.status == "ok"
    assert seen and not any(seen)
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("collector_restored")
def test_a_failed_prepare_leaves_the_collector_on(file_source: Callable[[object], SourceConfig]) -> None:
    gc.enable()
    assert prepare(file_source(b"not json")).status == "failed"
    assert gc.isenabled()
