"""Retention: a source's conversations whose last message is older than its retention, deleted whole."""

from datetime import datetime, timedelta

import duckdb

from fern_pipeline.store.privacy_log import entry, log
from fern_pipeline.store.queries import sql


def expire(
    connection: duckdb.DuckDBPyConnection, source: str, days: int, now: datetime
) -> tuple[int, int, int]:
    """Delete ``source``'s conversations last written to more than ``days`` before ``now``, with their
    messages, and its format errors fetched before then; record it in ``privacy_log``.

    Runs inside the caller's transaction. Returns the conversations, messages and format-error rows
    removed.
    """
    parameters = {"source": source, "cutoff": now - timedelta(days=days)}
    removed = tuple(
        connection.execute(sql(f"expire_{table}"), parameters).fetchall()[0][0]
        for table in ("messages", "conversations", "format_errors")
    )
    messages, conversations, format_errors = removed
    counts = (conversations, messages, format_errors)
    log(connection, [entry("retention", source, now, setting=f"{days} days", removed=counts)])
    return counts
