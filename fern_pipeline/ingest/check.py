"""The format check of a run of conversations: each kept as columns or rejected whole with all its errors."""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from fern_pipeline.errors import FormatError
from fern_pipeline.ingest.checked import CheckedDocument, ConversationColumns, MessageColumns, reject
from fern_pipeline.ingest.conversation import check_conversation, conversation_key
from fern_pipeline.ingest.document import conversations_of


def check_document(document: Any, *, url: str) -> CheckedDocument:
    """Check a parsed document against the endpoint format, conversation by conversation.

    A root that is not ``{"conversations": [...]}`` fails the whole fetch as ``invalid_format``;
    otherwise each conversation is kept or rejected whole, with every error it has.
    """
    return check_conversations(conversations_of(document, url=url))


def check_conversations(items: Sequence[Any]) -> CheckedDocument:
    """Check each item of a parsed ``conversations`` array; keep it as columns or reject it whole."""
    keys = [conversation_key(item) for item in items]
    return check_items(items, range(len(items)), keys, duplicated=duplicated_keys(keys))


#: A faster check of a run of items that appends them all to the columns, valid, and returns their
#: number of messages; or returns None, appending nothing, when any of them has something to report.
FastPath = Callable[[range, "ConversationColumns", "MessageColumns"], int | None]


def check_items(
    items: Sequence[Any],
    indexes: range,
    keys: Sequence[str | None],
    *,
    duplicated: set[str],
    fast: FastPath | None = None,
) -> CheckedDocument:
    """Check the items at ``indexes``: each kept as columns or rejected whole with all its errors.

    ``keys`` are every item's id as :func:`conversation_key` reads it; items whose key is in
    ``duplicated`` are rejected. ``fast`` is tried on the whole run first, then on each half of a
    run it refused, down to the items it refuses alone, which are checked here.
    """
    conversations = ConversationColumns()
    messages = MessageColumns()
    found: dict[int, list[FormatError]] = {}
    total_messages = 0

    runs = [indexes]
    while runs:
        run = runs.pop()
        if fast is not None:
            unique = duplicated.isdisjoint(keys[run.start : run.stop])
            count = fast(run, conversations, messages) if unique else None
            if count is not None:
                total_messages += count
                continue
            if len(run) > 1:
                middle = len(run) // 2
                runs += [run[middle:], run[:middle]]  # the first half next, so the rows keep their order
                continue
        for index in run:
            total_messages += _check_one(
                index, items[index], keys[index], duplicated, found, conversations, messages
            )

    checked = CheckedDocument(
        items=items,
        conversations=conversations,
        messages=messages,
        rejected=[],
        total_messages=total_messages,
    )
    if found:
        reject(checked, found)
    return checked


def _check_one(
    index: int,
    item: Any,
    key: str | None,
    duplicated: set[str],
    found: dict[int, list[FormatError]],
    conversations: ConversationColumns,
    messages: MessageColumns,
) -> int:
    """The full check of one item: appended when valid, else its errors go to ``found``. Its message count."""
    _, errors = check_conversation(index, item, conversations, messages)
    if key in duplicated:
        errors.append(
            FormatError.quoting(
                f"/conversations/{index}/id",
                "duplicate_conversation_id",
                key,  # type: ignore[arg-type]
                "the conversation id {} appears more than once",
            )
        )
    if errors:
        found[index] = errors
    return len(item["messages"]) if _has_message_list(item) else 0


def duplicated_keys(keys: Iterable[str | None]) -> set[str]:
    """The ids that more than one conversation has."""
    return {key for key, count in Counter(keys).items() if count > 1 and key is not None}


def _has_message_list(item: object) -> bool:
    return isinstance(item, dict) and isinstance(item.get("messages"), list)
