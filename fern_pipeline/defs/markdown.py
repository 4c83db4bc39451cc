"""Markdown for the Dagster UI: text from endpoints escaped, and small tables."""

from collections.abc import Iterable, Sequence

#: Characters that Markdown (or the HTML it may contain) would read as syntax.
_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "<": "&lt;",
        ">": "&gt;",
        "\r": " ",
        "\n": " ",
    }
)


def escape(text: object) -> str:
    """``text`` as literal Markdown: no link, emphasis, code, HTML or table cell break it can start."""
    return str(text).translate(_ESCAPES)


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table; every cell escaped."""
    lines = [
        "| " + " | ".join(escape(cell) for cell in header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)
