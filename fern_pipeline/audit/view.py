"""What the summary and the report show, read from the audit tables, with the figures put into words."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import duckdb

from fern_pipeline.audit.queries import records

#: Shown where there is nothing to measure (an en dash).
NOTHING = "\u2013"
#: The headline figures in the order they are shown, with how each is written.
HEADLINES: tuple[tuple[str, str, str], ...] = (
    ("Conversations", "conversations", "count"),
    ("Conversations per week", "conversations_per_week", "rate"),
    ("Messages", "messages", "count"),
    ("Messages per day", "messages_per_day", "rate"),
    ("Median turns", "turns_median", "rate"),
    ("Turns, 90th percentile", "turns_p90", "rate"),
    ("First response, median", "first_response_median_seconds", "duration"),
    ("First response, 90th percentile", "first_response_p90_seconds", "duration"),
    ("Resolution, median", "resolution_median_seconds", "duration"),
    ("Resolution, 90th percentile", "resolution_p90_seconds", "duration"),
    ("Unanswered", "unanswered_share", "share"),
    ("Awaiting a reply", "awaiting_reply_share", "share"),
    ("Busiest weekday", "busiest_weekday", "label"),
    ("Busiest hour", "busiest_hour", "label"),
    ("Fetches", "fetches", "count"),
    ("Fetches with format errors", "fetches_with_format_errors_share", "share"),
    ("Conversations rejected", "conversations_rejected_share", "share"),
)


def duration(seconds: float | None) -> str:
    """``45 s``, ``12 min``, ``3.5 h``, ``2.1 days``; an en dash when there is nothing to measure."""
    if seconds is None:
        return NOTHING
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def share(value: float | None) -> str:
    """``25 %``; an en dash when there is nothing to measure."""
    return NOTHING if value is None else f"{value * 100:.0f} %"


def trend(value: float | None, first_half: int) -> str:
    """The change from the first half of the window to the second: ``↑ 40 %``, ``↓ 10 %``, ``new``."""
    if value is None:
        return "new" if first_half == 0 else NOTHING
    arrow = "↑" if value > 0.05 else "↓" if value < -0.05 else "→"
    return f"{arrow} {abs(value) * 100:.0f} %"


def _written(kind: str, value: float | None, label: str | None) -> str:
    if kind == "label":
        return label or NOTHING
    if value is None:
        return NOTHING
    if kind == "count":
        return f"{value:,.0f}"
    if kind == "rate":
        return f"{value:,.1f}"
    if kind == "duration":
        return duration(value)
    return share(value)


@dataclass(frozen=True)
class AuditView:
    """The audit as the summary and the report present it."""

    start: datetime
    end: datetime
    sources: tuple[str, ...]
    #: Per headline: its name and its value written out, per source ('*' first).
    headlines: tuple[tuple[str, tuple[str, ...]], ...]
    figures: dict[str, float | None]
    topics: tuple[dict[str, Any], ...]
    #: The themes in priority order, each with its ``topics`` (in priority order).
    themes: tuple[dict[str, Any], ...]
    daily: tuple[tuple[date, int, int], ...]
    response_times: tuple[tuple[str, int], ...]
    #: Conversations started per (ISO weekday, UTC hour).
    activity: dict[tuple[int, int], int]
    format_errors: tuple[tuple[str, int], ...]
    warnings: tuple[str, ...]
    #: Rows of ``audit_topic_weeks``, ``audit_theme_weeks``, ``audit_topic_changes`` and
    #: ``audit_article_changes`` (audit/weeks.py).
    weeks: tuple[dict[str, Any], ...] = field(default=())
    theme_weeks: tuple[dict[str, Any], ...] = field(default=())
    changes: tuple[dict[str, Any], ...] = field(default=())
    article_changes: tuple[dict[str, Any], ...] = field(default=())

    @property
    def has_articles(self) -> bool:
        return any(topic["coverage"] is not None for topic in self.topics)

    def gaps(self, action: str) -> list[dict[str, Any]]:
        """Topics whose action is ``write`` or ``update``, in priority order."""
        return [topic for topic in self.topics if topic["action"] == action]


def read_view(
    connection: duckdb.DuckDBPyConnection, *, start: datetime, end: datetime, warnings: tuple[str, ...]
) -> AuditView:
    """The audit tables of ``connection``, ready to be shown."""
    summary = records(connection, "read_summary")
    sources = tuple(dict.fromkeys(row["source"] for row in summary)) or ("*",)
    by_key = {(row["source"], row["metric"]): row for row in summary}
    headlines = tuple(
        (
            name,
            tuple(
                _written(
                    kind,
                    by_key.get((source, metric), {}).get("value"),
                    by_key.get((source, metric), {}).get("label"),
                )
                for source in sources
            ),
        )
        for name, metric, kind in HEADLINES
    )
    topics = tuple(
        row | {"trend_text": trend(row["trend"], row["first_half_count"])}
        for row in records(connection, "read_topics")
    )
    themes = tuple(
        theme | {"topics": [topic for topic in topics if topic["theme_id"] == theme["theme_id"]]}
        for theme in records(connection, "read_themes")
    )
    return AuditView(
        start=start,
        end=end,
        sources=sources,
        headlines=headlines,
        figures={metric: row["value"] for (source, metric), row in by_key.items() if source == "*"},
        topics=topics,
        themes=themes,
        daily=tuple(
            (row["day"], row["conversations"], row["messages"]) for row in records(connection, "read_daily")
        ),
        response_times=tuple(
            (row["label"], row["conversations"]) for row in records(connection, "response_histogram")
        ),
        activity={
            (row["weekday"], row["hour"]): row["conversations"]
            for row in records(connection, "read_activity")
        },
        format_errors=tuple(
            (row["code"], row["errors"]) for row in records(connection, "read_format_errors")
        ),
        warnings=warnings,
        weeks=tuple(records(connection, "read_topic_weeks")),
        theme_weeks=tuple(records(connection, "read_theme_weeks")),
        changes=tuple(records(connection, "read_topic_changes")),
        article_changes=tuple(records(connection, "read_article_changes")),
    )
