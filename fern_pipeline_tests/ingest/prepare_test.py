"""Tests of a prepared fetch: its rows come in batches, its outcome is the same however it is read."""

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

import fern_pipeline.ingest.batches
from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.conftest import conversation, rows
from fern_pipeline_tests.http_server import LocalServer, respond

Make = Callable[[object], SourceConfig]


def thread(conversation_id: str, messages: int) -> dict[str, object]:
    return conversation(
        conversation_id,
        *(
            (f"m{n}", "user" if n % 2 == 0 else "agent", f"2025-01-02T10:{n:02d}:00Z")
            for n in range(messages)
        ),
    )


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of about one conversation each, so a handful of conversations spans several."""
    monkeypatch.setattr(fern_pipeline.ingest.batches, "BATCH_BYTES", 200)


def stored(database: Path, query: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(query).fetchall()


@pytest.mark.usefixtures("small_batches")
def test_a_fetch_over_several_batches_loads_every_row_once(file_source: Make, database: Path) -> None:
    document = {"conversations": [thread(f"c{n}", n % 4 + 1) for n in range(12)]}
    prepared = prepare(file_source(document))
    assert len(list(prepared.batches())) > 3
    row = load_into(database, prepared)
    assert (row["status"], row["conversations_loaded"], row["messages_loaded"]) == ("ok", 12, 30)
    assert stored(database, "SELECT count(*), count(DISTINCT conversation_id) FROM messages") == [(30, 12)]


@pytest.mark.usefixtures("small_batches")
def test_an_id_repeated_in_a_later_batch_rejects_both_and_keeps_the_stored_version(
    file_source: Make, database: Path
) -> None:
    load_into(database, prepare(file_source({"conversations": [thread("c1", 1)]})))
    document = {"conversations": [thread("c1", 2), thread("c2", 1), thread("c3", 1), thread("c1", 3)]}
    row = load_into(database, prepare(file_source(document)))
    assert (row["status"], row["conversations_rejected"]) == ("partial", 2)
    assert stored(database, "SELECT conversation_id, message_count FROM conversations ORDER BY 1") == [
        ("c1", 1),
        ("c2", 1),
        ("c3", 1),
    ]
    codes = stored(database, "SELECT DISTINCT path, code FROM format_errors ORDER BY 1")
    assert codes == [
        ("/conversations/0/id", "duplicate_conversation_id"),
        ("/conversations/3/id", "duplicate_conversation_id"),
    ]


@pytest.mark.usefixtures("small_batches")
def test_a_conversation_unreadable_after_loaded_batches_fails_the_fetch_and_keeps_nothing(
    file_source: Make, database: Path, tmp_path: Path
) -> None:
    load_into(database, prepare(file_source({"conversations": [thread("c1", 1)]})))
    good = ",".join(
        f'{{"id": "c{n}", "lastMessageAt": "2025-01-02T10:00:00Z", "messages": []}}' for n in range(2, 8)
    )
    # Well-formed JSON whose number no double holds: msgspec skips it when splitting, but cannot read it.
    body = f'{{"conversations": [{good}, {{"id": 1e400, "messages": []}}]}}'.encode()
    before = stored(database, "SELECT conversation_id FROM conversations")
    row = load_into(database, prepare(file_source(body)))
    assert (row["status"], row["category"]) == ("failed", "invalid_json")
    assert "conversation 6" in row["message"]
    assert stored(database, "SELECT conversation_id FROM conversations") == before
    assert stored(database, "SELECT count(*) FROM format_errors") == [(0,)]


def test_the_outcome_is_the_same_read_before_or_after_the_rows(file_source: Make) -> None:
    document = {"conversations": [thread("c1", 2), {"id": "c2"}]}
    first, second = prepare(file_source(document)), prepare(file_source(document))
    assert (first.status, first.conversations_loaded, len(first.rejected)) == ("partial", 1, 1)
    conversations, messages = rows(second)
    assert (second.status, second.conversations_loaded, len(second.rejected)) == ("partial", 1, 1)
    assert (len(conversations), len(messages)) == (1, 2)
    assert first.rejected == second.rejected


def test_an_integer_id_of_any_size_is_kept_exactly_as_text(file_source: Make) -> None:
    document = {"conversations": [{**thread("x", 1), "id": 2**70}]}
    conversations, messages = rows(prepare(file_source(document)))
    assert conversations["conversation_id"].tolist() == [str(2**70)]
    assert messages["conversation_id"].tolist() == [str(2**70)]


@pytest.mark.parametrize(
    ("body", "category"),
    [(b"<!doctype html><p>Sign in</p>", "invalid_json"), (b'{"items": []}', "invalid_format")],
    ids=["html", "wrong root"],
)
def test_a_body_that_cannot_be_read_keeps_the_http_status_it_came_with(
    server: LocalServer, body: bytes, category: str
) -> None:
    url = server.route("/page", respond(200, body))
    prepared = prepare(SourceConfig(name="helpdesk", url=url))
    assert (prepared.status, prepared.category, prepared.http_status) == ("failed", category, 200)
