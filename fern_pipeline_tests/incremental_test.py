"""Incremental fetching from a local endpoint whose data changes between fetches: cursor, pages, refresh."""

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.cursor import start_of_next_fetch
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.conftest import conversation, rows
from fern_pipeline_tests.http_server import Exchange, LocalServer


class Helpdesk:
    """An endpoint that returns the conversations changed since ``startDate``, optionally in pages."""

    def __init__(self, page_size: int | None = None, next_in: str = "link") -> None:
        self.conversations: dict[str, dict[str, Any]] = {}
        self.page_size = page_size
        self.next_in = next_in
        self.starts: list[str | None] = []

    def put(self, item: dict[str, Any]) -> None:
        self.conversations[item["id"]] = item

    def __call__(self, exchange: Exchange) -> None:
        start = exchange.query.get("startDate", [None])[0]
        page = int(exchange.query.get("page", ["1"])[0])
        if page == 1:
            self.starts.append(start)
        chosen = sorted(
            (
                item
                for item in self.conversations.values()
                if start is None or item["lastMessageAt"][:10] >= start
            ),
            key=lambda item: item["lastMessageAt"],
        )
        document: dict[str, Any] = {"conversations": chosen}
        headers = {"Content-Type": "application/json"}
        if self.page_size is not None:
            document["conversations"] = chosen[(page - 1) * self.page_size : page * self.page_size]
            if page * self.page_size < len(chosen):
                following = f"?startDate={start}&page={page + 1}" if start else f"?page={page + 1}"
                if self.next_in == "link":
                    headers["Link"] = f'<{following}>; rel="next"'
                else:
                    document["next"] = following
        exchange.reply(200, json.dumps(document).encode(), headers)


def source_for(url: str, **settings: Any) -> SourceConfig:
    return SourceConfig(**{"name": "helpdesk", "url": url, "incremental": {"lookback": "1d"}} | settings)


def fetch_once(database: Path, source: SourceConfig, **choice: Any) -> dict[str, Any]:
    start = start_of_next_fetch(database, source, **choice)
    return load_into(database, prepare(source, start_date=start))


def stored(database: Path) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(
            "SELECT conversation_id, list(message_id ORDER BY position) FROM messages GROUP BY 1 ORDER BY 1"
        ).fetchall()


def test_the_cursor_follows_the_newest_conversation_with_an_overlap(
    server: LocalServer, database: Path
) -> None:
    helpdesk = Helpdesk()
    url = server.route("/support-endpoint.json", helpdesk) + "?startDate=2025-01-01"
    helpdesk.put(conversation("a", ("a1", "user", "2025-02-01T09:00:00Z")))
    helpdesk.put(conversation("b", ("b1", "user", "2025-02-10T09:00:00Z")))
    source = source_for(url)
    first = fetch_once(database, source)
    helpdesk.put(
        conversation("b", ("b1", "user", "2025-02-10T09:00:00Z"), ("b2", "agent", "2025-02-12T08:00:00Z"))
    )
    helpdesk.put(conversation("c", ("c1", "user", "2025-02-12T10:00:00Z")))
    second = fetch_once(database, source)
    third = fetch_once(database, source)
    assert helpdesk.starts == ["2025-01-01", "2025-02-09", "2025-02-11"]
    assert [first["start_date"], second["start_date"], third["start_date"]] == helpdesk.starts
    assert (second["conversations_loaded"], third["conversations_loaded"]) == (2, 2)
    assert stored(database) == [("a", ["a1"]), ("b", ["b1", "b2"]), ("c", ["c1"])]


def test_loading_the_same_window_twice_leaves_one_version(server: LocalServer, database: Path) -> None:
    helpdesk = Helpdesk()
    url = server.route("/e.json", helpdesk)
    helpdesk.put(
        conversation("a", ("a1", "user", "2025-02-01T09:00:00Z"), ("a2", "agent", "2025-02-01T10:00:00Z"))
    )
    source = source_for(url)
    for _ in range(3):
        fetch_once(database, source, start_date="2025-01-01")
    assert stored(database) == [("a", ["a1", "a2"])]
    with duckdb.connect(str(database), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM conversations").fetchall() == [(1,)]


def test_a_partial_fetch_does_not_move_the_cursor_past_what_was_rejected(
    server: LocalServer, database: Path
) -> None:
    helpdesk = Helpdesk()
    url = server.route("/e.json", helpdesk)
    source = source_for(url, incremental={"lookback": "1d", "initial": "2025-01-01"})
    broken = conversation("old", ("o1", "bot", "2025-01-05T09:00:00Z"))
    helpdesk.put(broken)
    helpdesk.put(conversation("new", ("n1", "user", "2025-03-01T09:00:00Z")))
    assert fetch_once(database, source)["status"] == "partial"
    assert fetch_once(database, source)["start_date"] == "2025-01-01"
    helpdesk.put(conversation("old", ("o1", "user", "2025-01-05T09:00:00Z")))
    assert fetch_once(database, source)["status"] == "ok"
    assert fetch_once(database, source)["start_date"] == "2025-02-28"
    assert stored(database) == [("new", ["n1"]), ("old", ["o1"])]


def test_a_failed_fetch_does_not_move_the_cursor(server: LocalServer, database: Path, tmp_path: Path) -> None:
    helpdesk = Helpdesk()
    url = server.route("/e.json", helpdesk)
    helpdesk.put(conversation("a", ("a1", "user", "2025-02-01T09:00:00Z")))
    fetch_once(database, source_for(url))
    broken = source_for(server.url("/missing.json"))
    assert fetch_once(database, broken)["status"] == "failed"
    assert start_of_next_fetch(database, source_for(url)) == "2025-01-31T09:00:00Z"


@pytest.mark.parametrize("next_in", ["link", "body"], ids=["Link header", "top-level next"])
def test_pages_load_as_one_fetch(server: LocalServer, database: Path, next_in: str) -> None:
    helpdesk = Helpdesk(page_size=2, next_in=next_in)
    url = server.route("/e.json", helpdesk)
    for number in range(5):
        helpdesk.put(conversation(f"c{number}", (f"m{number}", "user", f"2025-02-0{number + 1}T09:00:00Z")))
    row = fetch_once(database, source_for(url), start_date="2025-01-01")
    assert (row["status"], row["conversations_loaded"], row["fetch_id"]) == ("ok", 5, 1)
    assert server.hits("/e.json") == 3
    assert len(stored(database)) == 5


def test_a_bad_conversation_on_a_later_page_is_pointed_at_in_its_page(
    server: LocalServer, database: Path
) -> None:
    helpdesk = Helpdesk(page_size=2)
    url = server.route("/e.json", helpdesk)
    for number in range(3):
        helpdesk.put(conversation(f"c{number}", (f"m{number}", "user", f"2025-02-0{number + 1}T09:00:00Z")))
    helpdesk.put(conversation("c9", ("m9", "robot", "2025-02-09T09:00:00Z")))
    prepared = prepare(source_for(url))
    [rejected] = prepared.rejected
    [error] = rejected.errors
    assert (error.path, error.code) == ("/conversations/1/messages/0/role", "invalid_role")
    assert error.message.startswith("page 2: ")


def test_a_conversation_repeated_on_a_later_page_keeps_its_later_version(server: LocalServer) -> None:
    pages = {
        "1": {
            "conversations": [conversation("a", ("a1", "user", "2025-02-01T09:00:00Z"))],
            "next": "?page=2",
        },
        "2": {
            "conversations": [
                conversation(
                    "a", ("a1", "user", "2025-02-01T09:00:00Z"), ("a2", "agent", "2025-02-02T09:00:00Z")
                )
            ]
        },
    }
    url = server.route(
        "/e.json",
        lambda exchange: exchange.reply(
            200, json.dumps(pages[exchange.query.get("page", ["1"])[0]]).encode()
        ),
    )
    prepared = prepare(SourceConfig(name="x", url=url))
    assert prepared.rejected == ()
    _, messages = rows(prepared)
    assert messages["message_id"].tolist() == ["a1", "a2"]


@pytest.mark.parametrize(
    ("following", "category"),
    [("http://example.invalid/e.json?page=2", "invalid_format"), ("?page=1", "invalid_format")],
    ids=["another origin", "a loop"],
)
def test_pagination_that_cannot_be_followed_fails_the_fetch(
    server: LocalServer, following: str, category: str
) -> None:
    url = server.route(
        "/e.json",
        lambda exchange: exchange.reply(200, json.dumps({"conversations": [], "next": following}).encode()),
    )
    prepared = prepare(SourceConfig(name="x", url=url + "?page=1"))
    assert prepared.status == "failed"
    assert prepared.category == category


def test_more_pages_than_allowed_fail_as_too_large(server: LocalServer) -> None:
    endless = lambda exchange: exchange.reply(  # noqa: E731
        200, json.dumps({"conversations": [], "next": f"?page={int(exchange.query['page'][0]) + 1}"}).encode()
    )
    url = server.route("/e.json", endless)
    prepared = prepare(SourceConfig(name="x", url=url + "?page=1", max_pages=3))
    assert (prepared.status, prepared.category) == ("failed", "too_large")
    assert server.hits("/e.json") == 3


def test_a_full_refresh_starts_again_from_the_initial_value(server: LocalServer, database: Path) -> None:
    helpdesk = Helpdesk()
    url = server.route("/e.json", helpdesk) + "?startDate=2025-01-01"
    helpdesk.put(conversation("a", ("a1", "user", "2025-02-01T09:00:00Z")))
    source = source_for(url)
    fetch_once(database, source)
    fetch_once(database, source, full_refresh=True)
    fetch_once(database, source, start_date="2024-06-01")
    assert helpdesk.starts == ["2025-01-01", "2025-01-01", "2024-06-01"]
