"""What a format check found: the valid conversations and messages as columns, and the rejected ones."""

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from fern_pipeline.errors import FormatError

#: Deepest nesting orjson reads; it writes at most 254 levels, so deeper items are written by the stdlib.
MAX_DEPTH = 1024


@dataclass
class ConversationColumns:
    """Columns of the valid conversations, in document order, before derived timestamps."""

    index: list[int] = field(default_factory=list)
    conversation_id: list[str] = field(default_factory=list)
    url: list[str | None] = field(default_factory=list)
    last_message_at: list[str] = field(default_factory=list)
    message_count: list[int] = field(default_factory=list)
    user_message_count: list[int] = field(default_factory=list)


@dataclass
class MessageColumns:
    """Columns of the messages of the valid conversations, in document order."""

    conversation_index: list[int] = field(default_factory=list)
    conversation_id: list[str] = field(default_factory=list)
    message_id: list[str] = field(default_factory=list)
    position: list[int] = field(default_factory=list)
    role: list[str] = field(default_factory=list)
    source_role: list[str] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    created_at: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rejected:
    """A conversation rejected whole, with every error found in it."""

    index: int
    item: Any
    errors: tuple[FormatError, ...]

    @property
    def raw(self) -> str:
        """The rejected item as JSON text, whole."""
        return json_text(self.item)


@dataclass
class CheckedDocument:
    """What a format check found: the loadable conversations as columns, and the rejected ones."""

    #: The document's ``conversations`` array as parsed (by index), kept to reject items whole.
    items: Sequence[Any]
    conversations: ConversationColumns
    messages: MessageColumns
    rejected: list[Rejected]
    total_messages: int

    @property
    def total_conversations(self) -> int:
        """How many conversations the document sent."""
        return len(self.items)

    @property
    def errors(self) -> list[FormatError]:
        """Every format error, in document order."""
        return [error for rejected in self.rejected for error in rejected.errors]


def json_text(item: Any) -> str:
    """``item`` as compact JSON text, however deeply it nests (up to the MAX_DEPTH a document can have)."""
    try:
        return orjson.dumps(item).decode()
    except orjson.JSONEncodeError:
        # orjson refuses to write more than 254 levels; the stdlib's C encoder counts each level
        # against the recursion limit, which is raised for this one call by at most MAX_DEPTH.
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(limit + MAX_DEPTH)
        try:
            return json.dumps(item, ensure_ascii=False, separators=(",", ":"))
        finally:
            sys.setrecursionlimit(limit)


def reject(checked: CheckedDocument, rejections: dict[int, list[FormatError]]) -> None:
    """Move the conversations at the given document indexes out of the columns into ``rejected``."""
    conversations, messages = checked.conversations, checked.messages
    if set(rejections) & set(conversations.index):
        keep = [i for i, index in enumerate(conversations.index) if index not in rejections]
        for name, column in vars(conversations).items():
            setattr(conversations, name, [column[i] for i in keep])
        keep = [i for i, index in enumerate(messages.conversation_index) if index not in rejections]
        for name, column in vars(messages).items():
            setattr(messages, name, [column[i] for i in keep])
    checked.rejected.extend(
        Rejected(index, checked.items[index], tuple(errors)) for index, errors in rejections.items()
    )
    checked.rejected.sort(key=lambda rejected: rejected.index)
