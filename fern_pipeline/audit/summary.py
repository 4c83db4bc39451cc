"""The audit as Markdown for Dagster's UI: headline figures, top topics, help-center gaps, format errors."""

import re

from fern_pipeline.audit.view import NOTHING, AuditView, share

#: Characters that Markdown would read as syntax; each is written escaped.
MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
TOP_TOPICS = 10


def escape(text: object) -> str:
    """``text`` as literal Markdown on one line: syntax escaped, HTML neutralised, newlines as spaces."""
    plain = " ".join(str(text).split())
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SYNTAX.sub(r"\\\1", plain)


def _table(header: list[str], body: list[list[str]], align: list[str]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(align) + "|",
        *("| " + " | ".join(row) + " |" for row in body),
    ]


def markdown_summary(view: AuditView, report: str | None = None) -> str:
    """The Markdown summary of ``view``; every piece of customer text in it is escaped."""
    days = (view.end - view.start).days
    lines = [
        f"## Support audit: {view.start:%Y-%m-%d} to {view.end:%Y-%m-%d} ({days} days)",
        "",
    ]
    lines += [f"> **Warning:** {escape(warning)}" for warning in view.warnings]
    names = ["all sources" if source == "*" else escape(source) for source in view.sources]
    lines += _table(
        ["figure", *names],
        [[name, *values] for name, values in view.headlines],
        ["---", *("---:" for _ in names)],
    )
    lines += ["", "### Top topics, by priority", ""]
    if view.topics:
        lines += _table(
            [
                "#",
                "topic",
                "conversations",
                "share",
                "trend",
                "median turns",
                "unanswered",
                "best article",
                "coverage",
            ],
            [
                [
                    str(topic["priority_rank"]),
                    f"**{escape(topic['label'])}**",
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
    else:
        lines.append("No conversation in the window had words to group by.")
    lines += ["", "### Help-center gaps", ""]
    if not view.has_articles:
        lines.append(
            "No help center is configured (`help_center:`): the topics above are the articles to write."
        )
    for action, title in (("write", "Articles to write"), ("update", "Articles to update")):
        gaps = view.gaps(action)
        if not view.has_articles:
            break
        lines.append(f"**{title}:**" + ("" if gaps else " none"))
        lines += [
            f"{index}. **{escape(topic['label'])}** ({topic['conversation_count']:,} conversations"
            + (
                f"; update “{escape(topic['article_title'])}”, coverage {share(topic['coverage'])})"
                if action == "update"
                else f"; best article covers {share(topic['coverage'])})"
            )
            for index, topic in enumerate(gaps, start=1)
        ]
        lines.append("")
    lines += ["", "### Format errors by code", ""]
    if view.format_errors:
        lines += _table(
            ["code", "errors"],
            [[escape(code), f"{count:,}"] for code, count in view.format_errors],
            ["---", "--:"],
        )
    else:
        lines.append("No format errors in the window.")
    if report:
        lines += ["", f"Full report: {escape(report)}"]
    return "\n".join(lines) + "\n"
