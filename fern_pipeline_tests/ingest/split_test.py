"""Tests of splitting a body into raw conversations, and of the body's file: same verdicts as a full parse."""

import msgspec
import orjson
import pytest

from fern_pipeline.errors import FetchFailed
from fern_pipeline.ingest.body import Body
from fern_pipeline.ingest.split import split


def test_conversations_are_raw_slices_with_their_ids_and_the_next_link() -> None:
    document = {"next": "?page=2", "conversations": [{"id": "a", "x": [1]}, {"id": 7}, {"id": ""}, [1]]}
    found = split(Body.of(orjson.dumps(document)), url="u")
    assert all(isinstance(item, msgspec.Raw) for item in found.items)
    assert [orjson.loads(bytes(item)) for item in found.items] == document["conversations"]
    assert (found.keys, found.next) == (["a", "7", None, None], "?page=2")


def test_a_byte_order_mark_is_skipped() -> None:
    found = split(Body.of(b'\xef\xbb\xbf{"conversations": [{"id": "a"}]}'), url="u")
    assert found.keys == ["a"]


@pytest.mark.parametrize(
    ("body", "category", "words"),
    [
        (b"", "invalid_json", "the body is empty"),
        (b'{"conversations": [{"id": "\xff"}]}', "invalid_json", "not valid JSON"),
        (b'{"conversations": [], "n": 1e400}', "invalid_json", "not valid JSON"),
        (b'{"conversations": [1,]}', "invalid_json", "not valid JSON"),
        (b"[]", "invalid_format", "must be an object"),
        (b'{"conversations": {}}', "invalid_format", "must be an array"),
        (b'{"items": []}', "invalid_format", "'conversations' is missing"),
    ],
    ids=[
        "empty",
        "invalid utf-8",
        "number out of range",
        "trailing comma",
        "array root",
        "object",
        "missing",
    ],
)
def test_a_body_msgspec_refuses_gets_the_full_parse_and_its_words(
    body: bytes, category: str, words: str
) -> None:
    with pytest.raises(FetchFailed) as failure:
        split(Body.of(body), url="https://x.test/e.json")
    assert failure.value.category == category
    assert words in failure.value.message


def test_nesting_msgspec_cannot_follow_is_still_read_by_the_full_parse() -> None:
    deep = b"[" * 900 + b"]" * 900
    found = split(Body.of(b'{"conversations": [{"id": "a", "deep": ' + deep + b"}]}"), url="u")
    assert found.keys == ["a"]


def test_a_released_body_reads_the_same() -> None:
    body = Body.of(b'{"conversations": []}' * 1000)
    first = bytes(body.view())
    body.release()
    assert bytes(body.view()) == first
    assert len(body) == len(first)
    with pytest.raises(ValueError, match="complete"):
        body.write(b"more")
