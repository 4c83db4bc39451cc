"""A dg Component declaring support endpoints in ``defs.yaml``: the same definitions as the code location."""

from pathlib import Path
from typing import Annotated, Any

import dagster as dg
from pydantic import Field

from fern_pipeline.config import DEFAULT_DATABASE, ProjectConfig, SourceConfig
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.definitions import build_definitions


def _sources(context: dg.ResolutionContext, sources: list[SourceConfig]) -> list[SourceConfig]:
    """The sources as the YAML model validated them, their header templates left unrendered so that
    ``{{ env.NAME }}`` is read when a fetch runs, never when definitions load."""
    return sources


def _lake(context: dg.ResolutionContext, lake: LakeConfig | None) -> LakeConfig | None:
    """The lake as the YAML model validated it, its password template left unrendered (read when a
    connection opens)."""
    return lake


class FernSupportEndpointsComponent(dg.Component, dg.Resolvable, dg.Model):
    """Support endpoints loaded into DuckDB: an asset per source, its checks, schedules and automation.

    Each source becomes the assets ``<name>_conversations`` and ``<name>_messages`` in the ``support``
    group, with checks of its latest fetch's format errors, the stored rows' schema and integrity,
    the endpoint itself (``endpoint_test``), and freshness.

    Examples:
        ``defs/support/defs.yaml``:

        .. code-block:: yaml

            type: fern_pipeline.components.FernSupportEndpointsComponent
            attributes:
              database: data/fern.duckdb
              sources:
                - name: helpdesk
                  url: https://company.com/support-endpoint.json?startDate=2025-01-01
                  headers:
                    Authorization: "Bearer {{ env.HELPDESK_TOKEN }}"
                  schedule: "0 * * * *"

        With ``lake:`` (``catalog``, ``password``, ``data_path`` as in fern_sources.yaml) the sources
        load into that DuckLake instead of the ``database`` file, many at once.
    """

    database: str = Field(
        default=str(DEFAULT_DATABASE),
        description="DuckDB file the sources load into; a relative path is relative to the project root.",
    )
    # Typed ``Any`` here because dg refuses models with constrained fields as Python types; the
    # YAML is validated as ``SourceConfig`` (model_field_type) and ProjectConfig validates again.
    sources: Annotated[list[Any], dg.Resolver(_sources, model_field_type=list[SourceConfig])] = Field(
        min_length=1, description="The support endpoints, each as in fern_sources.yaml."
    )

    lake: Annotated[Any, dg.Resolver(_lake, model_field_type=LakeConfig | None)] = Field(
        default=None,
        description="A DuckLake to load into instead of the database file: catalog, password, data_path "
        "(a folder relative to the project root, or an s3:// prefix).",
    )

    def build_defs(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        lake = None if self.lake is None else LakeConfig.model_validate(self.lake)
        if lake is not None and lake.local_data_path is not None:
            lake = lake.model_copy(update={"data_path": str(context.project_root / lake.local_data_path)})
        database = context.project_root / Path(self.database)
        return build_definitions(ProjectConfig(database=database, sources=self.sources, lake=lake))
