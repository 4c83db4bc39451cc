"""Ingestion: a source's payload fetched, split, checked, flattened and validated, batch by batch.

The stages, in order: ``fetch`` (with ``http``, ``files``, ``limits``) and ``pagination`` bring the
body into a ``body`` file; ``split`` cuts it into conversations; ``check`` (with ``document``,
``conversation``, ``checked`` and the faster ``fast_check``) checks them in ``batches``; ``flatten``
turns them into validated Arrow rows; ``prepare`` runs one source through all of them, and
``background`` makes the next batch while the store inserts the last. ``cursor`` computes the
incremental start of a fetch. Nothing here touches the database.
"""

from fern_pipeline.ingest.background import ahead
from fern_pipeline.ingest.cursor import next_start
from fern_pipeline.ingest.fetch import Fetched, ProgressCallback, fetch
from fern_pipeline.ingest.flatten import Frames
from fern_pipeline.ingest.prepare import Prepared, counted, prepare

__all__ = [
    "Fetched",
    "Frames",
    "Prepared",
    "ProgressCallback",
    "ahead",
    "counted",
    "fetch",
    "next_start",
    "prepare",
]
