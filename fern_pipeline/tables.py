"""pandera models: the one definition of every table's columns, types and keys."""

from collections.abc import Iterable

import pandas as pd
import pandera.pandas as pa
from pandera import dtypes
from pandera.engines import pandas_engine
from pandera.typing import Series

UTC_TIMESTAMP = pd.DatetimeTZDtype(unit="ns", tz="UTC")
ROLES = ("user", "agent")
FETCH_STATUSES = ("ok", "partial", "failed")
PRIVACY_ACTIONS = ("masking", "retention", "erasure")

#: The description of every table's ``source`` column.
SOURCE = "The configured source's name."


@pandas_engine.Engine.register_dtype
@dtypes.immutable
class Text(pandas_engine.NpString):
    """Text in an object column, every value a ``str`` (or null where the column allows it).

    The same check as pandera's ``str``, made in one pass in C (``infer_dtype``) instead of a Python
    call per value, which cost 0.6 s of a 200,000-message load.
    """

    def check(
        self, pandera_dtype: dtypes.DataType, data_container: pd.Series | None = None
    ) -> bool | Iterable[bool]:
        if data_container is None:
            return super().check(pandera_dtype)
        return pd.api.types.infer_dtype(data_container, skipna=True) in ("string", "empty")


class ConversationsTable(pa.DataFrameModel):
    """``conversations``: one row per conversation, its current version."""

    source: Series[Text] = pa.Field(description=SOURCE)
    conversation_id: Series[Text] = pa.Field(
        ne="", description="The conversation's id as the endpoint sent it."
    )
    url: Series[Text] = pa.Field(
        nullable=True, description="Link to the conversation in the support tool, when the endpoint sent one."
    )
    last_message_at: Series[UTC_TIMESTAMP] = pa.Field(  # type: ignore[valid-type]
        description="The conversation's lastMessageAt, in UTC."
    )
    first_message_at: Series[UTC_TIMESTAMP] = pa.Field(  # type: ignore[valid-type]
        nullable=True, description="When its earliest message was created; null without messages."
    )
    message_count: Series[int] = pa.Field(
        ge=0, description="Its messages: user_message_count + agent_message_count."
    )
    user_message_count: Series[int] = pa.Field(ge=0, description="Messages from the customer (role user).")
    agent_message_count: Series[int] = pa.Field(
        ge=0, description="Messages from support (role agent or support_agent)."
    )
    fetched_at: Series[UTC_TIMESTAMP] = pa.Field(  # type: ignore[valid-type]
        description="When the fetch that stored this version received it."
    )

    class Config:
        strict = True
        unique = ("source", "conversation_id")

    @pa.dataframe_check(error="message_count is not the sum of user and agent messages")
    @classmethod
    def counts_add_up(cls, frame: pd.DataFrame) -> "pd.Series[bool]":
        return frame["message_count"] == frame["user_message_count"] + frame["agent_message_count"]


class MessagesTable(pa.DataFrameModel):
    """``messages``: one row per message of a current conversation."""

    source: Series[Text] = pa.Field(description=SOURCE)
    conversation_id: Series[Text] = pa.Field(ne="", description="The conversation the message belongs to.")
    message_id: Series[Text] = pa.Field(ne="", description="The message's id as the endpoint sent it.")
    position: Series[int] = pa.Field(ge=0, description="Its place in the conversation as sent, from 0.")
    role: Series[Text] = pa.Field(
        isin=ROLES, description="Who wrote it: user (the customer) or agent (support)."
    )
    source_role: Series[Text] = pa.Field(description="The role as the endpoint sent it, e.g. support_agent.")
    content: Series[Text] = pa.Field(description="The message's text.")
    created_at: Series[UTC_TIMESTAMP] = pa.Field(  # type: ignore[valid-type]
        description="The message's createdAt, in UTC."
    )

    class Config:
        strict = True
        unique = ("source", "conversation_id", "message_id")


class FormatErrorsTable(pa.DataFrameModel):
    """``format_errors``: append-only, one row per format error, with the rejected item whole."""

    source: Series[Text] = pa.Field(description=SOURCE)
    fetch_id: Series[int] = pa.Field(description="The fetch that received the rejected item (see fetches).")
    fetched_at: Series[UTC_TIMESTAMP] = pa.Field(  # type: ignore[valid-type]
        description="When that fetch received it."
    )
    path: Series[Text] = pa.Field(
        description="JSON pointer to the offending value, e.g. /conversations/3/messages/1/role."
    )
    code: Series[Text] = pa.Field(description="What is wrong, as a stable code, e.g. missing_field.")
    message: Series[Text] = pa.Field(description="What is wrong, as a sentence.")
    raw: Series[Text] = pa.Field(nullable=True, description="The rejected conversation, whole, as JSON text.")

    class Config:
        strict = True


class FetchesTable(pa.DataFrameModel):
    """``fetches``: one row per fetch of a source, failed ones included."""

    fetch_id: Series[int] = pa.Field(description="The fetch's number, increasing.")
    source: Series[Text] = pa.Field(description=SOURCE)
    url: Series[Text] = pa.Field(description="The URL fetched, with credentials redacted.")
    started_at: Series[UTC_TIMESTAMP] = pa.Field(  # type: ignore[valid-type]
        description="When the fetch started."
    )
    finished_at: Series[UTC_TIMESTAMP] = pa.Field(  # type: ignore[valid-type]
        description="When its rows were checked and ready to load."
    )
    status: Series[Text] = pa.Field(
        isin=FETCH_STATUSES,
        description="ok, partial (some conversations rejected) or failed (nothing loaded).",
    )
    category: Series[Text] = pa.Field(
        nullable=True,
        description="Why it failed or rejected: unreachable, timeout, http_status, auth_required, "
        "invalid_json, invalid_format or too_large.",
    )
    message: Series[Text] = pa.Field(
        nullable=True, description="The outcome as a sentence, secrets redacted."
    )
    http_status: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, description="The HTTP status of the last response; null for file:// URLs."
    )
    bytes: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Bytes received, after decompression, all pages together."
    )
    conversations_loaded: Series[int] = pa.Field(ge=0, description="Conversations stored by this fetch.")
    messages_loaded: Series[int] = pa.Field(ge=0, description="Messages stored by this fetch.")
    conversations_rejected: Series[int] = pa.Field(
        ge=0, description="Conversations rejected for format errors (see format_errors)."
    )
    start_date: Series[Text] = pa.Field(
        nullable=True, description="The incremental start the fetch asked for, as written in its URL."
    )

    class Config:
        strict = True
        unique = ("fetch_id",)


class PrivacyLogTable(pa.DataFrameModel):
    """``privacy_log``: one row per masking setting change, retention run and erasure, per source."""

    logged_at: Series[UTC_TIMESTAMP] = pa.Field(  # type: ignore[valid-type]
        description="When the change, retention run or erasure happened (UTC)."
    )
    action: Series[Text] = pa.Field(
        isin=PRIVACY_ACTIONS, description="masking (a setting changed), retention or erasure."
    )
    source: Series[Text] = pa.Field(description="The source concerned (* for an erasure that found nothing).")
    setting: Series[Text] = pa.Field(
        nullable=True,
        description=(
            "masking: off or on, key <fingerprint>; retention: <n> days; erasure: what chose the "
            "conversations, conversation or text."
        ),
    )
    selector: Series[Text] = pa.Field(
        nullable=True,
        description="erasure: its selector hashed with the pseudonym key (null without one); never in clear.",
    )
    conversations: Series[int] = pa.Field(ge=0, description="Conversations removed (0 for masking).")
    messages: Series[int] = pa.Field(ge=0, description="Messages removed.")
    format_errors: Series[int] = pa.Field(ge=0, description="Format-error rows removed.")

    class Config:
        strict = True


#: Every table the loader writes, by name, in the order they are created.
TABLES: dict[str, type[pa.DataFrameModel]] = {
    "conversations": ConversationsTable,
    "messages": MessagesTable,
    "format_errors": FormatErrorsTable,
    "fetches": FetchesTable,
    "privacy_log": PrivacyLogTable,
}
