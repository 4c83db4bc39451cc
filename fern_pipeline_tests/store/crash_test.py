"""The load under SIGKILL and beside another writing process: nothing half-written, nothing lost."""

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline.tables import TABLES
from fern_pipeline_tests.http_server import LocalServer, respond, serve
from fern_pipeline_tests.malformed import valid_conversation
from fern_pipeline_tests.paused_loader import KILL_POINTS, start
from fern_pipeline_tests.processes import Lines, lock_held

SOURCE = "helpdesk"
LARGE_CONVERSATIONS = 20_000
MESSAGES_EACH = 10


def large_document(conversations: int, version: str) -> dict[str, Any]:
    """``conversations`` conversations of MESSAGES_EACH messages each, their content marked ``version``."""
    items = []
    for number in range(conversations):
        item = valid_conversation(f"c{number}", version)
        item["messages"] = [
            {
                "id": f"m{position}",
                "role": "user" if position % 2 == 0 else "agent",
                "content": f"{version}: message {position} of conversation {number}",
                "createdAt": f"2025-01-02T10:{position:02d}:00Z",
            }
            for position in range(MESSAGES_EACH)
        ]
        item["lastMessageAt"] = f"2025-01-02T10:{MESSAGES_EACH - 1:02d}:00Z"
        items.append(item)
    return {"conversations": items}


@pytest.fixture(scope="module")
def large_export(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A file:// export of 200,000 messages, the second version of the conversations ``earlier`` loads."""
    path = tmp_path_factory.mktemp("exports") / "large.json"
    path.write_text(json.dumps(large_document(LARGE_CONVERSATIONS, "second")))
    return path.as_uri()


@pytest.fixture
def earlier(tmp_path: Path) -> Path:
    """A database holding a first fetch of 1,000 of the conversations, in their first version."""
    export = tmp_path / "earlier.json"
    export.write_text(json.dumps(large_document(1_000, "first")))
    database = tmp_path / "fern.duckdb"
    assert load_into(database, prepare(SourceConfig(name=SOURCE, url=export.as_uri())))["status"] == "ok"
    return database


def every_table(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table, whole, read from a connection that may write (so a leftover WAL is replayed)."""
    with duckdb.connect(str(database)) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in TABLES
        }


@pytest.mark.slow
@pytest.mark.parametrize("step", list(KILL_POINTS), ids=list(KILL_POINTS.values()))
def test_sigkill_during_the_load_leaves_the_state_before_it(
    large_export: str, earlier: Path, step: str
) -> None:
    before = every_table(earlier)
    loader = start(large_export, SOURCE, earlier, step)
    assert loader.stdout is not None
    lines = Lines(loader.stdout)
    assert lines.wait_for("prepared") == f"prepared {LARGE_CONVERSATIONS * MESSAGES_EACH} messages\n"
    lines.wait_for(f"paused {step}")
    os.kill(loader.pid, signal.SIGKILL)
    assert loader.wait(timeout=60) == -signal.SIGKILL
    assert every_table(earlier) == before


@pytest.mark.slow
def test_the_paused_loader_commits_when_let_go(large_export: str, earlier: Path) -> None:
    """The control for the test above: the same loader, not killed, stores all 200,000 messages."""
    loader = start(large_export, SOURCE, earlier, "commit")
    assert loader.stdout is not None and loader.stdin is not None
    lines = Lines(loader.stdout)
    lines.wait_for("paused commit")
    loader.stdin.close()
    lines.wait_for("loaded")
    assert loader.wait(timeout=60) == 0
    with duckdb.connect(str(earlier), read_only=True) as connection:
        assert connection.execute(
            "SELECT count(*), count(*) FILTER (content LIKE 'second: %') FROM messages"
        ).fetchall() == [(LARGE_CONVERSATIONS * MESSAGES_EACH,) * 2]
        assert connection.execute("SELECT fetch_id, status FROM fetches ORDER BY 1").fetchall() == [
            (1, "ok"),
            (2, "ok"),
        ]


@pytest.fixture
def endpoint() -> Iterator[tuple[LocalServer, str]]:
    with serve() as server:
        body = json.dumps(large_document(2_000, "served")).encode()
        yield server, server.route("/support-endpoint.json", respond(200, body))


def load_command(url: str, database: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "fern_pipeline.cli", "load", url, "--name", SOURCE]
    return subprocess.Popen(
        [*command, "--database", str(database), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_both_recorded_and_consistent(database: Path, results: list[tuple[int, str, str]]) -> None:
    assert [code for code, _, _ in results] == [0, 0], results
    fetch_ids = sorted(json.loads(stdout)["fetch_id"] for _, stdout, _ in results)
    with duckdb.connect(str(database), read_only=True) as connection:
        assert connection.execute("SELECT fetch_id, status FROM fetches ORDER BY 1").fetchall() == [
            (1, "ok"),
            *[(fetch_id, "ok") for fetch_id in fetch_ids],
        ]
        assert fetch_ids == [2, 3]
        counts = """
            SELECT (SELECT count(*) FROM conversations),
                   (SELECT count(DISTINCT conversation_id) FROM conversations),
                   (SELECT count(*) FROM messages),
                   (SELECT count(DISTINCT (conversation_id, message_id)) FROM messages),
                   (SELECT count(*) FROM messages ANTI JOIN conversations USING (source, conversation_id)),
                   (SELECT count(*) FROM messages WHERE content NOT LIKE 'served: %')
        """
        assert connection.execute(counts).fetchall() == [(2_000, 2_000, 20_000, 20_000, 0, 0)]


@pytest.mark.slow
def test_two_loads_at_once_both_wait_their_turn(endpoint: tuple[LocalServer, str], earlier: Path) -> None:
    """Both start while a third process holds the database: both wait, then both load."""
    _, url = endpoint
    with lock_held(earlier):
        loads = [load_command(url, earlier) for _ in range(2)]
        for process in loads:
            assert process.stderr is not None
            Lines(process.stderr).wait_for("waiting: the database")
    results = []
    for process in loads:
        assert process.stdout is not None
        code = process.wait(timeout=120)
        results.append((code, process.stdout.read(), "(stderr read while waiting)"))
    assert_both_recorded_and_consistent(earlier, results)


@pytest.mark.slow
def test_two_loads_racing_freely_both_load(endpoint: tuple[LocalServer, str], earlier: Path) -> None:
    _, url = endpoint
    loads = [load_command(url, earlier) for _ in range(2)]
    results = []
    for process in loads:
        stdout, stderr = process.communicate(timeout=120)
        results.append((process.returncode, stdout, stderr))
    assert_both_recorded_and_consistent(earlier, results)
