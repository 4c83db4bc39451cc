"""The Markdown summary: customer text kept literal, figures in words."""

import pytest

from fern_pipeline.audit.view import duration, share, trend


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(None, "\u2013"), (45, "45 s"), (720, "12 min"), (12600, "3.5 h"), (181440, "2.1 days")],
    ids=["none", "seconds", "minutes", "hours", "days"],
)
def test_durations_are_written_in_the_unit_a_person_expects(seconds: float | None, expected: str) -> None:
    assert duration(seconds) == expected


def test_shares_and_trends_are_written_as_percentages() -> None:
    assert share(0.254) == "25 %"
    assert share(None) == "\u2013"
    assert trend(0.4, 10) == "\u2191 40 %"
    assert trend(-0.1, 10) == "\u2193 10 %"
    assert trend(0.0, 10) == "\u2192 0 %"
    assert trend(None, 0) == "new"
