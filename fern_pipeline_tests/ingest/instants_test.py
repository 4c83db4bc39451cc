"""Tests of the check's reading of timestamps: it finds the impossible instants the load's reading finds."""

import pytest

from fern_pipeline.ingest.check import check_document
from fern_pipeline.ingest.flatten import _parse_timestamps
from fern_pipeline.ingest.instants import impossible_instants, is_instant
from fern_pipeline_tests.conftest import conversation

#: Well-shaped timestamps, real and not, with the edges of the columns' range.
SHAPED = [
    "2023-10-27T14:30:00Z",
    "2023-10-27t14:30:00z",
    "2023-10-27 14:30Z",
    "2023-10-27T14:30:00,5Z",
    "2023-10-27T14:30:00.123456789+02:00",
    "2023-10-27T14:30:00+0200",
    "2023-10-27T14:30:00-05",
    "2024-02-29T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2023-04-31T10:00:00Z",
    "2023-10-27T24:00:00Z",
    "2023-10-27T23:60:00Z",
    "2023-10-27T23:59:60Z",
    "2023-13-01T00:00:00Z",
    "2023-00-10T00:00:00Z",
    "2023-10-27T14:30:00+24:00",
    "2023-10-27T14:30:00+23:59",
    "1677-09-21T00:12:44Z",
    "1677-09-21T00:12:43Z",
    "1677-09-22T00:12:43+23:00",
    "2262-04-11T23:47:16Z",
    "2262-04-11T23:47:17Z",
    "2262-04-11T23:47:17+01:00",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
]


@pytest.mark.parametrize("sent", SHAPED, ids=SHAPED)
def test_the_check_and_the_load_agree_on_what_is_an_instant(sent: str) -> None:
    assert is_instant(sent) == _parse_timestamps([sent]).is_valid().to_pylist()[0]


def test_the_check_rejects_the_conversation_the_load_rejects() -> None:
    good = conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"))
    bad = conversation("c2", ("m1", "user", "2025-01-02T10:00:00Z"), ("m2", "agent", "2025-02-30T10:00:00Z"))
    checked = check_document({"conversations": [good, bad]}, url="https://example.com/x.json")
    found = impossible_instants(checked)
    # The fixture's lastMessageAt is the latest createdAt, the impossible one: both are reported.
    assert {index: [(error.path, error.code) for error in errors] for index, errors in found.items()} == {
        1: [
            ("/conversations/1/lastMessageAt", "invalid_timestamp"),
            ("/conversations/1/messages/1/createdAt", "invalid_timestamp"),
        ]
    }
