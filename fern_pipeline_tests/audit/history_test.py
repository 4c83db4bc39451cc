"""Every audit kept: history appended by the audit's time, topics matched by meaning, erasure honoured."""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import numpy as np

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.embedding import embed
from fern_pipeline.audit.history import SAME_TOPIC_FROM, lineage, match_topics
from fern_pipeline.config import ProjectConfig, SourceConfig
from fern_pipeline.config.privacy import PrivacyConfig
from fern_pipeline.privacy.erase import Selector, erase
from fern_pipeline.privacy.retention import retain

Connect = Callable[[], duckdb.DuckDBPyConnection]
#: A week before the fixture's newest message (2026-11-19T21:00Z).
WEEK_BEFORE = datetime(2026, 11, 12, 21, tzinfo=UTC)
THREE_DAYS_BEFORE = datetime(2026, 11, 16, 21, tzinfo=UTC)
#: What each conversation asked, as a topic's label is cut from it: its user messages joined in order.
ASKED = (
    "SELECT source, conversation_id, string_agg(content, ' ' ORDER BY created_at, position) "
    "FROM messages WHERE role = 'user' GROUP BY ALL ORDER BY ALL"
)


def _centre(texts: list[str]) -> np.ndarray:
    mean = embed(texts).mean(axis=0)
    return mean / np.linalg.norm(mean)


def test_the_same_question_in_another_language_keeps_its_topic_and_another_question_does_not() -> None:
    previous = np.stack(
        [
            _centre(
                [
                    "How do I reset my password?",
                    "The password reset link does not work",
                    "I forgot my password and cannot log in",
                ]
            ),
            _centre(
                [
                    "Where is my parcel?",
                    "My order has not arrived yet",
                    "The tracking of my order shows nothing",
                ]
            ),
        ]
    )
    current = np.stack(
        [
            _centre(
                [
                    "Wie setze ich mein Passwort zurück?",
                    "Der Link zum Zurücksetzen des Passworts funktioniert nicht",
                    "Ich habe mein Passwort vergessen und kann mich nicht anmelden",
                ]
            ),
            _centre(["Can I pay by invoice?", "Do you accept PayPal?", "Which payment methods do you take?"]),
        ]
    )
    pairs = match_topics(current, previous)
    assert list(pairs) == [0] and pairs[0][0] == 0 and pairs[0][1] >= SAME_TOPIC_FROM
    assert float(current[1] @ previous[1]) < SAME_TOPIC_FROM


def test_lineage_keeps_keys_gives_new_ones_after_every_key_ever_and_lists_the_gone() -> None:
    previous = [
        {"topic_key": 3, "label": "a", "conversation_count": 5, "centroid": [1.0, 0.0, 0.0]},
        {"topic_key": 7, "label": "b", "conversation_count": 2, "centroid": [0.0, 1.0, 0.0]},
    ]
    vectors = np.array([[0.0, 0.0, 1.0], [0.99, 0.141, 0.0]], dtype=np.float32)
    rows = lineage([1, 2], vectors, previous, last_key=9).to_pylist()
    assert [(row["topic_key"], row["topic_id"], row["status"]) for row in rows] == [
        (10, 1, "new"),
        (3, 2, "kept"),
        (7, None, "gone"),
    ]
    assert rows[1]["previous_label"] == "a" and rows[2]["previous_count"] == 2


def test_each_audit_is_kept_by_its_time_and_a_repeated_one_replaces_its_rows(connect: Connect) -> None:
    connection = connect()
    build_audit(connection, AuditSettings(window_days=30, end=WEEK_BEFORE))
    build_audit(connection, AuditSettings(window_days=30))
    kept = "SELECT * FROM audit_history_topics ORDER BY audit_end, topic_key"
    once = connection.execute(kept).fetchall()
    build_audit(connection, AuditSettings(window_days=30))
    assert connection.execute(kept).fetchall() == once  # same data, same history
    ends = connection.execute("SELECT DISTINCT audit_end FROM audit_history_summary ORDER BY 1").fetchall()
    assert [end for (end,) in ends] == [WEEK_BEFORE, datetime(2026, 11, 19, 21, tzinfo=UTC)]
    [(conversations,)] = connection.execute(
        "SELECT value FROM audit_history_summary "
        "WHERE audit_end = ? AND source = '*' AND metric = 'conversations'",
        [WEEK_BEFORE],
    ).fetchall()
    assert conversations == 4  # h1, h2, s1 and h3 (2026-11-12T09:30Z) started by then
    topics = connection.execute(
        "SELECT topic_key, status FROM audit_topic_changes WHERE status <> 'gone' ORDER BY topic_key"
    ).fetchall()
    [(latest_topics,)] = connection.execute("SELECT count(*) FROM audit_topics WHERE NOT is_other").fetchall()
    assert len(topics) == latest_topics
    [(history_rows,)] = connection.execute(
        "SELECT count(*) FROM audit_history_topics "
        "WHERE audit_end = (SELECT max(audit_end) FROM audit_history_topics)"
    ).fetchall()
    assert history_rows == latest_topics


def test_weeks_count_every_conversation_of_a_topic_once(connect: Connect) -> None:
    connection = connect()
    build_audit(connection, AuditSettings(window_days=30))
    by_weeks = connection.execute(
        "SELECT topic_id, sum(conversations) FROM audit_topic_weeks GROUP BY 1 ORDER BY 1"
    ).fetchall()
    by_topics = connection.execute(
        "SELECT topic_id, conversation_count FROM audit_topics ORDER BY 1"
    ).fetchall()
    assert by_weeks == by_topics
    weeks = connection.execute("SELECT DISTINCT iso_week, days FROM audit_topic_weeks ORDER BY 1").fetchall()
    # 2026-10-20T21:00Z (a Tuesday) to 2026-11-19T21:00Z (a Thursday)
    assert weeks[0][0] == "2026-W43" and weeks[-1][0] == "2026-W47"
    assert [days for _, days in weeks[1:-1]] == [7.0, 7.0, 7.0]
    assert round(weeks[0][1], 3) == round(5 + 3 / 24, 3) and round(weeks[-1][1], 3) == round(3 + 21 / 24, 3)


def test_erasing_a_conversation_blanks_the_history_labels_that_quote_it(loaded: Path) -> None:
    settings = AuditSettings(window_days=30)
    with duckdb.connect(str(loaded)) as connection:
        build_audit(connection, AuditSettings(window_days=30, end=THREE_DAYS_BEFORE))
        build_audit(connection, settings)
        labels = [
            label for (label,) in connection.execute("SELECT label FROM audit_history_topics").fetchall()
        ]
        quoted = [
            row for row in connection.execute(ASKED).fetchall() if any(label in row[2] for label in labels)
        ]
    assert quoted, labels
    source, conversation_id, text = quoted[0]
    label = next(label for label in labels if label in text)
    erase(loaded, Selector(source=source, conversation_id=conversation_id), pseudonyms=None, audit=settings)
    stored = loaded.read_bytes()
    assert label.encode() not in stored
    with duckdb.connect(str(loaded)) as connection:
        after = [
            label for (label,) in connection.execute("SELECT label FROM audit_history_topics").fetchall()
        ]
        [(audits,)] = connection.execute(
            "SELECT count(DISTINCT audit_end) FROM audit_history_summary"
        ).fetchall()
    # the earlier audit's row blanked, the latest's replaced by the rebuild of that audit
    assert label not in after and None in after and audits == 2


def test_the_report_shows_each_topic_week_by_week_and_what_changed(connect: Connect, tmp_path: Path) -> None:
    connection = connect()
    report = tmp_path / "report.html"
    build_audit(connection, AuditSettings(window_days=30, end=WEEK_BEFORE))
    build_audit(connection, AuditSettings(window_days=30, report_path=report))
    html = report.read_text(encoding="utf-8")
    [(topics,)] = connection.execute("SELECT count(*) FROM audit_topics").fetchall()
    section = html[html.index("<h2>Topics week by week</h2>") :]
    assert section.count('<svg class="spark"') == topics
    # each theme's heading has its own, titled with its weeks
    themes = connection.execute(
        "SELECT theme_id, string_agg(iso_week || ': ' || conversations, '; ' ORDER BY week) "
        "FROM audit_theme_weeks WHERE days >= 7 GROUP BY 1"
    ).fetchall()
    headings = html[html.index('<table id="topics">') : html.index("<h2>Topics week by week</h2>")]
    assert len(themes) >= 2 and headings.count('<svg class="spark theme-spark"') == len(themes)
    for _, weeks in themes:
        assert weeks.split("; ")[0] in headings
    assert "Compared with the audit up to 2026-11-12 21:00 UTC" in section
    assert "<script>" not in html


def test_retention_blanks_the_history_labels_of_what_expires(loaded: Path) -> None:
    project = ProjectConfig(
        database=loaded,
        sources=[SourceConfig(name=name, url="file:///unused.json") for name in ("helpdesk", "shop")],
        privacy=PrivacyConfig(retention_days=5),
    )
    now = datetime(2026, 11, 19, 22, tzinfo=UTC)  # the cutoff, 2026-11-14T22:00Z, expires all but s2
    with duckdb.connect(str(loaded)) as connection:
        build_audit(connection, AuditSettings(window_days=30, end=WEEK_BEFORE))
        build_audit(connection, AuditSettings(window_days=30))
        expiring = [text for _, key, text in connection.execute(ASKED).fetchall() if key != "s2"]
        labels = [
            label for (label,) in connection.execute("SELECT label FROM audit_history_topics").fetchall()
        ]
        assert any(label in text for label in labels for text in expiring)
        retain(connection, project, now)
        after = [
            label for (label,) in connection.execute("SELECT label FROM audit_history_topics").fetchall()
        ]
    assert len(after) == len(labels)
    assert None in after
    assert not [label for label in after if label is not None and any(label in text for text in expiring)]


def test_themes_are_counted_week_by_week_and_kept_in_history(connect: Connect) -> None:
    connection = connect()
    build_audit(connection, AuditSettings(window_days=30))
    by_weeks = connection.execute(
        "SELECT theme_id, sum(conversations) FROM audit_theme_weeks GROUP BY 1 ORDER BY 1"
    ).fetchall()
    by_themes = connection.execute(
        "SELECT theme_id, conversation_count FROM audit_themes ORDER BY 1"
    ).fetchall()
    assert by_weeks == by_themes
    kept = connection.execute(
        "SELECT theme_id, kind, label, conversation_count FROM audit_history_themes ORDER BY 1"
    ).fetchall()
    themes = connection.execute(
        "SELECT theme_id, kind, label, conversation_count FROM audit_themes ORDER BY 1"
    )
    assert kept == themes.fetchall()
