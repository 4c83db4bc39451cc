"""The SQL statements of the store, read once from the ``.sql`` files beside this module."""

from functools import cache
from importlib.resources import files


@cache
def sql(name: str) -> str:
    """The text of ``sql/<name>.sql``."""
    return files("fern_pipeline.store").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")
