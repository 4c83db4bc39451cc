"""The warehouses the store's tests run on: the DuckDB file under tmp_path, or a lake on the test server."""

from pathlib import Path
from typing import Any

import duckdb
import pytest

from fern_pipeline.config import Warehouse
from fern_pipeline.store.lake import connect_lake

#: The ids of the two warehouses, for ``@pytest.mark.parametrize("kind", KINDS)``.
KINDS = ("file", "lake")


@pytest.fixture
def warehouse(kind: str, database: Path, request: pytest.FixtureRequest) -> Warehouse:
    """The warehouse of the test's ``kind`` parameter: the ``database`` file or a new ``lake``."""
    return database if kind == "file" else request.getfixturevalue("lake")


def read(warehouse: Warehouse, sql: str) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` on ``warehouse`` (a file opened read-only, or the lake)."""
    if isinstance(warehouse, Path):
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            return connection.execute(sql).fetchall()
    with connect_lake(warehouse) as connection:
        return connection.execute(sql).fetchall()
