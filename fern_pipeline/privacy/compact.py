"""The DuckDB file rewritten whole, so that deleted rows leave nothing behind in its free blocks."""

from pathlib import Path

import duckdb

from fern_pipeline.store.queries import sql

#: Suffix of the new file while it is written, beside the database.
STAGING_SUFFIX = ".compacting"


def _quoted(text: str, quote: str) -> str:
    """``text`` between ``quote`` characters, each one inside doubled: SQL's quoting of an identifier
    (``"``) or a string (``'``), for the places DuckDB 1.4 binds no parameter (ATTACH's path, COPY
    FROM DATABASE's names)."""
    return quote + text.replace(quote, quote * 2) + quote


def compact(connection: duckdb.DuckDBPyConnection, database: Path) -> int:
    """Copy every table and sequence of ``database`` (open in ``connection``) into a new file in its place.

    A DELETE only marks rows: their bytes stay in the file's blocks until DuckDB reuses them. The
    copy holds only live rows. The caller keeps ``connection``, and so the file's lock, until the
    new file is in place, then closes it: the old file, unlinked, is gone once closed. Returns the
    new file's size in bytes.
    """
    staging = database.with_name(database.name + STAGING_SUFFIX)
    for leftover in (staging, staging.with_name(staging.name + ".wal")):
        leftover.unlink(missing_ok=True)
    connection.execute(sql("checkpoint"))
    [(name,)] = connection.execute(sql("current_database")).fetchall()
    path, source = _quoted(str(staging), "'"), _quoted(name, '"')
    connection.execute(f"ATTACH {path} AS compacted")
    try:
        connection.execute(f"COPY FROM DATABASE {source} TO compacted")
    except BaseException:
        connection.execute(sql("detach_compacted"))
        staging.unlink(missing_ok=True)
        raise
    connection.execute(sql("detach_compacted"))
    staging.replace(database)
    return database.stat().st_size
