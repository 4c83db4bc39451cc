"""Tests of the progress lines in a run's log: throttled, with bytes, pages and conversations."""

from collections.abc import Callable

import dagster as dg

from fern_pipeline.config import SourceConfig
from fern_pipeline.defs.progress import PROGRESS_INTERVAL, RunLogProgress
from fern_pipeline.defs.sources import source_asset_keys
from fern_pipeline_tests.defs.conftest import OTHER, VALID, Run, document
from fern_pipeline_tests.http_server import CHUNKED, Exchange, LocalServer


class Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_lines_come_at_most_every_interval_with_what_was_done() -> None:
    clock, lines = Clock(), []
    progress = RunLogProgress(lines.append, "helpdesk", interval=5, clock=clock)
    for step in range(1, 21):  # 10 s of 64 KiB every half second
        clock.now = step / 2
        progress.received(step * 65_536, None)
    assert lines == ["helpdesk: 655,360 bytes received, 1 page", "helpdesk: 1,310,720 bytes received, 1 page"]
    clock.now = 15
    progress.page(2)
    progress.received(1_000, None)
    clock.now = 20
    progress.fetched(2_500)
    clock.now = 25
    progress.loaded(1_000)
    progress.loaded(1_000)
    assert lines[2:] == [
        "helpdesk: 1,310,720 bytes received, 2 pages",
        "helpdesk: 1,311,720 bytes received, 2 pages; 2,500 conversations to check, 0 loaded",
        "helpdesk: 1,311,720 bytes received, 2 pages; 2,500 conversations to check, 1,000 loaded",
    ]


def test_a_short_fetch_writes_no_progress_line() -> None:
    clock, lines = Clock(), []
    progress = RunLogProgress(lines.append, "helpdesk", clock=clock)
    clock.now = PROGRESS_INTERVAL - 0.1
    progress.received(10, 10)
    progress.fetched(1)
    progress.loaded(1)
    assert lines == []


def slowly(body: bytes, seconds: float) -> Callable[[Exchange], None]:
    """A 200 sending JSON whitespace for ``seconds`` (a piece every 0.25 s), then ``body``."""

    def scenario(exchange: Exchange) -> None:
        exchange.start(200, CHUNKED)
        for _ in range(int(seconds * 4)):
            exchange.local.stopping.wait(0.25)
            exchange.send_chunk(b" " * 1024)
        exchange.send_chunk(body)
        exchange.send_chunk(b"")

    return scenario


def test_a_long_fetch_shows_its_progress_in_the_run_log(
    server: LocalServer, run: Run, instance: dg.DagsterInstance
) -> None:
    url = server.route("/export.json", slowly(document(VALID, OTHER), PROGRESS_INTERVAL + 1.5))
    source = SourceConfig(name="helpdesk", url=url)
    result = run(source, selection=dg.AssetSelection.assets(*source_asset_keys(source)).without_checks())
    assert result.success
    messages = [entry.user_message for entry in instance.all_logs(result.run_id)]
    progress = [message for message in messages if message.startswith("helpdesk: ")]
    assert progress and " bytes received, 1 page" in progress[0]
    assert any(message.startswith("ok: 2 conversations and 3 messages") for message in messages)
