"""SQL kept in ``sql/*.sql`` beside a module: read once, run with bound parameters, rows as records."""

from functools import cache
from importlib.resources import files
from typing import Any

import duckdb


@cache
def _read(package: str, name: str) -> str:
    return files(package).joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


class SqlFiles:
    """The statements in the ``sql`` folder of one package."""

    def __init__(self, package: str) -> None:
        self.package = package

    def text(self, name: str) -> str:
        """The text of ``sql/<name>.sql``."""
        return _read(self.package, name)

    def run(self, connection: duckdb.DuckDBPyConnection, name: str, **parameters: object) -> None:
        """Execute ``sql/<name>.sql`` with ``parameters`` bound by name."""
        connection.execute(self.text(name), parameters).fetchall()

    def records(
        self, connection: duckdb.DuckDBPyConnection, name: str, **parameters: object
    ) -> list[dict[str, Any]]:
        """The rows of ``sql/<name>.sql`` run with ``parameters`` bound, each as a dict by column name."""
        cursor = connection.execute(self.text(name), parameters)
        columns = [column[0] for column in cursor.description or []]
        return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
