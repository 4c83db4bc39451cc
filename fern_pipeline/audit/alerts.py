"""What changed this week: topics whose last full week is far above their own earlier weeks, and new ones.

The rule for a rise (``rising``): a one-sided exact test that the last full week's rate exceeds the
earlier full weeks' rate. Under the null hypothesis (one Poisson rate throughout) the last week's count
x, given the total n = x + earlier, is Binomial(n, 1 / (k + 1)) for k earlier weeks; the p-value is
P(X >= x). Conditioning on n makes the test exact whatever the unknown rate, and it accounts for the
baseline being estimated from few weeks (a plain Poisson test against the baseline's mean treats the
mean as known and fires more often on noise). A topic rises when p < ``RISE_P`` and x >= ``RISE_MIN``.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import duckdb
from scipy.stats import binom

from fern_pipeline.audit.alert_rules import BASELINE_WEEKS, FULL_WEEK, NEW_MIN, Alerts, Rise
from fern_pipeline.audit.queries import records


def rise_p_value(count: int, earlier: int, weeks: int) -> float:
    """P(X >= count) for X ~ Binomial(count + earlier, 1 / (weeks + 1)): how surprising ``count`` is."""
    return float(binom.sf(count - 1, count + earlier, 1.0 / (weeks + 1)))


def last_week_rise(counts: Sequence[int], topic_id: int = 0, week: str = "") -> Rise | None:
    """The last of ``counts`` (full weeks, oldest first) tested against the others; None with too few."""
    if len(counts) < BASELINE_WEEKS + 1:
        return None
    *earlier, last = counts
    return Rise(
        topic_id=topic_id,
        week=week,
        count=int(last),
        baseline=sum(earlier) / len(earlier),
        baseline_weeks=len(earlier),
        p_value=rise_p_value(int(last), int(sum(earlier)), len(earlier)),
    )


def rises(weeks: Iterable[dict[str, Any]]) -> list[Rise]:
    """Each topic's last full week tested, from rows of ``audit_topic_weeks`` (in week order)."""
    series: dict[int, list[tuple[str, int]]] = {}
    for row in weeks:
        if row["days"] >= FULL_WEEK:
            series.setdefault(row["topic_id"], []).append((row["iso_week"], row["conversations"]))
    found = []
    for topic_id, points in sorted(series.items()):
        rise = last_week_rise([count for _, count in points], topic_id, points[-1][0])
        if rise is not None:
            found.append(rise)
    return found


def read_alerts(connection: duckdb.DuckDBPyConnection, name: Callable[[dict[str, Any]], str]) -> Alerts:
    """The alerts of the audit in ``connection``'s tables, each topic named by ``name(row)`` (a row with
    ``topic_id`` and ``keywords``)."""
    topics = records(connection, "read_alert_topics")
    weeks = records(connection, "read_topic_weeks")
    names = {topic["topic_id"]: name(topic) for topic in topics}
    found = {rise.topic_id: rise for rise in rises(weeks)}
    full: dict[int, list[tuple[str, int]]] = {}
    for week in weeks:
        if week["days"] >= FULL_WEEK:
            full.setdefault(week["topic_id"], []).append((week["iso_week"], week["conversations"]))
    compared = any(topic["previous_end"] is not None for topic in topics)
    return Alerts(
        rises=tuple((names[topic_id], rise) for topic_id, rise in found.items() if topic_id in names),
        new=tuple(
            (names[topic["topic_id"]], topic["conversation_count"])
            for topic in topics
            if compared and topic["status"] == "new" and topic["conversation_count"] >= NEW_MIN
        ),
        compared=compared,
        weeks=tuple(
            (names[topic_id], tuple(points)) for topic_id, points in full.items() if topic_id in names
        ),
    )
