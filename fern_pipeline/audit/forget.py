"""History forgets erased and expired conversations: the labels quoting them are blanked before they go.

Apart from :mod:`~fern_pipeline.audit.history` (which needs the audit's libraries) so that retention and
erasure, which Dagster's definitions import, take only SQL.
"""

from datetime import datetime

import duckdb

from fern_pipeline.audit.embedding import MASKED
from fern_pipeline.audit.queries import run, sql


def forget_in_history(connection: duckdb.DuckDBPyConnection) -> None:
    """Blank every history label quoting a conversation of the temp table ``erased`` (source,
    conversation_id), before those conversations are deleted; history keeps no conversation id."""
    connection.execute(sql("history_create"))
    run(connection, "history_erased_texts", masked=MASKED.pattern)
    connection.execute(sql("history_scrub"))


def forget_expiring(connection: duckdb.DuckDBPyConnection, source: str, cutoff: datetime) -> None:
    """:func:`forget_in_history` for ``source``'s conversations that retention is about to delete."""
    run(connection, "history_expiring", source=source, cutoff=cutoff)
    forget_in_history(connection)
