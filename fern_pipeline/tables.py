"""pandera models: the one definition of every table's columns, types and keys."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

UTC_TIMESTAMP = pd.DatetimeTZDtype(unit="ns", tz="UTC")
ROLES = ("user", "agent")
FETCH_STATUSES = ("ok", "partial", "failed")


class ConversationsTable(pa.DataFrameModel):
    """``conversations``: one row per conversation, its current version."""

    source: Series[str]
    conversation_id: Series[str] = pa.Field(str_length={"min_value": 1})
    url: Series[str] = pa.Field(nullable=True)
    last_message_at: Series[UTC_TIMESTAMP]  # type: ignore[valid-type]
    first_message_at: Series[UTC_TIMESTAMP] = pa.Field(nullable=True)  # type: ignore[valid-type]
    message_count: Series[int] = pa.Field(ge=0)
    user_message_count: Series[int] = pa.Field(ge=0)
    agent_message_count: Series[int] = pa.Field(ge=0)
    fetched_at: Series[UTC_TIMESTAMP]  # type: ignore[valid-type]

    class Config:
        strict = True
        unique = ("source", "conversation_id")

    @pa.dataframe_check(error="message_count is not the sum of user and agent messages")
    @classmethod
    def counts_add_up(cls, frame: pd.DataFrame) -> "pd.Series[bool]":
        return frame["message_count"] == frame["user_message_count"] + frame["agent_message_count"]


class MessagesTable(pa.DataFrameModel):
    """``messages``: one row per message of a current conversation."""

    source: Series[str]
    conversation_id: Series[str] = pa.Field(str_length={"min_value": 1})
    message_id: Series[str] = pa.Field(str_length={"min_value": 1})
    position: Series[int] = pa.Field(ge=0)
    role: Series[str] = pa.Field(isin=ROLES)
    source_role: Series[str]
    content: Series[str]
    created_at: Series[UTC_TIMESTAMP]  # type: ignore[valid-type]

    class Config:
        strict = True
        unique = ("source", "conversation_id", "message_id")


class FormatErrorsTable(pa.DataFrameModel):
    """``format_errors``: append-only, one row per format error, with the rejected item whole."""

    source: Series[str]
    fetch_id: Series[int]
    fetched_at: Series[UTC_TIMESTAMP]  # type: ignore[valid-type]
    path: Series[str]
    code: Series[str]
    message: Series[str]
    raw: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True


class FetchesTable(pa.DataFrameModel):
    """``fetches``: one row per fetch of a source, failed ones included."""

    fetch_id: Series[int]
    source: Series[str]
    url: Series[str]
    started_at: Series[UTC_TIMESTAMP]  # type: ignore[valid-type]
    finished_at: Series[UTC_TIMESTAMP]  # type: ignore[valid-type]
    status: Series[str] = pa.Field(isin=FETCH_STATUSES)
    category: Series[str] = pa.Field(nullable=True)
    message: Series[str] = pa.Field(nullable=True)
    http_status: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    bytes: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    conversations_loaded: Series[int] = pa.Field(ge=0)
    messages_loaded: Series[int] = pa.Field(ge=0)
    conversations_rejected: Series[int] = pa.Field(ge=0)
    start_date: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        unique = ("fetch_id",)


#: Every table the loader writes, by name, in the order they are created.
TABLES: dict[str, type[pa.DataFrameModel]] = {
    "conversations": ConversationsTable,
    "messages": MessagesTable,
    "format_errors": FormatErrorsTable,
    "fetches": FetchesTable,
}
