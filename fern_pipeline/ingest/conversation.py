"""The endpoint format for one conversation: its fields, ids, timestamps and roles, with JSON pointers."""

import re
from collections.abc import Sequence

from fern_pipeline.errors import FormatError
from fern_pipeline.ingest.checked import ConversationColumns, MessageColumns

#: ISO 8601 date and time with a zone: ``2023-10-27T14:30:00Z``, ``…14:30:00.123+02:00``.
ISO_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)"
)

#: Roles the format accepts, lower-cased, and the side each stands for.
ROLE_SIDES = {"user": "user", "agent": "agent", "support_agent": "agent"}


def type_name(value: object) -> str:
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
            FormatError(path, "wrong_type", f"the id must be a string or an integer, not {type_name(value)}")
        )
    return None


def _timestamp(value: object, path: str, errors: list[FormatError]) -> str | None:
    """An ISO 8601 timestamp with a zone, as sent, or ``None`` after recording why not."""
    if not isinstance(value, str):
        errors.append(
            FormatError(path, "wrong_type", f"the timestamp must be a string, not {type_name(value)}")
        )
        return None
    if not ISO_TIMESTAMP.fullmatch(value):
        errors.append(
            FormatError.quoting(
                path,
                "invalid_timestamp",
                value,
                "{} is not an ISO 8601 timestamp with a zone, e.g. 2023-10-27T14:30:00Z",
            )
        )
        return None
    return value


def missing(path: str, name: str) -> FormatError:
    return FormatError(f"{path}/{name}", "missing_field", f"the required field {name!r} is missing")


def _check_message(message: object, path: str, errors: list[FormatError]) -> tuple[str, str, str, str] | None:
    """A message's (id, role, source_role, content, createdAt), or ``None`` after recording its errors."""
    if not isinstance(message, dict):
        errors.append(
            FormatError(path, "wrong_type", f"a message must be an object, not {type_name(message)}")
        )
        return None
    found = len(errors)
    message_id = source_role = content = created_at = None
    if "id" in message:
        message_id = _identifier(message["id"], f"{path}/id", errors)
    else:
        errors.append(missing(path, "id"))
    if "role" not in message:
        errors.append(missing(path, "role"))
    elif not isinstance(message["role"], str):
        errors.append(
            FormatError(
                f"{path}/role", "wrong_type", f"the role must be a string, not {type_name(message['role'])}"
            )
        )
    elif message["role"].lower() not in ROLE_SIDES:
        errors.append(
            FormatError.quoting(
                f"{path}/role",
                "invalid_role",
                message["role"],
                "{} is not a role: use user, agent or support_agent",
            )
        )
    else:
        source_role = message["role"]
    if "content" not in message:
        errors.append(missing(path, "content"))
    elif not isinstance(message["content"], str):
        errors.append(
            FormatError(
                f"{path}/content",
                "wrong_type",
                f"the content must be a string, not {type_name(message['content'])}",
            )
        )
    else:
        content = message["content"]
    if "createdAt" in message:
        created_at = _timestamp(message["createdAt"], f"{path}/createdAt", errors)
    else:
        errors.append(missing(path, "createdAt"))
    if len(errors) > found:
        return None
    return message_id, source_role, content, created_at  # type: ignore[return-value]


def check_conversation(
    index: int, conversation: object, conversations: ConversationColumns, messages: MessageColumns
) -> tuple[str | None, list[FormatError]]:
    """Check one conversation; append it to the columns when valid. Returns its id and its errors."""
    path = f"/conversations/{index}"
    errors: list[FormatError] = []
    if not isinstance(conversation, dict):
        kind = type_name(conversation)
        return None, [FormatError(path, "wrong_type", f"a conversation must be an object, not {kind}")]
    conversation_id = last_message_at = None
    url = conversation.get("url")
    if "id" in conversation:
        conversation_id = _identifier(conversation["id"], f"{path}/id", errors)
    else:
        errors.append(missing(path, "id"))
    if "lastMessageAt" in conversation:
        last_message_at = _timestamp(conversation["lastMessageAt"], f"{path}/lastMessageAt", errors)
    else:
        errors.append(missing(path, "lastMessageAt"))
    if url is not None and not isinstance(url, str):
        errors.append(
            FormatError(f"{path}/url", "wrong_type", f"the url must be a string, not {type_name(url)}")
        )
    raw_messages = conversation.get("messages")
    checked: list[tuple[str, str, str, str]] = []
    if "messages" not in conversation:
        errors.append(missing(path, "messages"))
    elif not isinstance(raw_messages, list):
        errors.append(
            FormatError(
                f"{path}/messages",
                "wrong_type",
                f"messages must be an array, not {type_name(raw_messages)}",
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
                    FormatError.quoting(
                        f"{path}/messages/{position}/id",
                        "duplicate_message_id",
                        fields[0],
                        "the message id {} appears earlier in this conversation",
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
