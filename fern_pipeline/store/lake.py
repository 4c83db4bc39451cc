"""A DuckLake warehouse: attached offline from the extension wheels, its password kept in a DuckDB secret."""

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TypeVar

import duckdb
import duckdb_ext

from fern_pipeline.config import LakeConfig
from fern_pipeline.errors import DatabaseBusy, LakeUnavailable
from fern_pipeline.ingest.received import counted
from fern_pipeline.store.queries import sql

#: Longest pause before each new attempt after a conflicting commit (each is drawn between half of
#: it and it, so writers that met do not meet again in step): 6 retries, 6.3 s of pauses at most.
CONFLICT_PAUSES = (0.1, 0.2, 0.4, 0.8, 1.6, 3.2)
#: How DuckLake says a commit met another one that changed the same data or catalog entries.
CONFLICT = "Transaction conflict"
#: How a first attach says that another process created the catalog's tables at the same moment.
RACED_INIT = "Failed to initialize DuckLake"
#: How DuckLake 0.3 fails a commit that created tables while another process created them: its check
#: of the other's changes throws instead of reporting a conflict (2 of 48 processes creating a new
#: lake's tables four at a time here). The commit rolled back, and the tables exist when it is made again.
RACED_CREATE = "Failed to parse catalog entry"
#: Every way DuckLake says that a commit or a first attach lost a race to another writer.
LOST_RACE = (CONFLICT, RACED_INIT, RACED_CREATE)

T = TypeVar("T")


def is_lake(connection: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``connection``'s default database is a DuckLake (else a DuckDB file)."""
    [(kind,)] = connection.execute(sql("current_database_type")).fetchall()
    return bool(kind == "ducklake")


def is_conflict(error: duckdb.Error) -> bool:
    """Whether ``error`` is a commit (or a first attach) that lost a race to another writer."""
    return any(words in str(error) for words in LOST_RACE)


def retrying(
    attempt: Callable[[], T],
    *,
    what: str,
    pauses: tuple[float, ...] = CONFLICT_PAUSES,
    on_retry: Callable[[], None] | None = None,
) -> T:
    """``attempt()``, again after each pause while it loses a race to another writer.

    A conflicting commit has rolled itself back, so an attempt that gives up has changed nothing.
    Raises :class:`~fern_pipeline.errors.DatabaseBusy` (category ``timeout``) when the last attempt
    conflicts too, with DuckLake's own words.
    """
    started = time.monotonic()
    for pause in (*pauses, None):
        try:
            return attempt()
        except duckdb.Error as error:
            if not is_conflict(error):
                raise
            if pause is None:
                reason = str(error).strip().splitlines()[-1]
                raise DatabaseBusy(
                    f"{what} still conflicted with other writers' commits after "
                    f"{counted(len(pauses) + 1, 'attempt')} in {time.monotonic() - started:.1f} s, "
                    f"so nothing was written (the last time: {reason})"
                ) from None
        if on_retry is not None:
            on_retry()
        time.sleep(random.uniform(pause / 2, pause))
    raise AssertionError("unreachable")


def committed(
    connection: duckdb.DuckDBPyConnection,
    attempt: Callable[[], T],
    *,
    what: str,
    pauses: tuple[float, ...] = CONFLICT_PAUSES,
    on_retry: Callable[[], None] | None = None,
) -> T:
    """``attempt()`` once on a DuckDB file (one writer, no conflicts); on a lake, :func:`retrying` it."""
    if not is_lake(connection):
        return attempt()
    return retrying(attempt, what=what, pauses=pauses, on_retry=on_retry)


def _attach(lake: LakeConfig) -> duckdb.DuckDBPyConnection:
    """A new in-memory connection with ``lake`` attached and in use (see :func:`connect_lake`)."""
    catalog, password = lake.resolve()
    connection = duckdb.connect()
    try:
        duckdb_ext.init(connection)
        connection.execute(sql("load_lake_extensions"))
        parameters = {"catalog": catalog, "password": password, "data_path": lake.data_location}
        connection.execute(sql("set_lake_variable"), parameters)
        if password is not None:
            connection.execute(sql("create_catalog_password_secret"))
        connection.execute(sql("create_lake_secret"))
        connection.execute(sql("reset_lake_variable"))
        connection.execute(sql("attach_lake"))
    except BaseException:
        connection.close()
        raise
    return connection


@contextmanager
def connect_lake(
    lake: LakeConfig, *, on_retry: Callable[[], None] | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection whose default database is the DuckLake ``lake``, closed after the block.

    The extensions come from the ``duckdb-ext-*`` wheels (never downloaded); the catalog's password,
    read from the environment now, goes into a temporary DuckDB secret and into no SQL text, so no
    error message, setting or table can show it. A local data folder is created when missing.
    """
    if lake.local_data_path is not None:
        lake.local_data_path.mkdir(parents=True, exist_ok=True)
    try:
        connection = retrying(lambda: _attach(lake), what="attaching the lake", on_retry=on_retry)
    except duckdb.Error as error:
        # DuckDB names the catalog as configured (its password is in a secret, never in the text).
        raise LakeUnavailable(f"{lake} could not be attached: {str(error).strip()}") from None
    try:
        yield connection
    finally:
        connection.close()


def expire_and_clean(connection: duckdb.DuckDBPyConnection, older_than: datetime) -> list[str]:
    """Forget the lake's snapshots older than ``older_than`` and delete the data files only they used.

    Time travel to those snapshots ends, and files holding only rows deleted or replaced before then
    are gone from the data path (see :func:`purge_deleted` for rows deleted from a live file);
    returns the deleted files.
    """
    connection.execute(sql("expire_snapshots"), {"older_than": older_than}).fetchall()
    return [path for (path,) in connection.execute(sql("cleanup_old_files")).fetchall()]


def purge_deleted(
    connection: duckdb.DuckDBPyConnection, *, on_retry: Callable[[], None] | None = None
) -> list[str]:
    """Leave no data file or catalog entry of the lake holding a deleted row: rewrite the files with
    deletions, :func:`expire_and_clean` every snapshot before now, and recompute the text columns'
    bounds in the catalog. Returns the deleted files.

    A DELETE on a lake only writes a delete file beside the data file, which stays live; the rewrite
    (retried when it conflicts with another writer's commit) copies the remaining rows into a new
    file. The catalog's table statistics keep the smallest and largest text ever written, which may
    be an erased message, until they are recomputed.
    """
    retrying(
        lambda: connection.execute(sql("rewrite_data_files")).fetchall(),
        what="rewriting the lake's data files",
        on_retry=on_retry,
    )
    deleted = expire_and_clean(connection, datetime.now(UTC))
    connection.execute(sql("run_in_catalog"), {"statement": sql("catalog_text_stats")})
    return deleted
