"""The audit's SQL: statements read once from the ``.sql`` files beside this module, run with bound values."""

from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

import duckdb


@cache
def sql(name: str) -> str:
    """The text of ``sql/<name>.sql``."""
    return files("fern_pipeline.audit").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


def run(
    connection: duckdb.DuckDBPyConnection, name: str, parameters: Mapping[str, Any] | None = None
) -> None:
    """Execute ``sql/<name>.sql`` with ``parameters`` bound by name."""
    connection.execute(sql(name), dict(parameters or {})).fetchall()


def rows(
    connection: duckdb.DuckDBPyConnection, name: str, parameters: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The rows ``sql/<name>.sql`` returns, each as a dict of column to value."""
    result = connection.execute(sql(name), dict(parameters or {}))
    columns = [column[0] for column in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
