"""The rising rule: an exact test of the last full week against the topic's earlier full weeks."""

import pytest
from scipy.stats import binom

from fern_pipeline.audit.alert_rules import RISE_MIN
from fern_pipeline.audit.alerts import last_week_rise, rise_p_value, rises


def test_the_p_value_is_the_binomial_tail_of_the_last_week_given_the_total() -> None:
    assert rise_p_value(20, 110, 11) == pytest.approx(binom.sf(19, 130, 1 / 12))
    assert rise_p_value(0, 50, 5) == 1.0


@pytest.mark.parametrize(
    ("counts", "rising"),
    [
        ([10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 10, 21], True),
        ([10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 10, 13], False),
        ([2, 1, 3, 2, 2, 1, 2, 3, 2, 1, 2, 9], False),
        ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], False),
    ],
    ids=["doubled", "stable", "below-the-minimum", "silent"],
)
def test_a_doubled_week_rises_and_noise_or_a_handful_does_not(counts: list[int], rising: bool) -> None:
    rise = last_week_rise(counts)
    assert rise is not None and rise.rising is rising
    assert rise.baseline == pytest.approx(sum(counts[:-1]) / 11) and rise.count == counts[-1]


def test_too_few_weeks_are_not_tested() -> None:
    assert last_week_rise([10, 30]) is None


def test_only_full_weeks_count_and_the_last_full_one_is_tested() -> None:
    weeks = [
        {"topic_id": 1, "iso_week": f"2026-W{number}", "days": 7.0, "conversations": count}
        for number, count in zip(range(40, 46), [10, 10, 10, 10, 10, 30], strict=True)
    ]
    weeks.append({"topic_id": 1, "iso_week": "2026-W46", "days": 2.5, "conversations": 0})
    [rise] = rises(weeks)
    assert (rise.week, rise.count, rise.baseline_weeks, rise.rising) == ("2026-W45", 30, 5, True)
    assert RISE_MIN <= 30
