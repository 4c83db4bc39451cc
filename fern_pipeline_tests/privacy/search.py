"""Searches for personal values where they could be kept: a DuckDB file and its WAL, its tables, a folder."""

from collections.abc import Iterable
from pathlib import Path

import duckdb

#: The shortest part of a value looked for: a quote cut short keeps at least this much of it.
PART = 10


def files(database: Path) -> bytes:
    """The database file and its write-ahead log, as a byte search would read them."""
    wal = database.with_name(database.name + ".wal")
    return database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def folder_bytes(folder: Path) -> bytes:
    """Every file under ``folder``, one after another (a DAGSTER_HOME: its SQLite files, logs, storage)."""
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def table_text(database: Path) -> str:
    """Every row of every table of ``database``, as text (what DuckDB compresses, a byte search misses)."""
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = [name for (name,) in connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return "\n".join(
            repr(connection.execute(f'SELECT * FROM "{table}"').fetchall())  # names from the catalog itself
            for table in tables
        )


def found(values: Iterable[str], haystack: str | bytes) -> list[str]:
    """Each value whose whole or first PART characters occur in ``haystack``, case-insensitively."""
    text = (haystack.decode("utf-8", "replace") if isinstance(haystack, bytes) else haystack).lower()
    return [value for value in values if value.lower() in text or value[:PART].lower() in text]
