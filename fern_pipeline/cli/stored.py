"""The warehouse's side of ``fern-pipeline load``: the incremental start, the fetch made into rows and stored.

Imported by the command once the body is fetched and split (see :mod:`fern_pipeline.cli.load`).
"""

from collections.abc import Callable
from typing import Any

from fern_pipeline.config import ProjectConfig, Warehouse
from fern_pipeline.ingest.masking.settings import privacy_settings
from fern_pipeline.ingest.prepare import Prepared
from fern_pipeline.ingest.received import Received
from fern_pipeline.store.cursor import start_of_next_fetch
from fern_pipeline.store.load import load_into

__all__ = ["start_of_next_fetch", "store"]


def store(
    target: Warehouse,
    received: Received[Any],
    project: ProjectConfig,
    *,
    lock_wait: float,
    on_wait: Callable[[], None],
) -> tuple[dict[str, Any], Prepared]:
    """Check, validate, mask and load ``received`` into ``target``: its row of ``fetches``, and the fetch."""
    prepared = Prepared.of(received, privacy_settings(project, received.source))
    return load_into(target, prepared, lock_wait=lock_wait, on_wait=on_wait), prepared
