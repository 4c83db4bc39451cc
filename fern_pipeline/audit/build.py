"""The audit end to end: figures in SQL, topics and gaps, the tables, the summary and the report."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from fern_pipeline.audit.drafts import (
    DRAFTS_FOLDER,
    PER_TOPIC,
    Draft,
    build_drafts,
    drafts_table,
    write_drafts,
)
from fern_pipeline.audit.help_center import (
    COVERED_FROM,
    Article,
    HelpCenterError,
    Match,
    embed_questions,
    load_articles,
    match_articles,
)
from fern_pipeline.audit.history import record_history
from fern_pipeline.audit.keywords import languages
from fern_pipeline.audit.queries import records, run, sql
from fern_pipeline.audit.report import write_report
from fern_pipeline.audit.summary import markdown_summary
from fern_pipeline.audit.topics import EMBED_SAMPLE, TopicModel, fit_topics
from fern_pipeline.audit.view import read_view
from fern_pipeline.config import ProjectConfig, ThemeCategory
from fern_pipeline.store.lake import committed
from fern_pipeline.store.schema import ensure_schema
from fern_pipeline.store.transaction import transaction

#: The tables the audit writes, all replaced together in one transaction.
AUDIT_TABLES = (
    "audit_conversations",
    "audit_topics",
    "audit_themes",
    "audit_summary",
    "audit_daily",
    "audit_activity",
    "audit_format_errors",
    "audit_drafts",
    "audit_topic_weeks",
    "audit_theme_weeks",
    "audit_topic_changes",
    "audit_article_changes",
)
REPORT_FILE = "audit_report.html"
#: Conversations read to find the topics: more than are embedded, as some ask the very same thing.
FIT_SAMPLE = 4 * EMBED_SAMPLE
#: Conversations assigned to topics per batch, so memory stays bounded however many there are.
ASSIGN_BATCH = 20_000
#: A thread of this many turns or more counts as long (part of a topic's pain).
LONG_THREAD_TURNS = 5

ASSIGNMENTS = pa.schema(
    [
        ("source", pa.string()),
        ("conversation_id", pa.string()),
        ("topic_id", pa.int64()),
        ("theme_id", pa.int64()),
        ("topic_score", pa.float64()),
        ("language", pa.string()),
    ]
)
KEYWORDS_BY_LANGUAGE = pa.list_(pa.struct([("language", pa.string()), ("keywords", pa.list_(pa.string()))]))
TOPIC_TERMS = pa.schema(
    [
        ("topic_id", pa.int64()),
        ("theme_id", pa.int64()),
        ("is_other", pa.bool_()),
        ("label", pa.string()),
        ("keywords", pa.list_(pa.string())),
        ("keywords_by_language", KEYWORDS_BY_LANGUAGE),
        ("article_title", pa.string()),
        ("article_url", pa.string()),
        ("coverage", pa.float64()),
        ("closest_article_title", pa.string()),
        ("closest_article_url", pa.string()),
    ]
)
THEME_TERMS = pa.schema(
    [
        ("theme_id", pa.int64()),
        ("kind", pa.string()),
        ("label", pa.string()),
        ("keywords", pa.list_(pa.string())),
        ("keywords_by_language", KEYWORDS_BY_LANGUAGE),
    ]
)


@dataclass(frozen=True)
class AuditSettings:
    """What the audit covers and what it compares the topics against."""

    window_days: int = 90
    #: Last instant covered; None means the newest message loaded (so fixed-date data never looks empty).
    end: datetime | None = None
    #: How long before ``end`` (or the newest message) the audit ends: an audit as it was then.
    back: timedelta = timedelta(0)
    #: Most topics kept (the largest; the rest go to "other"); None keeps every topic found.
    max_topics: int | None = None
    #: The team's own categories: conversations are themed by them first (``audit.themes``).
    categories: tuple[ThemeCategory, ...] = ()
    articles: tuple[Article, ...] = ()
    #: Why the configured help center could not be read, if it could not (the audit goes on without it).
    help_center_error: str | None = None
    #: Where the HTML report is written; None writes none.
    report_path: Path | None = None

    @classmethod
    def from_config(cls, config: ProjectConfig) -> "AuditSettings":
        """Settings from the project configuration; reads the help center (call before opening DuckDB)."""
        articles: tuple[Article, ...] = ()
        error = None
        try:
            articles = load_articles(config.help_center)
        except HelpCenterError as failure:
            error = str(failure)
        return cls(
            window_days=config.audit.window_days,
            end=config.audit.end,
            max_topics=config.audit.max_topics,
            categories=config.audit.themes,
            articles=articles,
            help_center_error=error,
            report_path=config.database.parent / REPORT_FILE,
        )


@dataclass(frozen=True)
class AuditResult:
    """What one audit produced, for the asset's metadata and the command line."""

    window_start: datetime
    window_end: datetime
    conversations: int
    topics: int
    themes: int
    row_counts: dict[str, int]
    markdown: str
    report_path: Path | None
    #: The headline figures for all sources, by metric (as in ``audit_summary`` where source = '*').
    figures: dict[str, float | None] = field(default_factory=dict)
    #: Articles the topics were compared against.
    articles: int = 0
    #: What the audit could not do, e.g. read the help center.
    warnings: tuple[str, ...] = field(default=())


def _window(connection: duckdb.DuckDBPyConnection, settings: AuditSettings) -> tuple[datetime, datetime]:
    end = settings.end
    if end is None:
        [(newest,)] = connection.execute(sql("newest_message")).fetchall()
        end = newest or datetime.now(UTC)
    end = end.astimezone(UTC) - settings.back
    return end - timedelta(days=settings.window_days), end


def _fit(connection: duckdb.DuckDBPyConnection, settings: AuditSettings) -> TopicModel | None:
    sample = connection.execute(sql("user_texts_sample"), {"sample_size": FIT_SAMPLE}).fetchall()
    return fit_topics(
        [text for _, _, text in sample], max_topics=settings.max_topics, categories=settings.categories
    )


def _assign(connection: duckdb.DuckDBPyConnection, model: TopicModel | None) -> pa.Table:
    """Every conversation's topic (1 = largest), similarity to it and language, batch by batch."""
    batches = []
    reader = connection.sql(sql("user_texts")).fetch_arrow_reader(ASSIGN_BATCH)
    for batch in reader:
        texts = batch.column("text").to_pylist()
        if model is None:
            topic = np.full(len(texts), -1)
            score = np.zeros(len(texts))
            theme = topic
        else:
            topic, score = model.assign(texts)
            themes = np.array([item.theme for item in model.topics] + [-1])
            theme = themes[topic]
        topic_id = pa.array(topic + 1, mask=topic < 0, type=pa.int64())
        batches.append(
            pa.record_batch(
                [
                    batch.column("source"),
                    batch.column("conversation_id"),
                    topic_id,
                    pa.array(theme + 1, mask=topic < 0, type=pa.int64()),
                    pa.array(score, mask=topic < 0, type=pa.float64()),
                    pa.array(languages(texts), type=pa.string()),
                ],
                schema=ASSIGNMENTS,
            )
        )
    return pa.Table.from_batches(batches, schema=ASSIGNMENTS)


def _matches(samples: list[dict[str, Any]], topics: int, articles: tuple[Article, ...]) -> list[Match]:
    """Per topic, the article that answers the questions of its sampled conversations (their first
    customer message: the question as asked, without the follow-ups), if any."""
    if not articles:
        return [Match(None, 0.0)] * topics
    asked: list[list[str]] = [[] for _ in range(topics)]
    for row in samples:
        if row["question"]:
            asked[row["topic_id"] - 1].append(row["question"])
    vectors = embed_questions([question for questions in asked for question in questions])
    ends = np.cumsum([len(questions) for questions in asked])
    return match_articles(np.split(vectors, ends[:-1]), articles)


def _topic_terms(model: TopicModel | None, matches: list[Match], articles: tuple[Article, ...]) -> pa.Table:
    if model is None:
        return TOPIC_TERMS.empty_table()
    rows = [
        {
            "topic_id": index + 1,
            "theme_id": topic.theme + 1,
            "is_other": topic.is_other,
            "label": topic.label,
            "keywords": list(topic.all_keywords),
            "keywords_by_language": [
                {"language": language, "keywords": list(words)} for language, words in topic.keywords
            ],
            "article_title": match.article.title if match.article else None,
            "article_url": match.article.url if match.article else None,
            "coverage": match.coverage if articles else None,
            "closest_article_title": match.closest.title if match.closest else None,
            "closest_article_url": match.closest.url if match.closest else None,
        }
        for index, (topic, match) in enumerate(zip(model.topics, matches, strict=True))
    ]
    return pa.Table.from_pylist(rows, schema=TOPIC_TERMS)


def _theme_terms(model: TopicModel | None) -> pa.Table:
    if model is None:
        return THEME_TERMS.empty_table()
    rows = [
        {
            "theme_id": index + 1,
            "kind": theme.kind,
            "label": theme.label,
            "keywords": list(theme.all_keywords),
            "keywords_by_language": [
                {"language": language, "keywords": list(words)} for language, words in theme.keywords
            ],
        }
        for index, theme in enumerate(model.themes)
    ]
    return pa.Table.from_pylist(rows, schema=THEME_TERMS)


def build_audit(connection: duckdb.DuckDBPyConnection, settings: AuditSettings) -> AuditResult:
    """Audit the conversations in ``connection`` and replace the audit tables in one transaction.

    On a lake, a commit that lost a race to another audit is made again (see
    :func:`~fern_pipeline.store.lake.committed`). Writes the HTML report to ``settings.report_path``
    when one is given.
    """
    ensure_schema(connection)
    start, end = _window(connection, settings)
    window = {"window_start": start, "window_end": end}
    fetch_window = {"window_start": start, "fetch_end": settings.end}
    run(connection, "conversation_figures", **window)
    run(connection, "daily", **window)
    run(connection, "activity")
    run(connection, "format_errors", **fetch_window)
    run(connection, "summary", **fetch_window, window_days=settings.window_days)
    model = _fit(connection, settings)

    drafts: list[Draft] = []

    def write_tables() -> None:
        with transaction(connection) as stage:
            stage("audit_assignments", _assign(connection, model))
            samples = records(connection, "topic_samples", per_topic=PER_TOPIC)
            matches = _matches(samples, len(model.topics) if model else 0, settings.articles)
            stage("audit_topic_terms", _topic_terms(model, matches, settings.articles))
            stage("audit_theme_terms", _theme_terms(model))
            run(
                connection,
                "topics",
                midpoint=start + (end - start) / 2,
                long_thread_turns=LONG_THREAD_TURNS,
                covered_from=COVERED_FROM,
            )
            run(connection, "themes")
            drafts[:] = build_drafts(records(connection, "draft_topics"), samples)
            stage("audit_staged_drafts", drafts_table(drafts))
            record_history(connection, stage, model, (start, end), settings.articles)
            connection.execute(sql("write_tables"))

    committed(connection, write_tables, what="the audit")
    connection.execute(sql("drop_staged"))
    row_counts = {
        table: connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] for table in AUDIT_TABLES
    }
    warnings = () if settings.help_center_error is None else (settings.help_center_error,)
    view = read_view(connection, start=start, end=end, warnings=warnings)
    report = None
    if settings.report_path is not None:
        write_drafts(drafts, settings.report_path.parent / DRAFTS_FOLDER)
        report = write_report(view, settings.report_path)
    return AuditResult(
        window_start=start,
        window_end=end,
        conversations=row_counts["audit_conversations"],
        topics=row_counts["audit_topics"],
        themes=row_counts["audit_themes"],
        row_counts=row_counts,
        markdown=markdown_summary(view, report=None if report is None else str(report)),
        report_path=settings.report_path,
        figures=view.figures,
        articles=len(settings.articles),
        warnings=warnings,
    )
