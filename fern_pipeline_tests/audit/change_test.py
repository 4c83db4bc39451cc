"""What an article changed: planted data where one topic halves after its article's update, one not."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.change import rate_change
from fern_pipeline.audit.help_center import Article, parse_markdown
from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.audit.planted_weeks import END, PARCEL, PASSWORD, planted

UPDATED = END - timedelta(days=42)
#: The password subject at 20 a week, 10 after its article's update; parcels at 20 throughout.
RATES = ((PASSWORD, lambda at: 10 if at > UPDATED else 20), (PARCEL, lambda at: 20))
ARTICLES = (
    Article(title="Reset your password", text="Use the reset link on the login page.", updated=UPDATED),
    Article(title="Where is my parcel", text="Track your order with the tracking link.", updated=UPDATED),
)


def test_a_topic_that_halves_after_its_article_fell_and_one_that_does_not_is_no_clear_change(
    file_source: Callable[..., SourceConfig], database: Path
) -> None:
    load_into(database, prepare(file_source(planted(seed=3, rates=RATES))))
    with duckdb.connect(str(database)) as connection:
        build_audit(connection, AuditSettings(window_days=84, end=END, articles=ARTICLES))
        rows = connection.execute(
            "SELECT article_title, verdict, change, change_low, change_high, before_per_week, after_per_week "
            "FROM audit_article_changes ORDER BY article_title"
        ).fetchall()
    # Topic finding may split a subject in several topics: each has its article and its verdict.
    assert {row[0] for row in rows} == {"Reset your password", "Where is my parcel"}
    for title, verdict, _, low, high, before, after in rows:
        if title == "Reset your password":
            assert verdict == "fell" and low < -0.5 < high < 0 and after < before
        else:
            assert verdict == "no clear change" and low < 0 < high


@pytest.mark.parametrize(
    ("before", "after", "verdict"),
    [
        ((120, 42.0), (60, 42.0), "fell"),
        ((60, 42.0), (120, 42.0), "rose"),
        ((120, 42.0), (115, 42.0), "no clear change"),
        ((3, 42.0), (1, 42.0), "too few to tell"),
        ((50, 80.0), (10, 4.0), "too few to tell"),
    ],
    ids=["halved", "doubled", "stable", "few", "short-after"],
)
def test_the_verdict_follows_the_interval(
    before: tuple[int, float], after: tuple[int, float], verdict: str
) -> None:
    change = rate_change(before[0], before[1], after[0], after[1])
    assert change.verdict == verdict
    if change.change is not None:
        assert change.change_low is not None and change.change_high is not None
        assert change.change_low <= change.change <= change.change_high


def test_an_article_carries_its_update_date_in_markdown_and_in_json() -> None:
    article = parse_markdown("# Reset\nurl: https://h.test/r\nupdated: 2026-10-19\n\nText.", name="r.md")
    assert article.updated == datetime(2026, 10, 19, tzinfo=UTC) and article.url == "https://h.test/r"
    assert article.text == "Text."
    assert Article.model_validate(
        {"title": "T", "updatedAt": "2026-10-19T08:00:00+02:00"}
    ).updated == datetime(2026, 10, 19, 6, tzinfo=UTC)
