"""Markdown for Dagster's UI: text from endpoints and customers escaped, and tables."""

import re
from collections.abc import Iterable, Sequence

#: Characters that Markdown would read as syntax; each is written escaped.
MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def escape(text: object) -> str:
    """``text`` as literal Markdown on one line: syntax escaped, HTML neutralised, newlines as spaces."""
    plain = " ".join(str(text).split())
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SYNTAX.sub(r"\\\1", plain)


def markdown_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[str] | None = None
) -> str:
    """A table of cells that are Markdown already; ``align`` holds each column's ``---``, ``--:``…"""
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(align or ["---"] * len(header)) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A table of literal text: every cell escaped."""
    return markdown_table([escape(cell) for cell in header], ([escape(cell) for cell in row] for row in rows))
