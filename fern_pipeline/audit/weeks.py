"""Topics and themes week by week for the report: a sparkline each, a topic's rise if any, and what is new
or gone."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fern_pipeline.audit.alert_rules import FULL_WEEK, RISE_MIN, RISE_P, Rise
from fern_pipeline.audit.alerts import rises
from fern_pipeline.audit.history import SAME_TOPIC_FROM

SPARK_WIDTH = 160
SPARK_HEIGHT = 28
#: The rules the report states beside the weekly section.
RULES = {"rise_p": RISE_P, "rise_min": RISE_MIN, "same_topic_from": SAME_TOPIC_FROM}


@dataclass(frozen=True)
class TopicWeeks:
    """One topic's row in the report's weekly section."""

    topic_id: int
    label: str
    #: ``new`` or ``kept`` against the previous audit; None for the first audit.
    status: str | None
    #: SVG polyline points of its full weeks' counts, scaled to ``SPARK_WIDTH`` by ``SPARK_HEIGHT``.
    points: str
    #: Every week as ``2026-W47: 12`` (a partial week marked), for the chart's title.
    title: str
    last_full_week: int | None
    rise: Rise | None


def _points(counts: list[int]) -> str:
    if not counts:
        return ""
    most = max(counts) or 1
    step = SPARK_WIDTH / max(len(counts) - 1, 1)
    return " ".join(
        f"{index * step:.1f},{SPARK_HEIGHT - 2 - count / most * (SPARK_HEIGHT - 4):.1f}"
        for index, count in enumerate(counts)
    )


@dataclass(frozen=True)
class Spark:
    """A sparkline of one topic's or theme's weeks."""

    #: SVG polyline points of its full weeks' counts, scaled to ``SPARK_WIDTH`` by ``SPARK_HEIGHT``.
    points: str
    #: Every week as ``2026-W47: 12`` (a partial week marked), for the chart's title.
    title: str
    #: Its full weeks' counts, oldest first.
    full: list[int]


def spark(own: list[dict[str, Any]]) -> Spark:
    """The sparkline of ``own`` weeks (rows of ``audit_topic_weeks`` or ``audit_theme_weeks``)."""
    full = [week["conversations"] for week in own if week["days"] >= FULL_WEEK]
    title = "; ".join(
        f"{week['iso_week']}: {week['conversations']:,}"
        + ("" if week["days"] >= FULL_WEEK else f" ({week['days']:.1f} days)")
        for week in own
    )
    return Spark(points=_points(full), title=title, full=full)


def theme_sparks(weeks: tuple[dict[str, Any], ...]) -> dict[int, Spark]:
    """Each theme's sparkline, by ``theme_id``."""
    themes = dict.fromkeys(week["theme_id"] for week in weeks)
    return {theme: spark([week for week in weeks if week["theme_id"] == theme]) for theme in themes}


def topic_weeks(
    topics: tuple[dict[str, Any], ...], weeks: tuple[dict[str, Any], ...], changes: tuple[dict[str, Any], ...]
) -> list[TopicWeeks]:
    """Each topic of ``topics`` (in their order) with its weeks, its status and its rise test ("other",
    which has no status, is not tested: it is no one question)."""
    found = {rise.topic_id: rise for rise in rises(weeks)}
    first_audit = not any(change["previous_end"] for change in changes)
    status = {change["topic_id"]: change["status"] for change in changes if change["topic_id"] is not None}
    rows = []
    for topic in topics:
        line = spark([week for week in weeks if week["topic_id"] == topic["topic_id"]])
        rows.append(
            TopicWeeks(
                topic_id=topic["topic_id"],
                label=topic["label"],
                status=None if first_audit else status.get(topic["topic_id"]),
                points=line.points,
                title=line.title,
                last_full_week=line.full[-1] if line.full else None,
                rise=found.get(topic["topic_id"]) if topic["topic_id"] in status else None,
            )
        )
    return rows


def gone_topics(changes: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """The previous audit's topics that no topic of this audit matched."""
    return [change for change in changes if change["status"] == "gone"]


def previous_end(changes: tuple[dict[str, Any], ...]) -> datetime | None:
    """The end of the previous audit's window, if there was one."""
    return next((change["previous_end"] for change in changes if change["previous_end"]), None)
