"""A dg Component declaring support endpoints in ``defs.yaml``: the same definitions as the code location."""

from pathlib import Path
from typing import Annotated, Any, Literal

import dagster as dg
from pydantic import Field

from fern_pipeline.config import (
    DEFAULT_DATABASE,
    AuditConfig,
    HelpCenterConfig,
    LakeConfig,
    ProjectConfig,
    SourceConfig,
    relative_to,
)
from fern_pipeline.config.privacy import PrivacyConfig
from fern_pipeline.definitions import build_definitions


def _as_validated(context: dg.ResolutionContext, value: Any) -> Any:
    """The value as the YAML model validated it, its ``{{ env.NAME }}`` templates (headers, the lake's
    password) left unrendered, so that they are read when a fetch runs, never when definitions load."""
    return value


def _validated(model: Any) -> Any:
    """A resolver that keeps what ``model`` validated in the YAML."""
    return dg.Resolver(_as_validated, model_field_type=model)


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

        Every other key of fern_sources.yaml is an attribute too, with the same meaning: with ``lake:``
        (``catalog``, ``password``, ``data_path``) the sources load into that DuckLake instead of the
        ``database`` file, many at once; ``audit``, ``help_center``, ``privacy`` and ``executor``
        as documented there. Relative paths are relative to the project root.
    """

    database: str = Field(
        default=str(DEFAULT_DATABASE),
        description="DuckDB file the sources load into; a relative path is relative to the project root.",
    )
    # Typed ``Any`` here because dg refuses models with constrained fields as Python types; the
    # YAML is validated as the model named in each resolver, and ProjectConfig validates again.
    sources: Annotated[list[Any], _validated(list[SourceConfig])] = Field(
        description="The support endpoints, each as in fern_sources.yaml (none yet: `[]`)."
    )
    lake: Annotated[Any, _validated(LakeConfig | None)] = Field(
        default=None,
        description="A DuckLake to load into instead of the database file: catalog, password, data_path "
        "(a folder relative to the project root, or an s3:// prefix).",
    )
    audit: Annotated[Any, _validated(AuditConfig | None)] = Field(
        default=None, description="What the audit covers, as in fern_sources.yaml."
    )
    help_center: Annotated[Any, _validated(HelpCenterConfig | None)] = Field(
        default=None, description="Existing help-center articles (path relative to the project root, or url)."
    )
    privacy: Annotated[Any, _validated(PrivacyConfig | None)] = Field(
        default=None, description="Masking and retention of personal data, as in fern_sources.yaml."
    )
    executor: Literal["multiprocess", "celery"] = Field(
        default="multiprocess", description="Where a run's steps execute: local processes or Celery workers."
    )

    def project_config(self, root: Path) -> ProjectConfig:
        """The configuration these attributes declare, their relative paths taken from ``root``."""
        declared = {
            "database": self.database,
            "sources": self.sources,
            "lake": self.lake,
            "audit": self.audit,
            "help_center": self.help_center,
            "privacy": self.privacy,
            "executor": self.executor,
        }
        config = ProjectConfig.model_validate(
            {key: value for key, value in declared.items() if value is not None}
        )
        return relative_to(config, root)

    def build_defs(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        return build_definitions(self.project_config(context.project_root))
