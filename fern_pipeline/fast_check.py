"""msgspec's typed decode of a raw conversation: a well-formed one goes to the columns without a dict.

It only accepts. Whatever it does not (a missing field, a wrong type, an empty id, an unknown role, a
timestamp without a zone, a repeated message id) is left to :mod:`fern_pipeline.document`'s full
check, which defines the format and finds every error with its JSON pointer.
"""

from operator import attrgetter

import msgspec

from fern_pipeline.document import (
    ISO_TIMESTAMP,
    ConversationColumns,
    MessageColumns,
    Valid,
    ValidMessages,
    append_conversation,
    identifier_key,
    role_sides,
)


class _Message(msgspec.Struct, gc=False, rename="camel"):
    id: str | int
    role: str
    content: str
    created_at: str


class _Conversation(msgspec.Struct, gc=False, rename="camel"):
    id: str | int
    last_message_at: str
    messages: list[_Message]
    url: str | None = None


_DECODER = msgspec.json.Decoder(_Conversation)
_IS_TIMESTAMP = ISO_TIMESTAMP.fullmatch
_FIELDS = attrgetter("id", "role", "content", "created_at")


def append_if_well_formed(
    raw: msgspec.Raw, index: int, conversations: ConversationColumns, messages: MessageColumns
) -> int | None:
    """Append ``raw`` to the columns when it has nothing to report; its message count, or None.

    Each test runs over a whole field at once in C (``map``, ``set``), not message by message.
    """
    try:
        conversation = _DECODER.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    conversation_id = identifier_key(conversation.id)
    if conversation_id is None or not _IS_TIMESTAMP(conversation.last_message_at):
        return None
    thread = conversation.messages
    message_ids, source_roles, contents, created_ats = (
        zip(*map(_FIELDS, thread), strict=True) if thread else ((),) * 4
    )
    if set(map(type, message_ids)) - {str} or "" in message_ids:
        message_ids = tuple(map(identifier_key, message_ids))
    roles = role_sides(source_roles)
    if (
        None in message_ids
        or len(set(message_ids)) != len(message_ids)
        or None in roles
        or not all(map(_IS_TIMESTAMP, created_ats))
    ):
        return None
    append_conversation(
        conversations,
        messages,
        Valid(index, conversation_id, conversation.url, conversation.last_message_at),
        ValidMessages(message_ids, source_roles, roles, contents, created_ats),  # type: ignore[arg-type]
    )
    return len(thread)
