"""The SQL statements of the store, read once from the ``.sql`` files beside this module."""

from functools import cache
from importlib.resources import files
from typing import Any

import duckdb


@cache
def sql(name: str) -> str:
    """The text of ``sql/<name>.sql``."""
    return files("fern_pipeline.store").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


def records(connection: duckdb.DuckDBPyConnection, name: str, **parameters: object) -> list[dict[str, Any]]:
    """The rows of ``sql/<name>.sql`` run with ``parameters`` bound, each as a dict by column name."""
    cursor = connection.execute(sql(name), parameters)
    columns = [column[0] for column in cursor.description or []]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
