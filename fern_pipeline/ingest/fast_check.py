"""msgspec's typed decode of raw conversations: well-formed ones go to the columns without a dict.

It only accepts. Whatever it does not (a missing field, a wrong type, an empty id, an unknown role, a
timestamp without a zone, a repeated message id) is left to :mod:`fern_pipeline.ingest.check`'s full
check, which defines the format and finds every error with its JSON pointer.
"""

from collections.abc import Sequence
from itertools import accumulate, chain, repeat

import msgspec

from fern_pipeline.ingest.checked import ConversationColumns, MessageColumns
from fern_pipeline.ingest.conversation import ISO_TIMESTAMP, identifier_key, role_sides


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


def _ids(values: Sequence[str | int]) -> Sequence[str | None]:
    """Ids as text; None for one that is not an id (an empty string)."""
    if set(map(type, values)) <= {str} and "" not in values:
        return values  # type: ignore[return-value]
    return [identifier_key(value) for value in values]


def _unique_in_each(owners: list[int], message_ids: Sequence[str | None]) -> bool:
    """Whether no conversation repeats a message id (ids unique across the run answer at once)."""
    if len(set(message_ids)) == len(message_ids):
        return True
    return len(set(zip(owners, message_ids, strict=True))) == len(message_ids)


def append_if_well_formed(
    raws: Sequence[msgspec.Raw], run: range, conversations: ConversationColumns, messages: MessageColumns
) -> int | None:
    """Append the conversations ``raws`` (at ``run`` in the document) to the columns when none of them
    has anything to report: their message count. Else None, and nothing is appended.

    Each test runs over a whole field of the run at once, in C (``map``, ``set``, ``zip``), not
    conversation by conversation.
    """
    try:
        decoded = [_DECODER.decode(raw) for raw in raws]
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    conversation_ids = _ids([conversation.id for conversation in decoded])
    last_message_ats = [conversation.last_message_at for conversation in decoded]
    threads = [conversation.messages for conversation in decoded]
    counts = list(map(len, threads))
    thread = list(chain.from_iterable(threads))
    message_ids = _ids([message.id for message in thread])
    source_roles = [message.role for message in thread]
    contents = [message.content for message in thread]
    created_ats = [message.created_at for message in thread]
    roles = role_sides(source_roles)
    owners = list(chain.from_iterable(map(repeat, run, counts)))
    if (
        None in conversation_ids
        or None in message_ids
        or None in roles
        or not all(map(_IS_TIMESTAMP, last_message_ats))
        or not all(map(_IS_TIMESTAMP, created_ats))
        or not _unique_in_each(owners, message_ids)
    ):
        return None
    is_user = list(map("user".__eq__, roles))
    ends = list(accumulate(counts))
    users = [is_user[end - count : end].count(True) for end, count in zip(ends, counts, strict=True)]
    conversations.index.extend(run)
    conversations.conversation_id.extend(conversation_ids)  # type: ignore[arg-type]
    conversations.url.extend(conversation.url for conversation in decoded)
    conversations.last_message_at.extend(last_message_ats)
    conversations.message_count.extend(counts)
    conversations.user_message_count.extend(users)
    messages.conversation_index.extend(owners)
    messages.conversation_id.extend(chain.from_iterable(map(repeat, conversation_ids, counts)))  # type: ignore[arg-type]
    messages.message_id.extend(message_ids)  # type: ignore[arg-type]
    messages.position.extend(chain.from_iterable(map(range, counts)))
    messages.role.extend(roles)  # type: ignore[arg-type]
    messages.source_role.extend(source_roles)
    messages.content.extend(contents)
    messages.created_at.extend(created_ats)
    return len(message_ids)
