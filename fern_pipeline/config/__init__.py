"""Configuration: YAML validated once, at the edge, into typed objects; the only reader of the environment.

``source`` is one endpoint's settings, ``lake`` a DuckLake warehouse's, ``project`` the whole file
(sources, warehouse, audit, help center, privacy, executor) and where it is found; ``templates``
resolves ``{{ env.NAME }}`` at run time.
"""

from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.config.project import (
    DEFAULT_DATABASE,
    AuditConfig,
    HelpCenterConfig,
    ProjectConfig,
    Warehouse,
    adhoc_source,
    load_config,
    parse_config,
    relative_to,
    remote_source,
)
from fern_pipeline.config.source import DEFAULT_MAX_BYTES, SourceConfig
from fern_pipeline.config.themes import ThemeCategory

__all__ = [
    "DEFAULT_DATABASE",
    "DEFAULT_MAX_BYTES",
    "AuditConfig",
    "HelpCenterConfig",
    "LakeConfig",
    "ProjectConfig",
    "SourceConfig",
    "ThemeCategory",
    "Warehouse",
    "adhoc_source",
    "load_config",
    "parse_config",
    "relative_to",
    "remote_source",
]
