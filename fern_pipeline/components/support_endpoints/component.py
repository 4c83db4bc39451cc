"""A dg Component declaring support endpoints in ``defs.yaml``: the same definitions as the code location."""

from pathlib import Path
from typing import Annotated, Any

import dagster as dg
from pydantic import Field

from fern_pipeline.config import DEFAULT_DATABASE, ProjectConfig, SourceConfig
from fern_pipeline.definitions import build_definitions


def _sources(context: dg.ResolutionContext, sources: list[SourceConfig]) -> list[SourceConfig]:
    """The sources as the YAML model validated them, their header templates left unrendered so that
    ``{{ env.NAME }}`` is read when a fetch runs, never when definitions load."""
    return sources


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

    def build_defs(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        config = ProjectConfig(database=context.project_root / Path(self.database), sources=self.sources)
        return build_definitions(config)
