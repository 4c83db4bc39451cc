"""The warehouse resource every asset and check shares (the DuckDB file or a lake), and how they open it."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource
from pydantic import Field

from fern_pipeline.config import ProjectConfig, Warehouse
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.store.lake import connect_lake
from fern_pipeline.store.schema import ensure_schema

#: The concurrency pool of everything that opens the DuckDB file: DuckDB allows one writing process.
POOL = "duckdb"
#: The resource key assets and checks ask for.
RESOURCE_KEY = "duckdb"


class DuckLakeResource(DuckDBResource):
    """The ``duckdb`` resource on a DuckLake: a PostgreSQL catalog and Parquet files, many writers at once.

    Each connection is a new in-memory DuckDB with the lake attached as its default database, so
    assets and checks run the same SQL as on the file. The password is a ``{{ env.NAME }}``
    template, read from the environment when a connection opens: the resource's config shows only
    the template.

    Examples:
        .. code-block:: python

            DuckLakeResource(
                catalog="host=db.internal dbname=fern_lake user=fern",
                password="{{ env.FERN_LAKE_PASSWORD }}",
                data_path="s3://company-lake/fern/",
            )
    """

    database: str = Field(default=":memory:", description="The in-memory DuckDB the lake is attached to.")
    catalog: str = Field(description=LakeConfig.model_fields["catalog"].description)
    password: str | None = Field(default=None, description=LakeConfig.model_fields["password"].description)
    data_path: str = Field(description=LakeConfig.model_fields["data_path"].description)

    @property
    def lake(self) -> LakeConfig:
        """The lake this resource opens, validated like the configuration file's."""
        return LakeConfig(catalog=self.catalog, password=self.password, data_path=self.data_path)

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with connect_lake(self.lake) as connection:
            yield connection


def build_resource_defs(config: ProjectConfig) -> dg.Definitions:
    """The ``duckdb`` resource on the configured warehouse: the lake if one is configured, else the file."""
    if config.lake is None:
        return dg.Definitions(resources={RESOURCE_KEY: DuckDBResource(database=str(config.database))})
    lake = config.lake
    resource = DuckLakeResource(catalog=lake.catalog, password=lake.password, data_path=lake.data_path)
    return dg.Definitions(resources={RESOURCE_KEY: resource})


def pool_for(config: ProjectConfig) -> str | None:
    """The pool of the assets and checks that write ``config``'s warehouse: one slot for the file, none
    for a lake, where writers commit at once and a conflict is retried by the load."""
    return POOL if config.lake is None else None


def warehouse(resource: DuckDBResource) -> Warehouse:
    """The warehouse ``resource`` opens."""
    return resource.lake if isinstance(resource, DuckLakeResource) else Path(resource.database)


@contextmanager
def open_database(resource: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the warehouse with every table present (a file's folder created when missing).

    The file's resource retries while another process holds it; hold the connection only for
    database work, never across a network call.
    """
    if not isinstance(resource, DuckLakeResource):
        Path(resource.database).parent.mkdir(parents=True, exist_ok=True)
    with resource.get_connection() as connection:
        ensure_schema(connection)
        yield connection
