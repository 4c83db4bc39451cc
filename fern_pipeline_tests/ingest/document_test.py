"""Tests of the format check: every error found, each with its JSON pointer and code."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from fern_pipeline.errors import Category, FetchFailed
from fern_pipeline.ingest.check import check_document
from fern_pipeline.ingest.document import parse_json

ARTICLE_EXAMPLE = Path(__file__).parent.parent / "data" / "article_example.json"


def article() -> dict[str, Any]:
    return json.loads(ARTICLE_EXAMPLE.read_text())


def with_change(path: list[str | int], value: object) -> dict[str, Any]:
    """The article's example with the value at ``path`` replaced (or removed when ``value`` is ...)."""
    document = copy.deepcopy(article())
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


def test_article_example_is_valid() -> None:
    checked = check_document(article(), url="https://company.com/support-endpoint.json")
    assert checked.rejected == []
    assert checked.total_conversations == 1
    assert checked.total_messages == 2
    assert checked.conversations.conversation_id == ["conv_12345"]
    assert checked.messages.role == ["user", "agent"]
    assert checked.messages.source_role == ["user", "support_agent"]
    assert checked.messages.position == [0, 1]


MESSAGE = ["conversations", 0, "messages", 1]
DEFECTS = [
    ("conversation id missing", ["conversations", 0, "id"], ..., "/conversations/0/id", "missing_field"),
    ("conversation id boolean", ["conversations", 0, "id"], True, "/conversations/0/id", "wrong_type"),
    ("conversation id float", ["conversations", 0, "id"], 1.5, "/conversations/0/id", "wrong_type"),
    ("conversation id empty", ["conversations", 0, "id"], "", "/conversations/0/id", "empty_value"),
    (
        "lastMessageAt missing",
        ["conversations", 0, "lastMessageAt"],
        ...,
        "/conversations/0/lastMessageAt",
        "missing_field",
    ),
    (
        "lastMessageAt without zone",
        ["conversations", 0, "lastMessageAt"],
        "2023-10-27T14:30:00",
        "/conversations/0/lastMessageAt",
        "invalid_timestamp",
    ),
    (
        "lastMessageAt a date only",
        ["conversations", 0, "lastMessageAt"],
        "2023-10-27",
        "/conversations/0/lastMessageAt",
        "invalid_timestamp",
    ),
    (
        "lastMessageAt a number",
        ["conversations", 0, "lastMessageAt"],
        1698417000,
        "/conversations/0/lastMessageAt",
        "wrong_type",
    ),
    ("url a number", ["conversations", 0, "url"], 7, "/conversations/0/url", "wrong_type"),
    ("messages missing", ["conversations", 0, "messages"], ..., "/conversations/0/messages", "missing_field"),
    ("messages an object", ["conversations", 0, "messages"], {}, "/conversations/0/messages", "wrong_type"),
    ("message a string", MESSAGE, "hello", "/conversations/0/messages/1", "wrong_type"),
    ("message id missing", [*MESSAGE, "id"], ..., "/conversations/0/messages/1/id", "missing_field"),
    ("role unknown", [*MESSAGE, "role"], "bot", "/conversations/0/messages/1/role", "invalid_role"),
    ("role null", [*MESSAGE, "role"], None, "/conversations/0/messages/1/role", "wrong_type"),
    ("role missing", [*MESSAGE, "role"], ..., "/conversations/0/messages/1/role", "missing_field"),
    ("content null", [*MESSAGE, "content"], None, "/conversations/0/messages/1/content", "wrong_type"),
    ("content missing", [*MESSAGE, "content"], ..., "/conversations/0/messages/1/content", "missing_field"),
    (
        "createdAt missing",
        [*MESSAGE, "createdAt"],
        ...,
        "/conversations/0/messages/1/createdAt",
        "missing_field",
    ),
    (
        "createdAt impossible",
        [*MESSAGE, "createdAt"],
        "yesterday",
        "/conversations/0/messages/1/createdAt",
        "invalid_timestamp",
    ),
    (
        "duplicate message id",
        [*MESSAGE, "id"],
        "msg_67890",
        "/conversations/0/messages/1/id",
        "duplicate_message_id",
    ),
]


@pytest.mark.parametrize(
    ("change", "value", "path", "code"), [d[1:] for d in DEFECTS], ids=[d[0] for d in DEFECTS]
)
def test_each_defect_rejects_the_conversation_with_its_pointer(
    change: list[str | int], value: object, path: str, code: str
) -> None:
    checked = check_document(with_change(change, value), url="u")
    assert checked.conversations.conversation_id == []
    assert checked.messages.message_id == []
    [rejected] = checked.rejected
    assert [(error.path, error.code) for error in rejected.errors] == [(path, code)]
    assert rejected.errors[0].message
    assert json.loads(rejected.raw) == rejected.item


def test_every_error_of_a_conversation_is_reported() -> None:
    document = with_change([*MESSAGE, "role"], "bot")
    document["conversations"][0]["messages"][0]["createdAt"] = "2023-10-27 14:25"
    document["conversations"][0].pop("lastMessageAt")
    [rejected] = check_document(document, url="u").rejected
    assert [error.path for error in rejected.errors] == [
        "/conversations/0/lastMessageAt",
        "/conversations/0/messages/0/createdAt",
        "/conversations/0/messages/1/role",
    ]


def test_good_conversations_survive_beside_bad_ones() -> None:
    document = article()
    good = document["conversations"][0]
    bad = copy.deepcopy(good) | {"id": "conv_2", "lastMessageAt": "not a time"}
    also_good = copy.deepcopy(good) | {"id": 42}
    document["conversations"] = [good, bad, also_good]
    checked = check_document(document, url="u")
    assert checked.conversations.conversation_id == ["conv_12345", "42"]
    assert checked.conversations.index == [0, 2]
    assert [rejected.index for rejected in checked.rejected] == [1]
    assert checked.messages.conversation_index == [0, 0, 2, 2]


def test_duplicate_conversation_ids_reject_every_copy() -> None:
    document = article()
    first = document["conversations"][0]
    document["conversations"] = [first, copy.deepcopy(first) | {"id": "other"}, copy.deepcopy(first)]
    checked = check_document(document, url="u")
    assert checked.conversations.conversation_id == ["other"]
    assert [(r.index, r.errors[0].path, r.errors[0].code) for r in checked.rejected] == [
        (0, "/conversations/0/id", "duplicate_conversation_id"),
        (2, "/conversations/2/id", "duplicate_conversation_id"),
    ]


def test_role_case_is_kept_and_extra_fields_ignored() -> None:
    document = with_change([*MESSAGE, "role"], "Support_Agent")
    document["conversations"][0]["priority"] = "high"
    document["conversations"][0]["messages"][0]["attachments"] = []
    checked = check_document(document, url="u")
    assert checked.rejected == []
    assert checked.messages.role == ["user", "agent"]
    assert checked.messages.source_role == ["user", "Support_Agent"]


def test_numeric_ids_become_text() -> None:
    document = with_change(["conversations", 0, "id"], 12345)
    document["conversations"][0]["messages"][0]["id"] = 7
    checked = check_document(document, url="u")
    assert checked.conversations.conversation_id == ["12345"]
    assert checked.messages.message_id == ["7", "msg_67891"]


@pytest.mark.parametrize(
    ("document", "path"),
    [([], ""), ({"items": []}, "/conversations"), ({"conversations": {}}, "/conversations"), (None, "")],
    ids=["array root", "no conversations key", "conversations an object", "null root"],
)
def test_a_wrong_root_fails_the_whole_document(document: object, path: str) -> None:
    with pytest.raises(FetchFailed) as failure:
        check_document(document, url="https://x.test/e.json")
    assert failure.value.category is Category.INVALID_FORMAT
    assert [error.path for error in failure.value.errors] == [path]
    assert "https://x.test/e.json" in failure.value.message


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"", "empty"), (b"<html>", "not valid JSON"), (b'{"conversations": [', "not valid JSON")],
    ids=["empty", "html", "truncated"],
)
def test_invalid_json_is_categorised(body: bytes, reason: str) -> None:
    with pytest.raises(FetchFailed) as failure:
        parse_json(body, url="https://x.test/e.json", content_type="text/html")
    assert failure.value.category is Category.INVALID_JSON
    assert reason in failure.value.message
    assert "text/html" in failure.value.message


def test_a_utf8_byte_order_mark_is_tolerated() -> None:
    assert parse_json(b"\xef\xbb\xbf" + ARTICLE_EXAMPLE.read_bytes(), url="u") == article()


@pytest.mark.parametrize("depth", [10, 300, 1020], ids=["shallow", "deeper than orjson writes", "deepest"])
def test_a_deeply_nested_rejected_conversation_is_kept_whole(depth: int) -> None:
    body = b'{"conversations": [' + b"[" * depth + b"]" * depth + b"]}"
    [rejected] = check_document(parse_json(body, url="u"), url="u").rejected
    assert rejected.errors[0].code == "wrong_type"
    # Compared as text: Python's own == recurses too deep on such values.
    assert rejected.raw == "[" * depth + "]" * depth
