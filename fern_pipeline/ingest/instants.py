"""Timestamps of the right shape that name no real instant: the rule, its format error, and a check
made without Arrow or pandas (``fern-pipeline check`` answers before either could be imported).

The load parses the same columns with Arrow (see :mod:`fern_pipeline.ingest.flatten`) and rejects the
values it cannot read with :func:`out_of_range`; a test holds the two readings to the same answers.
"""

from collections.abc import Iterable
from datetime import UTC, datetime

from fern_pipeline.errors import FormatError
from fern_pipeline.ingest.checked import CheckedDocument

#: The first and last instants a timestamp column holds (nanoseconds since 1970 in 64 bits).
FIRST = datetime(1677, 9, 21, 0, 12, 43, 145225, tzinfo=UTC)
LAST = datetime(2262, 4, 11, 23, 47, 16, 854775, tzinfo=UTC)


def not_an_instant(path: str, sent: str) -> FormatError:
    """The format error of a timestamp with the right shape that is not a real date and time."""
    return FormatError.quoting(
        path,
        "invalid_timestamp",
        sent,
        "{} is not a real date and time (or lies outside the years 1678 to 2261)",
    )


def is_instant(value: str) -> bool:
    """Whether a timestamp already checked for shape is a real instant within the columns' range."""
    try:
        parsed = datetime.fromisoformat(value.upper().replace(",", "."))
    except ValueError:
        return False
    return FIRST <= parsed <= LAST


def out_of_range(
    checked: CheckedDocument, conversation_rows: Iterable[int], message_rows: Iterable[int]
) -> dict[int, list[FormatError]]:
    """The format errors of the given rows' timestamps, by the document index of their conversation."""
    found: dict[int, list[FormatError]] = {}
    conversations, messages = checked.conversations, checked.messages
    for row in conversation_rows:
        index = conversations.index[row]
        path = f"/conversations/{index}/lastMessageAt"
        found.setdefault(index, []).append(not_an_instant(path, conversations.last_message_at[row]))
    for row in message_rows:
        index = messages.conversation_index[row]
        path = f"/conversations/{index}/messages/{messages.position[row]}/createdAt"
        found.setdefault(index, []).append(not_an_instant(path, messages.created_at[row]))
    return found


def impossible_instants(checked: CheckedDocument) -> dict[int, list[FormatError]]:
    """Conversations of ``checked`` with a timestamp that is not a real instant, read without Arrow."""
    return out_of_range(
        checked,
        [row for row, value in enumerate(checked.conversations.last_message_at) if not is_instant(value)],
        [row for row, value in enumerate(checked.messages.created_at) if not is_instant(value)],
    )
