"""dg Components of fern_pipeline, registered through the ``dagster_dg_cli.registry_modules`` entry point."""

from fern_pipeline.components.support_endpoints.component import FernSupportEndpointsComponent

__all__ = ["FernSupportEndpointsComponent"]
