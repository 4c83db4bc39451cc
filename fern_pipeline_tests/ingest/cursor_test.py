"""Tests of the incremental cursor's arithmetic and formats, with literal values in and out."""

from datetime import UTC, datetime, timedelta

import pytest

from fern_pipeline.ingest.cursor import next_start, parse_start, start_writer, with_query_value

NEWEST = datetime(2025, 3, 5, 10, 30, tzinfo=UTC)
TWO_DAYS = timedelta(days=2)


@pytest.mark.parametrize(
    ("example", "written"),
    [
        ("2025-01-01", "2025-03-03"),
        ("2025-01-01T00:00:00Z", "2025-03-03T10:30:00Z"),
        ("2025-01-01T00:00:00+00:00", "2025-03-03T10:30:00+00:00"),
        ("1735689600", "1740997800"),
        ("1735689600000", "1740997800000"),
        (None, "2025-03-03T10:30:00Z"),
    ],
    ids=["date", "date-time Z", "date-time offset", "epoch seconds", "epoch milliseconds", "no example"],
)
def test_the_start_is_written_like_the_urls_own_value(example: str | None, written: str) -> None:
    assert next_start(initial=example, lookback=TWO_DAYS, newest=NEWEST, unsettled=[]) == written
    assert start_writer(example)(NEWEST - TWO_DAYS) == written


def test_nothing_stored_starts_at_the_initial_value() -> None:
    assert next_start(initial="2025-01-01", lookback=TWO_DAYS, newest=None, unsettled=[]) == "2025-01-01"
    assert next_start(initial=None, lookback=TWO_DAYS, newest=None, unsettled=[]) is None


def test_the_cursor_never_goes_before_the_initial_value() -> None:
    early = datetime(2024, 12, 31, tzinfo=UTC)
    assert next_start(initial="2025-01-01", lookback=TWO_DAYS, newest=early, unsettled=[]) == "2025-01-01"


def test_a_partial_window_is_fetched_again_until_it_loads_whole() -> None:
    start = next_start(initial="2025-01-01", lookback=TWO_DAYS, newest=NEWEST, unsettled=["2025-02-10"])
    assert start == "2025-02-10"


def test_a_partial_fetch_of_the_whole_history_repeats_the_whole_history() -> None:
    assert (
        next_start(initial="2025-01-01", lookback=TWO_DAYS, newest=NEWEST, unsettled=[None]) == "2025-01-01"
    )


@pytest.mark.parametrize(
    ("value", "instant"),
    [
        ("2025-01-01", datetime(2025, 1, 1, tzinfo=UTC)),
        ("2025-01-01T02:00:00+02:00", datetime(2025, 1, 1, tzinfo=UTC)),
        ("1735689600", datetime(2025, 1, 1, tzinfo=UTC)),
        ("yesterday", None),
    ],
    ids=["date", "offset", "epoch", "not a date"],
)
def test_parse_start(value: str, instant: datetime | None) -> None:
    assert parse_start(value) == instant


def test_the_parameter_is_set_in_its_place() -> None:
    url = "https://x.test/e.json?startDate=2025-01-01&limit=50"
    assert (
        with_query_value(url, "startDate", "2025-03-03")
        == "https://x.test/e.json?startDate=2025-03-03&limit=50"
    )
    assert with_query_value("https://x.test/e.json", "since", "1") == "https://x.test/e.json?since=1"
