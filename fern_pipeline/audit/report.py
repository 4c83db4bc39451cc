"""The HTML report: one self-contained file with inline SVG charts, every piece of customer text escaped."""

import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from fern_pipeline.audit.drafts import http_url
from fern_pipeline.audit.view import AuditView, duration, share
from fern_pipeline.audit.weeks import (
    RULES,
    SPARK_HEIGHT,
    SPARK_WIDTH,
    gone_topics,
    previous_end,
    theme_sparks,
    topic_weeks,
)

CHART_WIDTH = 720
CHART_HEIGHT = 180
BAR_ROW = 26
#: The headline figures shown as cards at the top of the report (all sources).
CARDS = (
    "Conversations",
    "Conversations per week",
    "Median turns",
    "First response, median",
    "First response, 90th percentile",
    "Resolution, median",
    "Unanswered",
    "Awaiting a reply",
    "Busiest weekday",
    "Conversations rejected",
)


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HEAT_CELL = 26


@dataclass(frozen=True)
class Cell:
    """One hour of one weekday in the activity heat map."""

    x: int
    y: int
    opacity: float
    label: str


@dataclass(frozen=True)
class Bar:
    """One bar of a chart, in SVG user units, with the words shown for it."""

    x: float
    y: float
    width: float
    height: float
    label: str
    value: str
    kind: str = ""


def _volume_bars(view: AuditView) -> list[Bar]:
    """Conversations per day as vertical bars."""
    if not view.daily:
        return []
    most = max(conversations for _, conversations, _ in view.daily) or 1
    step = CHART_WIDTH / len(view.daily)
    return [
        Bar(
            x=index * step,
            y=CHART_HEIGHT - conversations / most * CHART_HEIGHT,
            width=max(step - 1, 0.5),
            height=conversations / most * CHART_HEIGHT,
            label=f"{day:%a %Y-%m-%d}",
            value=f"{conversations:,} conversations, {messages:,} messages",
        )
        for index, (day, conversations, messages) in enumerate(view.daily)
    ]


def _response_bars(view: AuditView) -> list[Bar]:
    """First response times per bucket as vertical bars."""
    most = max((count for _, count in view.response_times), default=0) or 1
    step = CHART_WIDTH / max(len(view.response_times), 1)
    return [
        Bar(
            x=index * step + 8,
            y=CHART_HEIGHT - count / most * CHART_HEIGHT,
            width=step - 16,
            height=count / most * CHART_HEIGHT,
            label=label,
            value=f"{count:,}",
        )
        for index, (label, count) in enumerate(view.response_times)
    ]


def _priority_bars(view: AuditView) -> list[Bar]:
    """Topics as horizontal bars, longest for the highest priority."""
    most = max((topic["priority"] for topic in view.topics), default=0) or 1
    return [
        Bar(
            x=0,
            y=index * BAR_ROW,
            width=max(topic["priority"] / most * (CHART_WIDTH - 380), 1),
            height=BAR_ROW - 6,
            label=topic["label"],
            value=f"{topic['priority']:,.0f}",
            kind=topic["action"] or "unmatched",
        )
        for index, topic in enumerate(view.topics)
    ]


def _heat_cells(view: AuditView) -> list[Cell]:
    """Conversations started per weekday and hour, darker for more."""
    most = max(view.activity.values(), default=0) or 1
    cells = []
    for weekday in range(1, 8):
        for hour in range(24):
            count = view.activity.get((weekday, hour), 0)
            cells.append(
                Cell(
                    x=hour * HEAT_CELL,
                    y=(weekday - 1) * HEAT_CELL,
                    opacity=0.06 + 0.94 * count / most,
                    label=f"{WEEKDAYS[weekday - 1]} {hour:02d}:00: {count:,} conversations",
                )
            )
    return cells


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("fern_pipeline.audit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["duration"] = duration
    environment.filters["share"] = share
    environment.filters["http_url"] = http_url
    return environment.get_template("report.html.j2")


def render_report(view: AuditView) -> str:
    """The report as one HTML document."""
    return _template().render(
        view=view,
        volume=_volume_bars(view),
        responses=_response_bars(view),
        priorities=_priority_bars(view),
        heat=_heat_cells(view),
        weekdays=WEEKDAYS,
        heat_cell=HEAT_CELL,
        chart_width=CHART_WIDTH,
        chart_height=CHART_HEIGHT,
        bar_row=BAR_ROW,
        cards=[(name, values[0]) for name, values in view.headlines if name in CARDS],
        weekly=topic_weeks(view.topics, view.weeks, view.changes),
        theme_sparks=theme_sparks(view.theme_weeks),
        gone=gone_topics(view.changes),
        previous_end=previous_end(view.changes),
        spark_width=SPARK_WIDTH,
        spark_height=SPARK_HEIGHT,
        rules=RULES,
    )


def write_report(view: AuditView, path: Path) -> Path:
    """Write the report to ``path`` atomically (a reader never sees half a file) and return ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
    ) as file:
        file.write(render_report(view))
    Path(file.name).replace(path)
    return path
