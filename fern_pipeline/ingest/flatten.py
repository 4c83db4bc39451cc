"""Checked columns → conversations and messages as Arrow tables with derived columns, validated by pandera.

The rows are built once, as Arrow arrays, which DuckDB reads without converting them and without
holding the GIL; pandera validates a pandas view of the same buffers (its text columns
``ArrowDtype``, its numbers and timestamps numpy).
"""

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
import pandera.errors
import pandera.pandas as pa
import pyarrow

from fern_pipeline.errors import FormatError
from fern_pipeline.ingest.checked import CheckedDocument, reject
from fern_pipeline.ingest.instants import out_of_range
from fern_pipeline.tables import ConversationsTable, MessagesTable

TEXT = pyarrow.large_string()
UTC_NANOSECONDS = pyarrow.timestamp("ns", tz="UTC")
#: How to_pandas shows Arrow text to pandera: as the same Arrow buffers, not as Python strings.
_PANDAS_TYPES = {TEXT: pd.ArrowDtype(TEXT)}


@dataclass(frozen=True)
class Frames:
    """The validated rows of one batch, ready to load."""

    conversations: pyarrow.Table
    messages: pyarrow.Table


def _parse_timestamps(values: list[str]) -> pyarrow.Array:
    """ISO 8601 strings already checked for shape → UTC timestamps; impossible ones become null.

    Arrow's cast reads the usual forms about ten times faster than pandas; a column with any value
    it refuses (an impossible date, a lower-case ``t`` or ``z``, a decimal comma) is read by pandas
    instead, after writing those two valid spellings the usual way, and exactly the impossible
    values become null.
    """
    try:
        return pyarrow.array(values, TEXT).cast(UTC_NANOSECONDS)
    except pyarrow.ArrowInvalid:
        usual = pd.Series(values, dtype=object).str.upper().str.replace(",", ".", regex=False)
        parsed = pd.to_datetime(usual, format="ISO8601", utc=True, errors="coerce")
        return pyarrow.array(parsed, UTC_NANOSECONDS)


def _first_message_at(created_at: pyarrow.Array, counts: np.ndarray) -> pyarrow.Array:
    """Each conversation's earliest message time (null without messages); its messages are consecutive."""
    has_messages = counts > 0
    earliest = np.zeros(len(counts), dtype=np.int64)
    if has_messages.any():
        starts = (np.cumsum(counts) - counts)[has_messages]
        nanoseconds = created_at.cast(pyarrow.int64()).to_numpy()
        earliest[has_messages] = np.minimum.reduceat(nanoseconds, starts)
    return pyarrow.array(earliest, mask=~has_messages).cast(UTC_NANOSECONDS)


def _repeated(value: str, count: int) -> pyarrow.Array:
    return pyarrow.array([value] * count, TEXT)


def _times(checked: CheckedDocument) -> tuple[pyarrow.Array, pyarrow.Array]:
    """The parsed ``lastMessageAt`` of the conversations and ``createdAt`` of the messages."""
    return (
        _parse_timestamps(checked.conversations.last_message_at),
        _parse_timestamps(checked.messages.created_at),
    )


def _build(
    checked: CheckedDocument,
    source: str,
    fetched_at: datetime,
    last_message_at: pyarrow.Array,
    created_at: pyarrow.Array,
) -> Frames:
    """The batch's tables, from its columns and their parsed times (none of them null)."""
    conversations, messages = checked.conversations, checked.messages
    counts = np.asarray(conversations.message_count, dtype=np.int64)
    users = np.asarray(conversations.user_message_count, dtype=np.int64)
    fetched = pd.Timestamp(fetched_at).tz_convert("UTC").as_unit("ns")
    conversation_table = pyarrow.table(
        {
            "source": _repeated(source, len(counts)),
            "conversation_id": pyarrow.array(conversations.conversation_id, TEXT),
            "url": pyarrow.array(conversations.url, TEXT),
            "last_message_at": last_message_at,
            "first_message_at": _first_message_at(created_at, counts),
            "message_count": counts,
            "user_message_count": users,
            "agent_message_count": counts - users,
            "fetched_at": pyarrow.array(np.full(len(counts), fetched.value)).cast(UTC_NANOSECONDS),
        }
    )
    message_table = pyarrow.table(
        {
            "source": _repeated(source, len(messages.message_id)),
            "conversation_id": pyarrow.array(messages.conversation_id, TEXT),
            "message_id": pyarrow.array(messages.message_id, TEXT),
            "position": pyarrow.array(messages.position, pyarrow.int64()),
            "role": pyarrow.array(messages.role, TEXT),
            "source_role": pyarrow.array(messages.source_role, TEXT),
            "content": pyarrow.array(messages.content, TEXT),
            "created_at": created_at,
        }
    )
    return Frames(conversation_table, message_table)


def _out_of_range(
    checked: CheckedDocument, last_message_at: pyarrow.Array, created_at: pyarrow.Array
) -> dict[int, list[FormatError]]:
    """Conversations with a timestamp that has the right shape but is not a real instant."""
    return out_of_range(
        checked,
        np.flatnonzero(last_message_at.is_null().to_numpy(zero_copy_only=False)).tolist(),
        np.flatnonzero(created_at.is_null().to_numpy(zero_copy_only=False)).tolist(),
    )


def _schema_violations(
    model: type[pa.DataFrameModel], table: pyarrow.Table, row_owner: list[int]
) -> dict[int, list[FormatError]]:
    """Validate ``table`` with ``model``; map failing rows to the conversations that own them."""
    try:
        model.validate(table.to_pandas(types_mapper=_PANDAS_TYPES.get), lazy=True)
    except pandera.errors.SchemaErrors as failure:
        found: dict[int, list[FormatError]] = {}
        cases = failure.failure_cases
        for row, column, check in zip(cases["index"], cases["column"], cases["check"], strict=True):
            if pd.isna(row):
                raise
            index = row_owner[int(row)]
            found.setdefault(index, []).append(
                FormatError(
                    f"/conversations/{index}", "schema_violation", f"column {column} failed the check {check}"
                )
            )
        return found
    return {}


def to_frames(checked: CheckedDocument, *, source: str, fetched_at: datetime) -> Frames:
    """Build and validate the rows of ``checked``; conversations failing a check are rejected whole."""
    times = _times(checked)
    found = _out_of_range(checked, *times)
    if found:
        reject(checked, found)
        times = _times(checked)
    frames = _build(checked, source, fetched_at, *times)
    found = _schema_violations(ConversationsTable, frames.conversations, checked.conversations.index)
    found |= _schema_violations(MessagesTable, frames.messages, checked.messages.conversation_index)
    if found:
        reject(checked, found)
        frames = _build(checked, source, fetched_at, *_times(checked))
    return frames
