"""Every figure of the audit against numbers worked out by hand from the fixture in conftest.py."""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit.build import AUDIT_TABLES, AuditSettings, build_audit

Connect = Callable[[], duckdb.DuckDBPyConnection]

# Window: the 30 days up to the newest message, 2026-11-19T21:00Z; h_old (September) is outside.
# Per conversation (turns; first response and resolution in seconds from the first user message):
#   h1 user, agent, user, agent          4 turns, 09:00→09:10 = 600,   09:00→10:00 = 3600
#   h2 user, user, agent                 2 turns, 14:00→16:00 = 7200,  7200
#   h3 user                              1 turn,  unanswered and awaiting a reply
#   h4 agent, user, agent, user          4 turns, 08:30→09:00 = 1800 (the earlier agent message does
#                                        not count: it precedes the first user message), awaiting a reply
#   s1 user, agent                       2 turns, 3600, 3600
#   s2 user, agent, agent                2 turns, 86400, 90000
CONVERSATIONS = {
    ("helpdesk", "h1"): (4, 600.0, 3600.0, False, False),
    ("helpdesk", "h2"): (2, 7200.0, 7200.0, False, False),
    ("helpdesk", "h3"): (1, None, None, True, True),
    ("helpdesk", "h4"): (4, 1800.0, 1800.0, False, True),
    ("shop", "s1"): (2, 3600.0, 3600.0, False, False),
    ("shop", "s2"): (2, 86400.0, 90000.0, False, False),
}

# quantile_cont interpolates linearly: p90 of n sorted values sits at position 0.9 * (n - 1).
SUMMARY = {
    # helpdesk: turns [1, 2, 4, 4]; first responses [600, 1800, 7200] → p90 at 1.8: 1800 + 0.8 * 5400;
    # resolutions [1800, 3600, 7200] → p90 3600 + 0.8 * 3600. Tue, Wed, Thu, Fri once each: Tuesday
    # wins the tie; hours 9, 14, 9, 8.
    "helpdesk": {
        "conversations": 4,
        "messages": 12,
        "conversations_per_day": 4 / 30,
        "conversations_per_week": 4 * 7 / 30,
        "messages_per_day": 12 / 30,
        "turns_median": 3.0,
        "turns_p90": 4.0,
        "first_response_median_seconds": 1800.0,
        "first_response_p90_seconds": 6120.0,
        "resolution_median_seconds": 3600.0,
        "resolution_p90_seconds": 6480.0,
        "unanswered": 1,
        "unanswered_share": 0.25,
        "awaiting_reply": 2,
        "awaiting_reply_share": 0.5,
        "busiest_weekday": 2,
        "busiest_hour": 9,
        "fetches": 1,
        "fetches_with_format_errors_share": 0.0,
        "conversations_rejected_share": 0.0,
    },
    # shop: first responses [3600, 86400] → median 45000, p90 3600 + 0.9 * 82800; resolutions
    # [3600, 90000] → 46800 and 3600 + 0.9 * 86400. One fetch: 2 loaded, 1 rejected.
    "shop": {
        "conversations": 2,
        "messages": 5,
        "turns_median": 2.0,
        "turns_p90": 2.0,
        "first_response_median_seconds": 45000.0,
        "first_response_p90_seconds": 78120.0,
        "resolution_median_seconds": 46800.0,
        "resolution_p90_seconds": 81360.0,
        "unanswered_share": 0.0,
        "awaiting_reply_share": 0.0,
        "busiest_weekday": 2,
        "fetches": 1,
        "fetches_with_format_errors_share": 1.0,
        "conversations_rejected_share": 1 / 3,
    },
    # all: turns [1, 2, 2, 2, 4, 4] → median 2, p90 at 4.5 → 4; first responses [600, 1800, 3600, 7200,
    # 86400] → p90 at 3.6: 7200 + 0.6 * 79200; resolutions [1800, 3600, 3600, 7200, 90000] → 7200 + 0.6 *
    # 82800. Tuesday (h1, s1) ties Wednesday (h2, s2); 9 o'clock has h1, h3 and s1. Fetches: 2, one with
    # a rejected conversation; 1 rejected of 5 + 3 received.
    "*": {
        "conversations": 6,
        "messages": 17,
        "conversations_per_week": 6 * 7 / 30,
        "turns_median": 2.0,
        "turns_p90": 4.0,
        "first_response_median_seconds": 3600.0,
        "first_response_p90_seconds": 54720.0,
        "resolution_median_seconds": 3600.0,
        "resolution_p90_seconds": 56880.0,
        "unanswered": 1,
        "unanswered_share": 1 / 6,
        "awaiting_reply": 2,
        "awaiting_reply_share": 2 / 6,
        "busiest_weekday": 2,
        "busiest_hour": 9,
        "fetches": 2,
        "fetches_failed_share": 0.0,
        "fetches_with_format_errors_share": 0.5,
        "conversations_rejected_share": 1 / 8,
    },
}


@pytest.fixture
def audited(connect: Connect) -> duckdb.DuckDBPyConnection:
    connection = connect()
    build_audit(connection, AuditSettings(window_days=30))
    return connection


def test_each_conversation_gets_its_turns_response_times_and_state(
    audited: duckdb.DuckDBPyConnection,
) -> None:
    rows = audited.execute(
        "SELECT source, conversation_id, turns, first_response_seconds, resolution_seconds, unanswered, "
        "awaiting_reply FROM audit_conversations"
    ).fetchall()
    assert {(row[0], row[1]): row[2:] for row in rows} == CONVERSATIONS


@pytest.mark.parametrize("source", list(SUMMARY), ids=list(SUMMARY))
def test_the_headline_figures_match_the_hand_computed_ones(
    audited: duckdb.DuckDBPyConnection, source: str
) -> None:
    figures = dict(
        audited.execute("SELECT metric, value FROM audit_summary WHERE source = ?", [source]).fetchall()
    )
    for metric, expected in SUMMARY[source].items():
        assert figures[metric] == pytest.approx(expected), metric


def test_busiest_weekday_and_hour_are_also_written_in_words(audited: duckdb.DuckDBPyConnection) -> None:
    labels = dict(
        audited.execute(
            "SELECT metric, label FROM audit_summary WHERE source = '*' AND label IS NOT NULL"
        ).fetchall()
    )
    assert labels == {"busiest_weekday": "Tuesday", "busiest_hour": "09:00\u201310:00 UTC"}


def test_daily_volume_covers_every_day_of_the_window(audited: duckdb.DuckDBPyConnection) -> None:
    days = audited.execute(
        "SELECT count(*), min(day), max(day), sum(conversations), sum(messages) FROM audit_daily "
        "WHERE source = '*'"
    ).fetchall()
    # The window starts on 2026-10-20 at the hour of the newest message: that day counts, in part.
    assert days == [(31, datetime(2026, 10, 20).date(), datetime(2026, 11, 19).date(), 6, 17)]
    # 2026-11-10: h1 (4 messages) and s1 (2 messages) started.
    assert audited.execute(
        "SELECT conversations, messages FROM audit_daily WHERE source = '*' AND day = DATE '2026-11-10'"
    ).fetchall() == [(2, 6)]


def test_activity_counts_conversations_by_weekday_and_hour(audited: duckdb.DuckDBPyConnection) -> None:
    rows = audited.execute(
        "SELECT weekday, hour, conversations FROM audit_activity WHERE source = '*' ORDER BY weekday, hour"
    ).fetchall()
    assert rows == [(2, 9, 2), (3, 14, 1), (3, 20, 1), (4, 9, 1), (5, 8, 1)]


def test_format_errors_are_counted_by_code(audited: duckdb.DuckDBPyConnection) -> None:
    rows = audited.execute("SELECT source, code, errors FROM audit_format_errors ORDER BY source").fetchall()
    assert rows == [("*", "invalid_role", 1), ("shop", "invalid_role", 1)]


def test_an_explicit_window_end_and_length_are_honoured(connect: Connect) -> None:
    connection = connect()
    end = datetime(2026, 11, 11, 0, 0, tzinfo=UTC)
    result = build_audit(connection, AuditSettings(window_days=2, end=end))
    assert (result.window_start, result.window_end) == (datetime(2026, 11, 9, tzinfo=UTC), end)
    ids = connection.execute("SELECT conversation_id FROM audit_conversations ORDER BY 1").fetchall()
    assert ids == [("h1",), ("s1",)]
    # The fetches happened after this end, so none is counted.
    [(fetches,)] = connection.execute(
        "SELECT value FROM audit_summary WHERE source = '*' AND metric = 'fetches'"
    ).fetchall()
    assert fetches == 0


def test_a_window_starting_within_a_day_counts_that_days_conversations(connect: Connect) -> None:
    connection = connect()
    # From 08:00 on 2026-11-10: h1 and s1 started after it that day.
    end = datetime(2026, 11, 19, 8, 0, tzinfo=UTC)
    build_audit(connection, AuditSettings(window_days=9, end=end))
    [(audited,)] = connection.execute("SELECT count(*) FROM audit_conversations").fetchall()
    [(first_day, daily)] = connection.execute(
        "SELECT min(day), sum(conversations) FROM audit_daily WHERE source = '*'"
    ).fetchall()
    [(headline,)] = connection.execute(
        "SELECT value FROM audit_summary WHERE source = '*' AND metric = 'conversations'"
    ).fetchall()
    assert first_day == datetime(2026, 11, 10).date()
    assert audited == daily == headline == 6


def test_an_empty_database_gets_empty_audit_tables(database: Path) -> None:
    database.parent.mkdir(parents=True)
    with duckdb.connect(str(database)) as connection:
        result = build_audit(connection, AuditSettings(report_path=database.parent / "audit_report.html"))
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
            for table in AUDIT_TABLES
        }
    assert result.conversations == 0 and result.topics == 0
    assert counts["audit_conversations"] == counts["audit_topics"] == 0
    assert "No conversation in the window" in result.markdown
    assert (database.parent / "audit_report.html").is_file()


def test_a_second_audit_replaces_the_first(connect: Connect) -> None:
    connection = connect()
    build_audit(connection, AuditSettings(window_days=30))
    result = build_audit(connection, AuditSettings(window_days=30))
    assert result.row_counts["audit_conversations"] == 6
    [(count,)] = connection.execute("SELECT count(*) FROM audit_conversations").fetchall()
    assert count == 6
