"""The code location's entry point: the configured sources (or the demo ones) as Dagster definitions."""

import dagster as dg

from fern_pipeline.config import ProjectConfig, load_config
from fern_pipeline.defs.audit import build_audit_defs
from fern_pipeline.defs.checks import build_check_defs
from fern_pipeline.defs.endpoint_test import build_endpoint_test_defs
from fern_pipeline.defs.executor import build_executor_defs
from fern_pipeline.defs.privacy import build_privacy_defs
from fern_pipeline.defs.resources import build_resource_defs
from fern_pipeline.defs.schedules import build_schedule_defs
from fern_pipeline.defs.sources import build_source_defs


def build_definitions(config: ProjectConfig) -> dg.Definitions:
    """Everything Dagster shows for ``config``: each module's definitions, merged."""
    return dg.Definitions.merge(
        build_resource_defs(config),
        build_source_defs(config),
        build_check_defs(config),
        build_endpoint_test_defs(config),
        build_schedule_defs(config),
        build_audit_defs(config),
        build_executor_defs(config),
        build_privacy_defs(config),
    )


@dg.definitions
def defs() -> dg.Definitions:
    """Read the configuration when Dagster loads the code location, never at import."""
    return build_definitions(load_config())
