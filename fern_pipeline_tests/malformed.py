"""Conversations broken in every way the format can be broken, each with the pointer and code it earns."""

import copy
from dataclasses import dataclass
from typing import Any

#: Replace a field by this to remove it instead.
REMOVED = ...


def valid_conversation(conversation_id: str, content: str = "Where is my invoice?") -> dict[str, Any]:
    """A valid conversation of two messages, user then support agent."""
    return {
        "id": conversation_id,
        "url": f"https://support.example.com/{conversation_id}",
        "lastMessageAt": "2025-01-02T10:05:00Z",
        "messages": [
            {"id": "m1", "role": "user", "content": content, "createdAt": "2025-01-02T10:00:00Z"},
            {
                "id": "m2",
                "role": "support_agent",
                "content": "Here it is.",
                "createdAt": "2025-01-02T10:05:00Z",
            },
        ],
    }


@dataclass(frozen=True)
class Defect:
    """One way to break a conversation: the value put at ``field`` and the error it must earn."""

    name: str
    #: Keys from the conversation down to the broken value; empty for the conversation itself.
    field: tuple[str | int, ...]
    #: The value put there, or REMOVED.
    value: Any
    #: The JSON pointer of the error, relative to the conversation.
    pointer: str
    code: str

    def apply(self, conversation: dict[str, Any]) -> Any:
        """A copy of ``conversation`` broken this way."""
        if not self.field:
            return copy.deepcopy(self.value)
        broken = copy.deepcopy(conversation)
        target: Any = broken
        for key in self.field[:-1]:
            target = target[key]
        if self.value is REMOVED:
            del target[self.field[-1]]
        else:
            target[self.field[-1]] = self.value
        return broken


def _defects() -> list[Defect]:
    found: list[Defect] = []

    def add(
        name: str, field: tuple[str | int, ...], value: Any, code: str, pointer: str | None = None
    ) -> None:
        where = "".join(f"/{key}" for key in field) if pointer is None else pointer
        found.append(Defect(name, field, value, where, code))

    for name, value in [("string", "c2"), ("null", None), ("number", 42), ("array", [])]:
        add(f"conversation a {name}", (), value, "wrong_type")
    wrong_ids = [("null", None), ("boolean", True), ("float", 1.5), ("object", {}), ("array", ["c2"])]
    for name, value in wrong_ids:
        add(f"conversation id a {name}", ("id",), value, "wrong_type")
    add("conversation id missing", ("id",), REMOVED, "missing_field")
    add("conversation id empty", ("id",), "", "empty_value")
    timestamps = [
        ("without a zone", "2025-01-02T10:05:00", "invalid_timestamp"),
        ("a date only", "2025-01-02", "invalid_timestamp"),
        ("a word", "yesterday", "invalid_timestamp"),
        ("an impossible date", "2025-02-30T10:05:00Z", "invalid_timestamp"),
        ("out of range", "9999-12-31T23:59:59Z", "invalid_timestamp"),
        ("a number", 1735812300, "wrong_type"),
        ("null", None, "wrong_type"),
    ]
    for name, value, code in timestamps:
        add(f"lastMessageAt {name}", ("lastMessageAt",), value, code)
        add(f"createdAt {name}", ("messages", 1, "createdAt"), value, code)
    add("lastMessageAt missing", ("lastMessageAt",), REMOVED, "missing_field")
    add("createdAt missing", ("messages", 1, "createdAt"), REMOVED, "missing_field")
    add("url a number", ("url",), 7, "wrong_type")
    add("url an object", ("url",), {"href": "x"}, "wrong_type")
    add("messages missing", ("messages",), REMOVED, "missing_field")
    for name, value in [("null", None), ("object", {}), ("string", "hello")]:
        add(f"messages a {name}", ("messages",), value, "wrong_type")
    for name, value in [("string", "hello"), ("null", None), ("array", []), ("number", 3)]:
        add(f"message a {name}", ("messages", 1), value, "wrong_type")
    for name, value in wrong_ids:
        add(f"message id a {name}", ("messages", 1, "id"), value, "wrong_type")
    add("message id missing", ("messages", 1, "id"), REMOVED, "missing_field")
    add("message id empty", ("messages", 1, "id"), "", "empty_value")
    add("message id repeated", ("messages", 1, "id"), "m1", "duplicate_message_id")
    for name, value, code in [
        ("unknown", "bot", "invalid_role"),
        ("empty", "", "invalid_role"),
        ("null", None, "wrong_type"),
        ("a number", 1, "wrong_type"),
        ("missing", REMOVED, "missing_field"),
    ]:
        add(f"role {name}", ("messages", 1, "role"), value, code)
    for name, value in [("null", None), ("a number", 7), ("an array", ["a"]), ("an object", {"text": "a"})]:
        add(f"content {name}", ("messages", 1, "content"), value, "wrong_type")
    add("content missing", ("messages", 1, "content"), REMOVED, "missing_field")
    return found


#: Every defect, each alone in an otherwise valid conversation.
DEFECTS: tuple[Defect, ...] = tuple(_defects())
