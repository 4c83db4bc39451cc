"""What an article changed: a topic's weekly rate before and after its article's update, with its interval.

The change is the ratio of the two rates. Its 95 % interval is exact for two Poisson counts: given the
total n = before + after, the after count is Binomial(n, q) with q = r_a t_a / (r_b t_b + r_a t_a);
the Clopper-Pearson interval of q turns into one for the ratio r_a / r_b = q / (1 - q) · t_b / t_a.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pyarrow as pa
from scipy.stats import beta

from fern_pipeline.audit.help_center import Article
from fern_pipeline.audit.queries import records

#: Fewest conversations before and after together, and fewest days on each side, to say anything.
MIN_CONVERSATIONS = 10
MIN_DAYS = 7.0
CONFIDENCE = 0.95

ARTICLE_DATES = pa.schema(
    [("title", pa.string()), ("url", pa.string()), ("updated_at", pa.timestamp("us", tz="UTC"))]
)
CHANGES = pa.schema(
    [
        ("topic_id", pa.int64()),
        ("updated_at", pa.timestamp("us", tz="UTC")),
        ("before_count", pa.int64()),
        ("before_days", pa.float64()),
        ("before_per_week", pa.float64()),
        ("after_count", pa.int64()),
        ("after_days", pa.float64()),
        ("after_per_week", pa.float64()),
        ("change", pa.float64()),
        ("change_low", pa.float64()),
        ("change_high", pa.float64()),
        ("verdict", pa.string()),
    ]
)


@dataclass(frozen=True)
class Change:
    """A topic's rate per week before and after a date, the ratio after / before and its interval."""

    before_count: int
    before_days: float
    after_count: int
    after_days: float
    #: after / before - 1 (-0.5: halved), and its interval; None when there is too little to tell.
    change: float | None
    change_low: float | None
    change_high: float | None
    verdict: str

    @property
    def before_per_week(self) -> float:
        return self.before_count / self.before_days * 7 if self.before_days else 0.0

    @property
    def after_per_week(self) -> float:
        return self.after_count / self.after_days * 7 if self.after_days else 0.0


def _ratio(q: float, before_days: float, after_days: float) -> float:
    return float("inf") if q >= 1 else q / (1 - q) * before_days / after_days


def rate_change(before_count: int, before_days: float, after_count: int, after_days: float) -> Change:
    """The change of a topic's rate at a date; ``too few to tell`` below the minimums, else ``fell``
    or ``rose`` when the interval excludes no change, ``no clear change`` when it does not."""
    total = before_count + after_count
    if total < MIN_CONVERSATIONS or min(before_days, after_days) < MIN_DAYS or before_count == 0:
        return Change(before_count, before_days, after_count, after_days, None, None, None, "too few to tell")
    tail = (1 - CONFIDENCE) / 2
    low_q = 0.0 if after_count == 0 else float(beta.ppf(tail, after_count, total - after_count + 1))
    high_q = 1.0 if after_count == total else float(beta.ppf(1 - tail, after_count + 1, total - after_count))
    ratio = after_count / after_days / (before_count / before_days)
    low = _ratio(low_q, before_days, after_days) - 1
    high = _ratio(high_q, before_days, after_days) - 1
    verdict = "fell" if high < 0 else "rose" if low > 0 else "no clear change"
    return Change(before_count, before_days, after_count, after_days, ratio - 1, low, high, verdict)


def article_changes(
    connection: duckdb.DuckDBPyConnection, articles: Sequence[Article], start: datetime, end: datetime
) -> pa.Table:
    """Per topic whose article was updated inside the window: its rate before and after, and the change."""
    dated = [
        {"title": article.title, "url": article.url, "updated_at": article.updated}
        for article in articles
        if article.updated is not None
    ]
    if not dated:
        return CHANGES.empty_table()
    connection.register("audit_article_dates", pa.Table.from_pylist(dated, schema=ARTICLE_DATES))
    try:
        counts = records(connection, "article_topic_counts", window_start=start, window_end=end)
    finally:
        connection.unregister("audit_article_dates")
    rows = []
    for row in counts:
        before_days = (row["updated_at"] - start).total_seconds() / 86400
        after_days = (end - row["updated_at"]).total_seconds() / 86400
        change = rate_change(row["before_count"], before_days, row["after_count"], after_days)
        rows.append(
            {
                "topic_id": row["topic_id"],
                "updated_at": row["updated_at"],
                "before_count": change.before_count,
                "before_days": before_days,
                "before_per_week": change.before_per_week,
                "after_count": change.after_count,
                "after_days": after_days,
                "after_per_week": change.after_per_week,
                "change": change.change,
                "change_low": change.change_low,
                "change_high": change.change_high,
                "verdict": change.verdict,
            }
        )
    return pa.Table.from_pylist(rows, schema=CHANGES)
