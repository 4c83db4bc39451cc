"""The DuckDB resource every asset and check shares, and the one way they open the database."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from fern_pipeline.config import ProjectConfig
from fern_pipeline.store.schema import ensure_schema

#: The concurrency pool of everything that opens the database: DuckDB allows one writing process.
POOL = "duckdb"
#: The resource key assets and checks ask for.
RESOURCE_KEY = "duckdb"


def build_resource_defs(config: ProjectConfig) -> dg.Definitions:
    """The ``duckdb`` resource on the configured database file."""
    return dg.Definitions(resources={RESOURCE_KEY: DuckDBResource(database=str(config.database))})


@contextmanager
def open_database(resource: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the database with every table present, its folder created when missing.

    The resource retries while another process holds the file; hold the connection only for
    database work, never across a network call.
    """
    Path(resource.database).parent.mkdir(parents=True, exist_ok=True)
    with resource.get_connection() as connection:
        ensure_schema(connection)
        yield connection
