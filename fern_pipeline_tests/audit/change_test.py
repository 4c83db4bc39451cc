"""What an article changed: planted data where one topic halves after its article's update, one not."""

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pytest

from fern_pipeline.audit import AuditSettings, build_audit
from fern_pipeline.audit.change import rate_change
from fern_pipeline.audit.help_center import Article, parse_markdown
from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into

END = datetime(2026, 11, 30, tzinfo=UTC)
UPDATED = END - timedelta(days=42)
PASSWORD = [
    "How do I reset my password?",
    "The password reset link does not work",
    "I forgot my password and cannot log in",
    "Wie setze ich mein Passwort zurück?",
    "Der Link zum Zurücksetzen des Passworts funktioniert nicht",
    "Ich habe mein Passwort vergessen",
]
PARCEL = [
    "Where is my parcel?",
    "My order has not arrived yet",
    "The tracking of my order shows nothing",
    "Wo ist mein Paket?",
    "Meine Bestellung ist noch nicht angekommen",
    "Die Sendungsverfolgung zeigt nichts an",
]
#: Said after the question, so the texts are many and distinct as real ones are.
CONTEXT = {
    "en": ["It is urgent.", "I tried twice.", "Since yesterday.", "On my phone.", "My colleague too.", ""],
    "de": [
        "Es ist dringend.",
        "Zweimal versucht.",
        "Seit gestern.",
        "Auf dem Handy.",
        "Mein Kollege auch.",
        "",
    ],
}
ARTICLES = (
    Article(title="Reset your password", text="Use the reset link on the login page.", updated=UPDATED),
    Article(title="Where is my parcel", text="Track your order with the tracking link.", updated=UPDATED),
)


def _asked(pick: random.Random, questions: list[str]) -> str:
    index = pick.randrange(len(questions))
    context = CONTEXT["en" if index < 3 else "de"]
    return f"{questions[index]} {pick.choice(context)} {pick.randint(2, 99)}".strip()


def _planted(seed: int) -> dict[str, Any]:
    """12 weeks: the password topic at 20 a week, 10 after its article's update; parcels 20 throughout."""
    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    conversations = []
    for day in range(84):
        at = END - timedelta(days=84 - day)
        halved = at > UPDATED
        for questions, rate in ((PASSWORD, 10 if halved else 20), (PARCEL, 20)):
            for number in range(int(rng.poisson(rate / 7))):
                when = (at + timedelta(hours=pick.randint(1, 22))).strftime("%Y-%m-%dT%H:%M:%SZ")
                conversation_id = f"{day}-{len(conversations)}-{number}"
                conversations.append(
                    {
                        "id": conversation_id,
                        "lastMessageAt": when,
                        "messages": [
                            {"id": "q", "role": "user", "content": _asked(pick, questions), "createdAt": when}
                        ],
                    }
                )
    return {"conversations": conversations}


def test_a_topic_that_halves_after_its_article_fell_and_one_that_does_not_is_no_clear_change(
    file_source: Callable[..., SourceConfig], database: Path
) -> None:
    load_into(database, prepare(file_source(_planted(seed=3))))
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
