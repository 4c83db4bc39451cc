"""The audit as Markdown for Dagster's UI: headline figures, top topics, help-center gaps, format errors."""

from typing import Any

from fern_pipeline.audit.drafts import DRAFTS_FOLDER
from fern_pipeline.audit.view import NOTHING, AuditView, share
from fern_pipeline.markdown import escape, markdown_table

TOP_TOPICS = 10
#: Keywords that name a topic here.
NAMING_KEYWORDS = 4


def topic_name(topic: dict[str, Any]) -> str:
    """A topic named by its first keywords, e.g. ``password · reset · passwort``.

    Not by the question that labels it in the tables and the report: Dagster keeps this summary
    beyond the reach of retention and erasure, so it quotes no customer message.
    """
    return " · ".join(topic["keywords"][:NAMING_KEYWORDS]) or f"topic {topic['topic_id']}"


def markdown_summary(view: AuditView, report: str | None = None) -> str:
    """The Markdown summary of ``view``: figures, topics by keywords, gaps; all text in it escaped."""
    days = (view.end - view.start).days
    lines = [
        f"## Support audit: {view.start:%Y-%m-%d} to {view.end:%Y-%m-%d} ({days} days)",
        "",
    ]
    lines += [f"> **Warning:** {escape(warning)}" for warning in view.warnings]
    names = ["all sources" if source == "*" else escape(source) for source in view.sources]
    lines.append(
        markdown_table(
            ["figure", *names],
            [[name, *values] for name, values in view.headlines],
            ["---", *("---:" for _ in names)],
        )
    )
    lines += ["", "### Top topics, by priority", ""]
    if view.topics:
        lines.append(
            markdown_table(
                [
                    "#",
                    "topic",
                    "conversations",
                    "share",
                    "trend",
                    "median turns",
                    "unanswered",
                    "article",
                    "coverage",
                ],
                [
                    [
                        str(topic["priority_rank"]),
                        f"**{escape(topic_name(topic))}**",
                        f"{topic['conversation_count']:,}",
                        share(topic["share"]),
                        topic["trend_text"],
                        f"{topic['median_turns']:.1f}",
                        share(topic["unanswered_share"]),
                        escape(topic["article_title"]) if topic["article_title"] else NOTHING,
                        share(topic["coverage"]),
                    ]
                    for topic in view.topics[:TOP_TOPICS]
                ],
                ["--:", "---", "--:", "--:", "---", "--:", "--:", "---", "--:"],
            )
        )
    else:
        lines.append("No conversation in the window had words to group by.")
    lines += ["", "### Help-center gaps", ""]
    if not view.has_articles:
        lines.append(
            "No help center is configured (`help_center:`): the topics above are the articles to write."
        )
    for action, title in (("write", "Articles to write first"), ("update", "Articles to update")):
        gaps = view.gaps(action)
        if not view.has_articles:
            break
        lines.append(f"**{title}:**" + ("" if gaps else " none"))
        lines += [
            f"{index}. **{escape(topic_name(topic))}** ({topic['conversation_count']:,} conversations"
            + (
                f"; update “{escape(topic['article_title'])}”, coverage {share(topic['coverage'])})"
                if action == "update"
                else "; no article answers it)"
            )
            + (", draft " + escape(f"{DRAFTS_FOLDER}/{topic['draft_file']}") if topic["draft_file"] else "")
            for index, topic in enumerate(gaps[:TOP_TOPICS], start=1)
        ]
        if len(gaps) > TOP_TOPICS:
            lines.append(f"\nand {len(gaps) - TOP_TOPICS} more in the report.")
        lines.append("")
    lines += ["", "### Format errors by code", ""]
    if view.format_errors:
        lines.append(
            markdown_table(
                ["code", "errors"],
                [[escape(code), f"{count:,}"] for code, count in view.format_errors],
                ["---", "--:"],
            )
        )
    else:
        lines.append("No format errors in the window.")
    if report:
        lines += ["", f"Full report: {escape(report)}"]
    return "\n".join(lines) + "\n"
