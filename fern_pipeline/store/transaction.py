"""One DuckDB transaction with frames staged as views: committed whole, or rolled back whole."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import duckdb

#: Registers a DataFrame (or Arrow table) under a name the transaction's SQL reads it by (again: replaces it).
Stage = Callable[[str, object], None]


@contextmanager
def transaction(connection: duckdb.DuckDBPyConnection) -> Iterator[Stage]:
    """BEGIN … COMMIT, rolled back on any failure; the views staged inside are dropped after it."""
    staged: set[str] = set()

    def stage(name: str, frame: object) -> None:
        connection.register(name, frame)
        staged.add(name)

    connection.begin()
    try:
        try:
            yield stage
        except BaseException:
            connection.rollback()
            raise
        connection.commit()  # a commit that fails has rolled the transaction back itself
    finally:
        for name in staged:
            connection.unregister(name)
