"""Reads where an incremental source's next fetch starts from what the database holds."""

from collections.abc import Callable
from pathlib import Path

import duckdb

from fern_pipeline.config import SourceConfig, Warehouse
from fern_pipeline.ingest.cursor import next_start
from fern_pipeline.store.connection import LOCK_WAIT, connect
from fern_pipeline.store.queries import sql
from fern_pipeline.store.schema import ensure_schema


def incremental_start(connection: duckdb.DuckDBPyConnection, source: SourceConfig) -> str | None:
    """The start value of ``source``'s next fetch; None for the whole history or a non-incremental one."""
    if source.incremental is None:
        return None
    ensure_schema(connection)
    [(newest, unsettled)] = connection.execute(sql("cursor_state"), {"source": source.name}).fetchall()
    return next_start(
        initial=source.initial_start,
        lookback=source.incremental.lookback,
        newest=newest,
        unsettled=unsettled,
    )


def start_of_next_fetch(
    warehouse: Warehouse,
    source: SourceConfig,
    *,
    start_date: str | None = None,
    full_refresh: bool = False,
    lock_wait: float = LOCK_WAIT,
    on_wait: Callable[[], None] | None = None,
) -> str | None:
    """Where the next fetch of ``source`` starts: a chosen date, the initial one, or the stored cursor.

    Another process writing the DuckDB file is waited for, as by the load (see ``connect``).
    """
    if start_date is not None or source.incremental is None:
        return start_date
    if full_refresh or (isinstance(warehouse, Path) and not warehouse.is_file()):
        return source.initial_start
    with connect(warehouse, wait=lock_wait, on_wait=on_wait) as connection:
        return incremental_start(connection, source)
