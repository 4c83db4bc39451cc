"""Retention across a project: every source with ``retention_days`` loses its conversations past it."""

from datetime import datetime, timedelta

import duckdb

from fern_pipeline.audit.forget import forget_expiring
from fern_pipeline.config import ProjectConfig
from fern_pipeline.store.retention import expire
from fern_pipeline.store.schema import ensure_schema
from fern_pipeline.store.transaction import transaction


def retain(
    connection: duckdb.DuckDBPyConnection, project: ProjectConfig, now: datetime
) -> dict[str, tuple[int, int, int]]:
    """Apply each source's retention at ``now`` in one transaction (the audit history's labels quoting
    what expires blanked first); the rows removed, by source."""
    ensure_schema(connection)
    removed: dict[str, tuple[int, int, int]] = {}
    with transaction(connection):
        for source in project.sources:
            days = project.source_privacy(source.name).retention_days
            if days is not None:
                forget_expiring(connection, source.name, now - timedelta(days=days))
                removed[source.name] = expire(connection, source.name, days, now)
    return removed
