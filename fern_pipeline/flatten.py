"""Checked columns → conversations and messages DataFrames with derived columns, validated by pandera."""

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
import pandera.errors
import pandera.pandas as pa
import pyarrow

from fern_pipeline.document import CheckedDocument, reject
from fern_pipeline.errors import FormatError
from fern_pipeline.tables import ConversationsTable, MessagesTable

UTC_NANOSECONDS = pyarrow.timestamp("ns", tz="UTC")


@dataclass(frozen=True)
class Frames:
    """The validated rows of one fetch, ready to load."""

    conversations: pd.DataFrame
    messages: pd.DataFrame


def _parse_timestamps(values: list[str]) -> pd.Series:
    """ISO 8601 strings already checked for shape → UTC timestamps; impossible ones become NaT.

    Arrow's cast reads the usual forms about ten times faster than pandas; a column with any value
    it refuses (an impossible date, a lower-case ``t`` or ``z``, a decimal comma) is read by pandas
    instead, after writing those two valid spellings the usual way, and exactly the impossible
    values become NaT.
    """
    try:
        return pd.Series(pyarrow.array(values, pyarrow.string()).cast(UTC_NANOSECONDS).to_pandas())
    except pyarrow.ArrowInvalid:
        usual = pd.Series(values, dtype=object).str.upper().str.replace(",", ".", regex=False)
        return pd.Series(pd.to_datetime(usual, format="ISO8601", utc=True, errors="coerce"))


def _build(checked: CheckedDocument, source: str, fetched_at: datetime) -> Frames:
    conversations, messages = checked.conversations, checked.messages
    created_at = _parse_timestamps(messages.created_at)
    first_message_at = (
        created_at.groupby(np.asarray(messages.conversation_index, dtype=np.int64))
        .min()
        .reindex(conversations.index)
        .reset_index(drop=True)
    )
    message_count = np.asarray(conversations.message_count, dtype=np.int64)
    user_count = np.asarray(conversations.user_message_count, dtype=np.int64)
    conversation_frame = pd.DataFrame(
        {
            "source": source,
            "conversation_id": pd.Series(conversations.conversation_id, dtype=object),
            "url": pd.Series(conversations.url, dtype=object),
            "last_message_at": _parse_timestamps(conversations.last_message_at),
            "first_message_at": first_message_at.astype(created_at.dtype),
            "message_count": message_count,
            "user_message_count": user_count,
            "agent_message_count": message_count - user_count,
            "fetched_at": pd.Timestamp(fetched_at).tz_convert("UTC").as_unit("ns"),
        }
    )
    message_frame = pd.DataFrame(
        {
            "source": source,
            "conversation_id": pd.Series(messages.conversation_id, dtype=object),
            "message_id": pd.Series(messages.message_id, dtype=object),
            "position": np.asarray(messages.position, dtype=np.int64),
            "role": pd.Series(messages.role, dtype=object),
            "source_role": pd.Series(messages.source_role, dtype=object),
            "content": pd.Series(messages.content, dtype=object),
            "created_at": created_at,
        }
    )
    return Frames(conversation_frame, message_frame)


def _not_an_instant(path: str, sent: str) -> FormatError:
    return FormatError(
        path,
        "invalid_timestamp",
        f"{sent[:40]!r} is not a real date and time (or lies outside the years 1678 to 2261)",
    )


def _out_of_range(checked: CheckedDocument, frames: Frames) -> dict[int, list[FormatError]]:
    """Conversations with a timestamp that has the right shape but is not a real instant."""
    found: dict[int, list[FormatError]] = {}
    for row in np.flatnonzero(frames.conversations["last_message_at"].isna().to_numpy()):
        index = checked.conversations.index[row]
        path = f"/conversations/{index}/lastMessageAt"
        found.setdefault(index, []).append(_not_an_instant(path, checked.conversations.last_message_at[row]))
    for row in np.flatnonzero(frames.messages["created_at"].isna().to_numpy()):
        index = checked.messages.conversation_index[row]
        path = f"/conversations/{index}/messages/{checked.messages.position[row]}/createdAt"
        found.setdefault(index, []).append(_not_an_instant(path, checked.messages.created_at[row]))
    return found


def _schema_violations(
    model: type[pa.DataFrameModel], frame: pd.DataFrame, row_owner: list[int]
) -> dict[int, list[FormatError]]:
    """Validate ``frame`` with ``model``; map failing rows to the conversations that own them."""
    try:
        model.validate(frame, lazy=True)
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
    frames = _build(checked, source, fetched_at)
    found = _out_of_range(checked, frames)
    if found:
        reject(checked, found)
        frames = _build(checked, source, fetched_at)
    found = _schema_violations(ConversationsTable, frames.conversations, checked.conversations.index)
    found |= _schema_violations(MessagesTable, frames.messages, checked.messages.conversation_index)
    if found:
        reject(checked, found)
        frames = _build(checked, source, fetched_at)
    return frames
