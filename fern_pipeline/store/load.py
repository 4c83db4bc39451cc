"""The load transaction: one fetch's rows, rejections and record written to the warehouse atomically."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import duckdb
import pandas as pd
import pyarrow

from fern_pipeline.config import Warehouse
from fern_pipeline.errors import FetchFailed
from fern_pipeline.ingest.background import ahead
from fern_pipeline.ingest.flatten import Frames
from fern_pipeline.ingest.prepare import Prepared
from fern_pipeline.store.connection import LOCK_WAIT, connect
from fern_pipeline.store.lake import CONFLICT_PAUSES, committed, is_lake, purge_deleted
from fern_pipeline.store.privacy_log import entry, log, masking_changed
from fern_pipeline.store.queries import sql
from fern_pipeline.store.retention import expire
from fern_pipeline.store.schema import ensure_schema
from fern_pipeline.store.transaction import transaction
from fern_pipeline.tables import FetchesTable, FormatErrorsTable

#: DuckDB's memory limit while a load runs, in bytes, before the room its largest value needs (see
#: _memory_limit). On 200,000 messages 40 MiB kept DuckDB's part of a load near 40 MiB, where its
#: default (80 % of RAM) let it keep every written block cached, and cost no time.
LOAD_MEMORY_LIMIT = 40 << 20
#: DuckDB's threads while a load runs: another core builds the next batch (see background.py). Given
#: back its threads for the commit alone (which compresses the last row groups), a 200,000-message
#: load was no faster: 2.22 s against 2.17 s, median of 5.
LOAD_THREADS = 1


def _timestamp(value: Any) -> pd.Timestamp:
    return pd.Timestamp(value).tz_convert("UTC").as_unit("ns")


def fetch_row(prepared: Prepared, fetch_id: int) -> dict[str, Any]:
    """The ``fetches`` row describing ``prepared``."""
    return {
        "fetch_id": fetch_id,
        "source": prepared.source,
        "url": prepared.url,
        "started_at": prepared.started_at,
        "finished_at": prepared.finished_at,
        "status": prepared.status,
        "category": None if prepared.category is None else str(prepared.category),
        "message": prepared.message,
        "http_status": prepared.http_status,
        "bytes": prepared.bytes,
        "conversations_loaded": prepared.conversations_loaded if prepared.status != "failed" else 0,
        "messages_loaded": prepared.messages_loaded if prepared.status != "failed" else 0,
        "conversations_rejected": len(prepared.rejected),
        "start_date": prepared.start_date,
    }


def _fetch_frame(row: dict[str, Any]) -> pd.DataFrame:
    frame = pd.DataFrame([row])
    for column in ("started_at", "finished_at"):
        frame[column] = frame[column].map(_timestamp)
    for column in ("http_status", "bytes"):
        frame[column] = frame[column].astype("Int64")
    for column in ("category", "message", "start_date"):
        frame[column] = frame[column].astype(object)
    return FetchesTable.validate(frame)


def _format_errors_frame(prepared: Prepared, fetch_id: int) -> pd.DataFrame:
    rows = [
        (error.path, error.code, error.message, rejected.raw)
        for rejected in prepared.rejected
        for error in rejected.errors
    ]
    frame = pd.DataFrame(rows, columns=["path", "code", "message", "raw"], dtype=object)
    frame.insert(0, "source", prepared.source)
    frame.insert(1, "fetch_id", fetch_id)
    frame.insert(2, "fetched_at", _timestamp(prepared.fetched_at))
    frame["fetch_id"] = frame["fetch_id"].astype("int64")
    return FormatErrorsTable.validate(frame)


@contextmanager
def _duckdb_setting(connection: duckdb.DuckDBPyConnection, name: str, value: object) -> Iterator[None]:
    """DuckDB's setting ``name`` at ``value`` for a load (with store/sql/set_NAME.sql), then as it was."""
    [(previous,)] = connection.execute(sql("current_setting"), {"name": name}).fetchall()
    connection.execute(sql(f"set_{name}"), {"value": value})
    try:
        yield
    finally:
        connection.execute(sql(f"set_{name}"), {"value": previous})


def _memory_limit(prepared: Prepared) -> str:
    """DuckDB's memory limit for loading ``prepared``: LOAD_MEMORY_LIMIT and twice its largest conversation.

    A load writes its row groups to the file as they fill; DuckDB's default limit (80 % of RAM) only
    lets it keep those written blocks cached, which is what a loader's peak memory was made of. The
    room for the largest conversation is there because DuckDB holds a long text whole: a 60 MB
    message failed to commit within 128 MiB.
    """
    largest = 0 if prepared.conversations is None else prepared.conversations.largest_bytes
    return f"{LOAD_MEMORY_LIMIT + 2 * largest}B"


@contextmanager
def _arrow_on_jemalloc() -> Iterator[None]:
    """pyarrow's default memory pool set to jemalloc (or the system allocator) for a load, then as it was.

    Its own default, mimalloc, kept freed batches resident: a 200,000-message load peaked at 435 MiB
    with it and at 370 MiB with jemalloc, as fast. Each buffer frees itself into the pool it came from.
    """
    previous = pyarrow.default_memory_pool()
    try:
        pool = pyarrow.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc
        pool = pyarrow.system_memory_pool()
    pyarrow.set_memory_pool(pool)
    try:
        yield
    finally:
        pyarrow.set_memory_pool(previous)


def load(
    connection: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    *,
    on_retry: Callable[[], None] | None = None,
    conflict_pauses: tuple[float, ...] = CONFLICT_PAUSES,
    on_batch: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Write one fetch in a single transaction and return its ``fetches`` row.

    Valid conversations replace their earlier version and all its messages, a batch at a time while
    the next batches are made in a thread (from before DuckDB is set up); rejected ones go whole
    into ``format_errors``; a failed fetch writes only its row in ``fetches``. ``on_batch`` is told
    how many conversations each batch wrote. On a lake, a commit that conflicts with another
    writer's rolled itself back, and the load is made again from the start after each of
    ``conflict_pauses`` (see :func:`~fern_pipeline.store.lake.retrying`, which calls ``on_retry``
    before each new attempt). When the source's retention deleted rows on a lake, the lake is then
    purged of them (see :func:`~fern_pipeline.store.lake.purge_deleted`).
    """
    lake = is_lake(connection)
    row, expired = committed(
        connection,
        lambda: _attempt(connection, prepared, lake=lake, on_batch=on_batch),
        what=f"the load of {prepared.source!r}",
        pauses=conflict_pauses,
        on_retry=on_retry,
    )
    if lake and expired:
        purge_deleted(connection, on_retry=on_retry)
    return row


def _attempt(
    connection: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    *,
    lake: bool,
    on_batch: Callable[[int], None] | None,
) -> tuple[dict[str, Any], bool]:
    """One attempt at the transaction of :func:`load`, with the load's settings and a producer of batches;
    its ``fetches`` row, and whether retention deleted any row.

    On a lake DuckDB keeps its own memory limit: DuckLake holds the Parquet file of an insert while it
    writes it, and a 200,000-message load ran out of memory within LOAD_MEMORY_LIMIT (measured).
    """
    memory_limit = _memory_limit(prepared)
    with (
        _arrow_on_jemalloc(),
        ahead(prepared.batches()) as batches,
        nullcontext() if lake else _duckdb_setting(connection, "memory_limit", memory_limit),
        _duckdb_setting(connection, "threads", LOAD_THREADS),
    ):
        ensure_schema(connection)
        try:
            return _write(connection, prepared, batches, lake=lake, on_batch=on_batch)
        except FetchFailed:
            # A conversation that could not be read at all fails the fetch: the batches written
            # before it were rolled back, and the failure is recorded alone.
            return _write(connection, prepared, iter(()), lake=lake, on_batch=None)


def _write(
    connection: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    batches: Iterator[Frames],
    *,
    lake: bool,
    on_batch: Callable[[int], None] | None,
) -> tuple[dict[str, Any], bool]:
    """The transaction of :func:`load`, writing ``batches``; fetch ids from the lake's sequence on a lake.
    Its ``fetches`` row, and whether retention deleted any row."""
    with transaction(connection) as stage:
        [(fetch_id,)] = connection.execute(sql("next_lake_fetch_id" if lake else "next_fetch_id")).fetchall()
        [(replacing,)] = connection.execute(
            sql("source_has_conversations"), {"source": prepared.source}
        ).fetchall()
        for frames in batches:
            _write_batch(connection, frames, replacing=replacing)
            if on_batch is not None:
                on_batch(frames.conversations.num_rows)
        expired = _privacy(connection, prepared)
        row = fetch_row(prepared, fetch_id)
        stage("staged_fetch", _fetch_frame(row))
        connection.execute(sql("insert_fetch"))
        if prepared.rejected:
            stage("staged_format_errors", _format_errors_frame(prepared, fetch_id))
            connection.execute(sql("insert_format_errors"))
    return row, expired


def _privacy(connection: duckdb.DuckDBPyConnection, prepared: Prepared) -> bool:
    """The source's retention, and a ``privacy_log`` row when its masking setting is not the last recorded;
    whether retention deleted any row."""
    privacy = prepared.privacy
    expired = privacy.retention_days is not None and any(
        expire(connection, prepared.source, privacy.retention_days, prepared.fetched_at)
    )
    if masking_changed(connection, prepared.source, privacy.masking):
        log(connection, [entry("masking", prepared.source, prepared.fetched_at, setting=privacy.masking)])
    return expired


def _write_batch(connection: duckdb.DuckDBPyConnection, frames: Frames, *, replacing: bool) -> None:
    """A batch's conversations replace their stored versions and all their messages.

    A first load of a source (not ``replacing``) has nothing to delete: ids repeated within a fetch
    are rejected, so no batch meets another's conversations.

    The SQL reads the batch's tables by the names of this function's locals (DuckDB's replacement
    scan), which creates no view: a view registered with the transaction kept every batch alive until
    the commit, and ``relation.query`` in DuckDB 1.4 leaves a view behind in the database file.
    """
    staged_conversations = frames.conversations  # noqa: F841  (read by name in the SQL)
    staged_messages = frames.messages  # noqa: F841  (read by name in the SQL)
    if replacing:
        connection.execute(sql("delete_replaced_messages"))
        connection.execute(sql("delete_replaced_conversations"))
    connection.execute(sql("insert_conversations"))
    connection.execute(sql("insert_messages"))


def load_into(
    warehouse: Warehouse,
    prepared: Prepared,
    *,
    lock_wait: float = LOCK_WAIT,
    on_wait: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Open ``warehouse`` (creating a file's folder), :func:`load` ``prepared`` into it, and close it.

    Another process writing the same file is waited for, up to ``lock_wait`` seconds (see
    :func:`~fern_pipeline.store.connection.connect_when_free`); on a lake ``on_wait`` is called before
    each retry of a conflicting commit.
    """
    with connect(warehouse, wait=lock_wait, on_wait=on_wait) as connection:
        return load(connection, prepared, on_retry=on_wait)
