"""Tests of Markdown escaping: text from endpoints is shown, never interpreted."""

import pytest

from fern_pipeline.defs.markdown import escape, table

CASES = [
    ("plain", "reset your password", "reset your password"),
    ("table cell break", "a | b", "a \\| b"),
    ("html", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("link", "[click](https://evil.test)", "\\[click\\](https://evil.test)"),
    ("emphasis and code", "*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
    ("newlines", "line one\nline two\r\n", "line one line two  "),
    ("backslash", "C:\\path", "C:\\\\path"),
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
