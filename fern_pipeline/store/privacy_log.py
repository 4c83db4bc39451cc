"""``privacy_log``: a row per masking setting change, retention run and erasure, never a value in clear."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from fern_pipeline.store.queries import sql
from fern_pipeline.tables import PrivacyLogTable

COLUMNS = tuple(PrivacyLogTable.to_schema().columns)


def log(connection: duckdb.DuckDBPyConnection, rows: Iterable[dict[str, Any]]) -> None:
    """Append ``rows`` (``logged_at`` as a datetime with a zone), validated by the table's model."""
    frame = pd.DataFrame(list(rows), columns=list(COLUMNS))
    if frame.empty:
        return
    frame["logged_at"] = pd.to_datetime(frame["logged_at"], utc=True).dt.as_unit("ns")
    for column in ("conversations", "messages", "format_errors"):
        frame[column] = frame[column].astype("int64")
    for column in ("setting", "selector"):
        frame[column] = frame[column].astype(object)
    # read by name in the SQL (DuckDB's replacement scan): no view is left in the file
    staged_privacy_log = PrivacyLogTable.validate(frame)  # noqa: F841
    connection.execute(sql("insert_privacy_log"))


def masking_changed(connection: duckdb.DuckDBPyConnection, source: str, setting: str) -> bool:
    """Whether ``setting`` differs from the masking setting last recorded for ``source`` (or none is)."""
    recorded = connection.execute(sql("last_masking_setting"), {"source": source}).fetchall()
    return not recorded or recorded[0][0] != setting


def entry(
    action: str,
    source: str,
    logged_at: datetime,
    *,
    setting: str | None = None,
    selector: str | None = None,
    removed: tuple[int, int, int] = (0, 0, 0),
) -> dict[str, Any]:
    """One ``privacy_log`` row: ``removed`` counts conversations, messages and format-error rows."""
    conversations, messages, format_errors = removed
    return {
        "logged_at": logged_at,
        "action": action,
        "source": source,
        "setting": setting,
        "selector": selector,
        "conversations": conversations,
        "messages": messages,
        "format_errors": format_errors,
    }
