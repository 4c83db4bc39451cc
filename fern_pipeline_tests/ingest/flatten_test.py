"""Tests of flattening: timestamps read alike by either reader, impossible instants rejected whole."""

from datetime import UTC, datetime

import pandas as pd
import pytest

from fern_pipeline.ingest.check import check_document
from fern_pipeline.ingest.flatten import _parse_timestamps, to_frames
from fern_pipeline_tests.conftest import conversation

FORMS = [
    ("2023-10-27T14:30:00Z", "2023-10-27 14:30:00+00:00"),
    ("2023-10-27T14:30:00.123+02:00", "2023-10-27 12:30:00.123+00:00"),
    ("2023-10-27 14:30Z", "2023-10-27 14:30:00+00:00"),
    ("2023-10-27T14:30:00+0200", "2023-10-27 12:30:00+00:00"),
    ("2023-10-27T14:30:00-05", "2023-10-27 19:30:00+00:00"),
    ("2023-10-27T14:30:00.123456789Z", "2023-10-27 14:30:00.123456789+00:00"),
]


@pytest.mark.parametrize(("sent", "instant"), FORMS, ids=[sent for sent, _ in FORMS])
def test_each_zone_form_is_read_as_its_utc_instant(sent: str, instant: str) -> None:
    assert _parse_timestamps([sent]).to_pandas()[0] == pd.Timestamp(instant)


@pytest.mark.parametrize(
    "impossible",
    ["2023-02-30T10:00:00Z", "9999-01-01T00:00:00Z"],
    ids=["february-30", "past-2261"],
)
def test_a_column_with_an_impossible_value_marks_only_that_value(impossible: str) -> None:
    parsed = _parse_timestamps([sent for sent, _ in FORMS] + [impossible]).to_pandas()
    assert parsed.dtype == pd.DatetimeTZDtype(unit="ns", tz="UTC")
    assert parsed.isna().tolist() == [False] * len(FORMS) + [True]
    assert parsed[: len(FORMS)].tolist() == [pd.Timestamp(instant) for _, instant in FORMS]


@pytest.mark.parametrize(
    ("sent", "instant"),
    [
        ("2023-10-27t14:30:00z", "2023-10-27 14:30:00+00:00"),
        ("2023-10-27T14:30:00,5Z", "2023-10-27 14:30:00.5+00:00"),
    ],
    ids=["lower-case-t-and-z", "decimal-comma"],
)
def test_valid_spellings_arrow_refuses_are_read_too(sent: str, instant: str) -> None:
    parsed = _parse_timestamps([sent for sent, _ in FORMS] + [sent]).to_pandas()
    assert parsed.tolist() == [pd.Timestamp(expected) for _, expected in FORMS] + [pd.Timestamp(instant)]


def test_a_conversation_with_an_impossible_instant_is_rejected_whole() -> None:
    good = conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"))
    bad = conversation("c2", ("m1", "user", "2025-01-02T10:00:00Z"), ("m2", "agent", "2025-02-30T10:00:00Z"))
    checked = check_document({"conversations": [good, bad]}, url="https://example.com/x.json")
    frames = to_frames(checked, source="helpdesk", fetched_at=datetime(2025, 3, 1, tzinfo=UTC))
    assert frames.conversations["conversation_id"].to_pylist() == ["c1"]
    assert frames.messages["conversation_id"].to_pylist() == ["c1"]
    [rejected] = checked.rejected
    # The fixture's lastMessageAt is the latest createdAt, the impossible one: both are reported.
    assert [(error.path, error.code) for error in rejected.errors] == [
        ("/conversations/1/lastMessageAt", "invalid_timestamp"),
        ("/conversations/1/messages/1/createdAt", "invalid_timestamp"),
    ]
