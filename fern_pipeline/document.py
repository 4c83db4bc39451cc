"""Endpoint JSON → valid conversations and messages as columns, and format errors with JSON pointers."""

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from fern_pipeline.errors import Category, FetchFailed, FormatError

UTF8_BOM = b"\xef\xbb\xbf"
#: Deepest nesting orjson reads; it writes at most 254 levels, so deeper items are written by the stdlib.
MAX_DEPTH = 1024

#: ISO 8601 date and time with a zone: ``2023-10-27T14:30:00Z``, ``…14:30:00.123+02:00``.
ISO_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)"
)

#: Roles the format accepts, lower-cased, and the side each stands for.
ROLE_SIDES = {"user": "user", "agent": "agent", "support_agent": "agent"}


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


def parse_json(body: bytes, *, url: str, content_type: str | None = None) -> Any:
    """Parse a response body as JSON (a UTF-8 byte-order mark is tolerated), or fail as ``invalid_json``."""
    try:
        return orjson.loads(body.removeprefix(UTF8_BOM))
    except orjson.JSONDecodeError as error:
        reason = "the body is empty" if not body.strip() else str(error.args[0])
        sent = f" (the server sent {content_type})" if content_type and "json" not in content_type else ""
        raise FetchFailed(
            Category.INVALID_JSON, f"the response from {url} is not valid JSON{sent}: {reason}", url=url
        ) from None


def _type_name(value: object) -> str:
    """The JSON name of a parsed value's type."""
    match value:
        case None:
            return "null"
        case bool():
            return "boolean"
        case int() | float():
            return "number"
        case str():
            return "string"
        case list():
            return "array"
        case _:
            return "object"


def _identifier(value: object, path: str, errors: list[FormatError]) -> str | None:
    """An id as text (strings and integers are accepted), or ``None`` after recording why not."""
    key = identifier_key(value)
    if key is not None:
        return key
    if isinstance(value, str):
        errors.append(FormatError(path, "empty_value", "the id is an empty string"))
    else:
        errors.append(
            FormatError(path, "wrong_type", f"the id must be a string or an integer, not {_type_name(value)}")
        )
    return None


def _timestamp(value: object, path: str, errors: list[FormatError]) -> str | None:
    """An ISO 8601 timestamp with a zone, as sent, or ``None`` after recording why not."""
    if not isinstance(value, str):
        errors.append(
            FormatError(path, "wrong_type", f"the timestamp must be a string, not {_type_name(value)}")
        )
        return None
    if not ISO_TIMESTAMP.fullmatch(value):
        errors.append(
            FormatError(
                path,
                "invalid_timestamp",
                f"{value[:40]!r} is not an ISO 8601 timestamp with a zone, e.g. 2023-10-27T14:30:00Z",
            )
        )
        return None
    return value


def _missing(path: str, name: str) -> FormatError:
    return FormatError(f"{path}/{name}", "missing_field", f"the required field {name!r} is missing")


def _check_message(message: object, path: str, errors: list[FormatError]) -> tuple[str, str, str, str] | None:
    """A message's (id, role, source_role, content, createdAt), or ``None`` after recording its errors."""
    if not isinstance(message, dict):
        errors.append(
            FormatError(path, "wrong_type", f"a message must be an object, not {_type_name(message)}")
        )
        return None
    found = len(errors)
    message_id = source_role = content = created_at = None
    if "id" in message:
        message_id = _identifier(message["id"], f"{path}/id", errors)
    else:
        errors.append(_missing(path, "id"))
    if "role" not in message:
        errors.append(_missing(path, "role"))
    elif not isinstance(message["role"], str):
        errors.append(
            FormatError(
                f"{path}/role", "wrong_type", f"the role must be a string, not {_type_name(message['role'])}"
            )
        )
    elif message["role"].lower() not in ROLE_SIDES:
        errors.append(
            FormatError(
                f"{path}/role",
                "invalid_role",
                f"{message['role'][:40]!r} is not a role: use user, agent or support_agent",
            )
        )
    else:
        source_role = message["role"]
    if "content" not in message:
        errors.append(_missing(path, "content"))
    elif not isinstance(message["content"], str):
        errors.append(
            FormatError(
                f"{path}/content",
                "wrong_type",
                f"the content must be a string, not {_type_name(message['content'])}",
            )
        )
    else:
        content = message["content"]
    if "createdAt" in message:
        created_at = _timestamp(message["createdAt"], f"{path}/createdAt", errors)
    else:
        errors.append(_missing(path, "createdAt"))
    if len(errors) > found:
        return None
    return message_id, source_role, content, created_at  # type: ignore[return-value]


def _check_conversation(
    index: int, conversation: object, conversations: ConversationColumns, messages: MessageColumns
) -> tuple[str | None, list[FormatError]]:
    """Check one conversation; append it to the columns when valid. Returns its id and its errors."""
    path = f"/conversations/{index}"
    errors: list[FormatError] = []
    if not isinstance(conversation, dict):
        kind = _type_name(conversation)
        return None, [FormatError(path, "wrong_type", f"a conversation must be an object, not {kind}")]
    conversation_id = last_message_at = None
    url = conversation.get("url")
    if "id" in conversation:
        conversation_id = _identifier(conversation["id"], f"{path}/id", errors)
    else:
        errors.append(_missing(path, "id"))
    if "lastMessageAt" in conversation:
        last_message_at = _timestamp(conversation["lastMessageAt"], f"{path}/lastMessageAt", errors)
    else:
        errors.append(_missing(path, "lastMessageAt"))
    if url is not None and not isinstance(url, str):
        errors.append(
            FormatError(f"{path}/url", "wrong_type", f"the url must be a string, not {_type_name(url)}")
        )
    raw_messages = conversation.get("messages")
    checked: list[tuple[str, str, str, str]] = []
    if "messages" not in conversation:
        errors.append(_missing(path, "messages"))
    elif not isinstance(raw_messages, list):
        errors.append(
            FormatError(
                f"{path}/messages",
                "wrong_type",
                f"messages must be an array, not {_type_name(raw_messages)}",
            )
        )
    else:
        seen: set[str] = set()
        for position, message in enumerate(raw_messages):
            fields = _check_message(message, f"{path}/messages/{position}", errors)
            if fields is None:
                continue
            if fields[0] in seen:
                errors.append(
                    FormatError(
                        f"{path}/messages/{position}/id",
                        "duplicate_message_id",
                        f"the message id {fields[0][:40]!r} appears earlier in this conversation",
                    )
                )
                continue
            seen.add(fields[0])
            checked.append(fields)
    if errors:
        return conversation_id, errors
    message_ids, source_roles, contents, created_ats = zip(*checked, strict=True) if checked else ((),) * 4
    roles = role_sides(source_roles)
    count = len(checked)
    messages.conversation_index.extend([index] * count)
    messages.conversation_id.extend([conversation_id] * count)  # type: ignore[list-item]
    messages.message_id.extend(message_ids)
    messages.position.extend(range(count))
    messages.role.extend(roles)  # type: ignore[arg-type]
    messages.source_role.extend(source_roles)
    messages.content.extend(contents)
    messages.created_at.extend(created_ats)
    conversations.index.append(index)
    conversations.conversation_id.append(conversation_id)  # type: ignore[arg-type]
    conversations.url.append(url)
    conversations.last_message_at.append(last_message_at)  # type: ignore[arg-type]
    conversations.message_count.append(count)
    conversations.user_message_count.append(roles.count("user"))
    return conversation_id, []


def role_sides(source_roles: Sequence[str]) -> list[str | None]:
    """The side of each role as sent (any case), None where it is not a role of the format."""
    sides = list(map(ROLE_SIDES.get, source_roles))
    if None not in sides:
        return sides
    return [side or ROLE_SIDES.get(role.lower()) for side, role in zip(sides, source_roles, strict=True)]


def conversations_of(document: Any, *, url: str) -> list[Any]:
    """The ``conversations`` array of a parsed document, or ``invalid_format`` when the root is wrong."""
    if not isinstance(document, dict):
        error = FormatError(
            "",
            "wrong_type",
            f'the document must be an object with "conversations", not {_type_name(document)}',
        )
        raise FetchFailed(Category.INVALID_FORMAT, f"{url}: {error.message}", url=url, errors=(error,))
    if "conversations" not in document:
        error = _missing("", "conversations")
        raise FetchFailed(Category.INVALID_FORMAT, f"{url}: {error.message}", url=url, errors=(error,))
    items = document["conversations"]
    if not isinstance(items, list):
        error = FormatError(
            "/conversations", "wrong_type", f"conversations must be an array, not {_type_name(items)}"
        )
        raise FetchFailed(Category.INVALID_FORMAT, f"{url}: {error.message}", url=url, errors=(error,))
    return items


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
    _, errors = _check_conversation(index, item, conversations, messages)
    if key in duplicated:
        errors.append(
            FormatError(
                f"/conversations/{index}/id",
                "duplicate_conversation_id",
                f"the conversation id {key[:40]!r} appears more than once",  # type: ignore[index]
            )
        )
    if errors:
        found[index] = errors
    return len(item["messages"]) if _has_message_list(item) else 0


def conversation_key(item: object) -> str | None:
    """A parsed conversation's id as the check reads it (an integer as text), or None when it has none."""
    return identifier_key(item.get("id")) if isinstance(item, dict) else None


def identifier_key(value: object) -> str | None:
    """An id value as text when it is a valid id (a non-empty string or an integer), else None."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def duplicated_keys(keys: Iterable[str | None]) -> set[str]:
    """The ids that more than one conversation has."""
    return {key for key, count in Counter(keys).items() if count > 1 and key is not None}


def _has_message_list(item: object) -> bool:
    return isinstance(item, dict) and isinstance(item.get("messages"), list)


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
