"""The load transaction on a real DuckDB file and on a lake: replace, reject, record, and nothing lost."""

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from fern_pipeline.config import SourceConfig, Warehouse
from fern_pipeline.errors import Category, DatabaseBusy
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.connection import connect
from fern_pipeline.store.load import load, load_into
from fern_pipeline.store.schema import DUCKDB_TYPES, create_table_sql, ensure_schema
from fern_pipeline.tables import TABLES, MessagesTable
from fern_pipeline_tests.conftest import conversation
from fern_pipeline_tests.processes import lock_held
from fern_pipeline_tests.store.conftest import KINDS, read

Make = Callable[..., SourceConfig]

FIRST = conversation(
    "c1",
    ("m1", "user", "2025-01-02T10:00:00Z"),
    ("m2", "agent", "2025-01-02T10:05:00+01:00"),
    ("m3", "user", "2025-01-02T10:30:00Z"),
    url="https://support.example.com/c1",
)
SECOND = conversation("c2", ("m1", "User", "2025-01-03T08:00:00Z"))


#: A test run on both warehouses: the DuckDB file, and a lake on the private PostgreSQL.
both = pytest.mark.parametrize("kind", KINDS)
rows = read


def snapshot(warehouse: Warehouse) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: rows(warehouse, f"SELECT * FROM {table} ORDER BY ALL")
        for table in ("conversations", "messages", "format_errors")
    }


@both
def test_ddl_agrees_with_the_models(warehouse: Warehouse) -> None:
    with connect(warehouse) as connection:
        ensure_schema(connection)
        for table, model in TABLES.items():
            described = connection.execute(f"DESCRIBE {table}").fetchall()
            columns = model.to_schema().columns
            assert [name for name, *_ in described] == list(columns)
            for name, kind, null, *_ in described:
                assert kind == DUCKDB_TYPES[str(columns[name].dtype)], name
                assert (null == "YES") == columns[name].nullable, name


@both
def test_load_writes_conversations_messages_and_the_fetch(file_source: Make, warehouse: Warehouse) -> None:
    row = load_into(warehouse, prepare(file_source({"conversations": [FIRST, SECOND]})))
    assert row["status"] == "ok"
    assert (row["conversations_loaded"], row["messages_loaded"], row["conversations_rejected"]) == (2, 4, 0)
    assert rows(
        warehouse,
        "SELECT conversation_id, url, first_message_at = TIMESTAMPTZ '2025-01-02 09:05:00+00', message_count,"
        " user_message_count, agent_message_count FROM conversations ORDER BY 1",
    ) == [("c1", "https://support.example.com/c1", True, 3, 2, 1), ("c2", None, False, 1, 1, 0)]
    assert rows(
        warehouse,
        "SELECT conversation_id, message_id, position, role, source_role FROM messages ORDER BY 1, 3",
    ) == [
        ("c1", "m1", 0, "user", "user"),
        ("c1", "m2", 1, "agent", "agent"),
        ("c1", "m3", 2, "user", "user"),
        ("c2", "m1", 0, "user", "User"),
    ]
    assert rows(warehouse, "SELECT fetch_id, source, status, category, bytes > 0 FROM fetches") == [
        (1, "helpdesk", "ok", None, True)
    ]


@both
def test_a_conversation_loaded_again_replaces_its_messages(file_source: Make, warehouse: Warehouse) -> None:
    load_into(warehouse, prepare(file_source({"conversations": [FIRST, SECOND]})))
    shorter = conversation("c1", ("m9", "agent", "2025-02-01T00:00:00Z"))
    load_into(warehouse, prepare(file_source({"conversations": [shorter]})))
    assert rows(warehouse, "SELECT conversation_id, message_id FROM messages ORDER BY ALL") == [
        ("c1", "m9"),
        ("c2", "m1"),
    ]
    assert rows(warehouse, "SELECT conversation_id, message_count FROM conversations ORDER BY ALL") == [
        ("c1", 1),
        ("c2", 1),
    ]
    assert rows(
        warehouse, "SELECT count(*) FROM messages m ANTI JOIN conversations c USING (source, conversation_id)"
    ) == [(0,)]


@both
def test_a_rejected_conversation_keeps_its_earlier_version(file_source: Make, warehouse: Warehouse) -> None:
    load_into(warehouse, prepare(file_source({"conversations": [FIRST, SECOND]})))
    before = rows(warehouse, "SELECT * FROM messages WHERE conversation_id = 'c1' ORDER BY ALL")
    broken = conversation("c1", ("m1", "robot", "2025-03-01T00:00:00Z"))
    third = conversation("c3", ("x", "agent", "2025-03-01T00:00:00Z"))
    row = load_into(warehouse, prepare(file_source({"conversations": [broken, third]})))
    assert (row["status"], row["category"], row["conversations_loaded"], row["conversations_rejected"]) == (
        "partial",
        "invalid_format",
        1,
        1,
    )
    assert rows(warehouse, "SELECT * FROM messages WHERE conversation_id = 'c1' ORDER BY ALL") == before
    [(fetch_id, path, code, raw)] = rows(warehouse, "SELECT fetch_id, path, code, raw FROM format_errors")
    assert (fetch_id, path, code) == (2, "/conversations/0/messages/0/role", "invalid_role")
    assert '"robot"' in raw and '"c1"' in raw
    assert rows(warehouse, "SELECT conversation_id FROM conversations ORDER BY 1") == [
        ("c1",),
        ("c2",),
        ("c3",),
    ]


@both
@pytest.mark.parametrize(
    ("document", "category"),
    [
        (b"<html>oops</html>", "invalid_json"),
        ({"conversations": "none"}, "invalid_format"),
        ([], "invalid_format"),
    ],
    ids=["html", "conversations a string", "array root"],
)
def test_a_failed_fetch_changes_nothing_but_fetches(
    file_source: Make, warehouse: Warehouse, document: object, category: str
) -> None:
    load_into(warehouse, prepare(file_source({"conversations": [FIRST, SECOND]})))
    before = snapshot(warehouse)
    row = load_into(warehouse, prepare(file_source(document)))
    assert (row["status"], row["category"], row["conversations_loaded"]) == ("failed", category, 0)
    assert snapshot(warehouse) == before
    assert rows(warehouse, "SELECT fetch_id, status, category FROM fetches ORDER BY 1") == [
        (1, "ok", None),
        (2, "failed", category),
    ]


def test_a_missing_file_is_unreachable(database: Path, tmp_path: Path) -> None:
    source = SourceConfig(name="gone", url=(tmp_path / "missing.json").as_uri())
    row = load_into(database, prepare(source))
    assert (row["status"], row["category"]) == ("failed", "unreachable")


@both
def test_all_rejected_is_a_failed_fetch_that_keeps_the_rejections(
    file_source: Make, warehouse: Warehouse
) -> None:
    broken = conversation("c1", ("m1", "robot", "2025-03-01T00:00:00Z"))
    row = load_into(warehouse, prepare(file_source({"conversations": [broken]})))
    assert (row["status"], row["category"], row["conversations_rejected"]) == ("failed", "invalid_format", 1)
    assert rows(warehouse, "SELECT count(*) FROM format_errors") == [(1,)]
    assert rows(warehouse, "SELECT count(*) FROM conversations") == [(0,)]


@both
def test_sources_do_not_touch_each_other(file_source: Make, warehouse: Warehouse) -> None:
    load_into(warehouse, prepare(file_source({"conversations": [FIRST]}, name="alpha")))
    load_into(warehouse, prepare(file_source({"conversations": [FIRST]}, name="beta")))
    load_into(warehouse, prepare(file_source({"conversations": [SECOND]}, name="alpha")))
    assert rows(
        warehouse, "SELECT source, conversation_id, message_count FROM conversations ORDER BY ALL"
    ) == [
        ("alpha", "c1", 3),
        ("alpha", "c2", 1),
        ("beta", "c1", 3),
    ]


def test_a_load_waits_for_another_process_to_release_the_database(file_source: Make, database: Path) -> None:
    prepared = prepare(file_source({"conversations": [FIRST]}))
    waiting = threading.Event()
    outcome: list[dict[str, Any]] = []
    with lock_held(database):
        loader = threading.Thread(
            target=lambda: outcome.append(load_into(database, prepared, lock_wait=60, on_wait=waiting.set))
        )
        loader.start()
        assert waiting.wait(timeout=30), "the load never found the database locked"
        assert loader.is_alive()
    loader.join(timeout=30)
    assert [row["status"] for row in outcome] == ["ok"]
    assert rows(database, "SELECT count(*) FROM messages") == [(3,)]


def test_a_database_locked_too_long_fails_as_a_timeout_and_writes_nothing(
    file_source: Make, database: Path
) -> None:
    load_into(database, prepare(file_source({"conversations": [FIRST]})))
    before = rows(database, "SELECT * FROM fetches")
    prepared = prepare(file_source({"conversations": [SECOND]}))
    with lock_held(database) as holder:
        started = time.monotonic()
        with pytest.raises(DatabaseBusy) as busy:
            load_into(database, prepared, lock_wait=0.5)
        assert time.monotonic() - started < 0.5 + 1
    assert busy.value.category == Category.TIMEOUT
    assert str(busy.value) == (
        f"the database {database} stayed in use by another process (process {holder.pid}) for more than "
        "0.5 s, so nothing was loaded; DuckDB allows one writing process at a time"
    )
    assert rows(database, "SELECT * FROM fetches") == before
    assert rows(database, "SELECT conversation_id FROM conversations") == [("c1",)]


@pytest.mark.parametrize("outcome", ["loaded", "rolled back"], ids=["loaded", "rolled-back"])
def test_a_load_leaves_the_connections_memory_limit_and_threads_as_they_were(
    file_source: Make, database: Path, outcome: str
) -> None:
    prepared = prepare(file_source({"conversations": [FIRST]}))
    database.parent.mkdir()
    with duckdb.connect(str(database)) as connection:
        if outcome == "rolled back":  # a messages table whose check every row fails: the load rolls back
            table = create_table_sql("messages", MessagesTable)
            connection.execute(f"{table.rstrip().removesuffix(')')}, CHECK (position < 0))")
        connection.execute("SET memory_limit = '3GiB'")
        connection.execute("SET threads = 3")
        if outcome == "loaded":
            load(connection, prepared)
        else:
            with pytest.raises(duckdb.Error):
                load(connection, prepared)
        settings = "SELECT current_setting('memory_limit'), current_setting('threads')"
        assert connection.execute(settings).fetchall() == [("3.0 GiB", 3)]


def test_a_message_longer_than_the_load_memory_limit_still_loads(file_source: Make, database: Path) -> None:
    """DuckDB holds a long text whole: the memory limit of a load leaves it room (60 MB failed to commit)."""
    long = {**FIRST, "messages": [{**FIRST["messages"][0], "content": "x" * 60_000_000}]}
    row = load_into(database, prepare(file_source({"conversations": [long]})))
    assert row["status"] == "ok"
    assert rows(database, "SELECT length(content) FROM messages") == [(60_000_000,)]
