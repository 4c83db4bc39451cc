"""Opening the warehouse to write: the DuckDB file (one writer: a busy file is waited for) or the lake."""

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from fern_pipeline.config import Warehouse
from fern_pipeline.errors import LOCK_WAIT, DatabaseBusy
from fern_pipeline.store.lake import connect_lake

#: First and longest pause between attempts to open a locked database; pauses double in between.
LOCK_BACKOFF = (0.05, 1.0)
#: How DuckDB says another process holds the file, and which one.
LOCK_HELD = "Could not set lock on file"
LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")


def connect_when_free(
    database: Path, *, wait: float = LOCK_WAIT, on_wait: Callable[[], None] | None = None
) -> duckdb.DuckDBPyConnection:
    """Open ``database`` to write, waiting with backoff up to ``wait`` s while another process holds it.

    ``on_wait`` is called once, when the first attempt finds the database locked.
    Raises :class:`~fern_pipeline.errors.DatabaseBusy` when it is still locked after ``wait`` seconds.
    """
    deadline = time.monotonic() + wait
    pause, longest = LOCK_BACKOFF
    while True:
        try:
            return duckdb.connect(str(database))
        except duckdb.IOException as error:
            if LOCK_HELD not in str(error):
                raise
            holder_pid = LOCK_HOLDER.search(str(error))
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            holder = f" (process {holder_pid.group(1)})" if holder_pid else ""
            raise DatabaseBusy(
                f"the database {database} stayed in use by another process{holder} for more than "
                f"{wait:g} s, so nothing was loaded; DuckDB allows one writing process at a time"
            )
        if on_wait is not None and pause == LOCK_BACKOFF[0]:
            on_wait()
        time.sleep(min(pause, remaining))
        pause = min(2 * pause, longest)


@contextmanager
def connect(
    warehouse: Warehouse, *, wait: float = LOCK_WAIT, on_wait: Callable[[], None] | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """``warehouse`` open to write for the block: the DuckDB file (its folder created, another writer
    waited for as by :func:`connect_when_free`) or the lake (``on_wait`` called before each retry of
    an attach that raced another writer's)."""
    if isinstance(warehouse, Path):
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        with connect_when_free(warehouse, wait=wait, on_wait=on_wait) as connection:
            yield connection
    else:
        with connect_lake(warehouse, on_retry=on_wait) as connection:
            yield connection
