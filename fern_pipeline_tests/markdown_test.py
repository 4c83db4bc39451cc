"""Tests of Markdown escaping: text from endpoints and customers is shown, never interpreted."""

import pytest

from fern_pipeline.markdown import escape, markdown_table, table

CASES = [
    ("plain", "reset your password", "reset your password"),
    ("table cell break", "a | b", "a \\| b"),
    ("html", "<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
    ("link", "[click](https://evil.test)", "\\[click\\]\\(https://evil\\.test\\)"),
    ("emphasis and code", "**bold** _it_ `code`", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`"),
    ("block syntax and newline", "# heading\n- item", "\\# heading \\- item"),
    ("newlines", "line one\nline two\r\n", "line one line two"),
    ("backslash", "C:\\path", "C:\\\\path"),
    ("ampersand", "R&D", "R&amp;D"),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_a_table_escapes_every_cell_and_keeps_its_shape() -> None:
    rendered = table(["path", "message"], [("/conversations/0/id", "a | b\nc"), ("/x", 3)])
    assert rendered.splitlines() == [
        "| path | message |",
        "|---|---|",
        "| /conversations/0/id | a \\| b c |",
        "| /x | 3 |",
    ]


def test_a_markdown_table_keeps_its_cells_and_alignment() -> None:
    rendered = markdown_table(["topic", "count"], [["**refunds**", "12"]], ["---", "--:"])
    assert rendered.splitlines() == ["| topic | count |", "|---|--:|", "| **refunds** | 12 |"]
