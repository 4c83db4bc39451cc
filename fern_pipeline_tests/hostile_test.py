"""Hostile customer text: stored exactly as sent, and never acted on where the command shows it."""

import json
from pathlib import Path

import duckdb
import orjson
import pytest
from click.testing import CliRunner

from fern_pipeline.cli import main
from fern_pipeline_tests.malformed import valid_conversation

HOSTILE = {
    "script": "<script>alert(document.cookie)</script>",
    "html attribute": '<img src=x onerror="alert(1)"> &amp; &lt;',
    "markdown": "**bold** _it_ [click](javascript:alert(1)) | a | b |\n|---|---|\n# heading",
    "sql": "'); DROP TABLE messages; --",
    "sql quotes": "Robert\"); DELETE FROM conversations WHERE ('1'='1",
    "nul": "before\x00after",
    "terminal escapes": "\x1b[2J\x1b[31mred\x1b[0m\x9b31m",
    "line breaks": "first\r\nInjected: header\rreturn",
    "bidi override": "invoice\u202egnp.exe",
    "controls": "\x07bell\x08back\x7fdel",
    "templates": "{{ env.HOME }} ${HOME} $(id) %s%n",
    "scripts and emoji": "Grüße, 中文, عربى, 🙂👍🏽",
    "long": "ab" * 50_000,
}
BAD_ROLE = "\x1b[31mbot\u202e"


def messages_of(text: str) -> dict:
    conversation = valid_conversation("c1", text)
    conversation["url"] = "https://support.example.com/<b>" + text[:50]
    return conversation


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_text_is_stored_verbatim_and_the_output_stays_printable(
    text: str, tmp_path: Path, database: Path
) -> None:
    hostile_id = {**valid_conversation(text[:200] or "x", text), "lastMessageAt": "2025-01-03T00:00:00Z"}
    rejected = valid_conversation("c9", text)
    rejected["messages"][1]["role"] = BAD_ROLE
    rejected["messages"][0]["id"] = text[:100]
    document = {"conversations": [messages_of(text), hostile_id, rejected]}
    export = tmp_path / "export.json"
    export.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    result = CliRunner().invoke(
        main, ["load", export.as_uri(), "--name", "shop", "--database", str(database)]
    )

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("partial: loaded 2 conversations and 4 messages")
    assert all(line.isprintable() for line in result.stdout.splitlines())
    assert "\\x1b[31mbot\\u202e" in result.stdout
    with duckdb.connect(str(database), read_only=True) as connection:
        stored = connection.execute(
            "SELECT conversation_id, url, message_id, content FROM messages JOIN conversations"
            " USING (source, conversation_id) ORDER BY conversation_id, position"
        ).fetchall()
        [(raw,)] = connection.execute("SELECT DISTINCT raw FROM format_errors").fetchall()
    sent = sorted(
        (str(item["id"]), item.get("url"), message["id"], message["content"])
        for item in document["conversations"][:2]
        for message in item["messages"]
    )
    assert sorted(stored) == sent
    assert orjson.loads(raw) == rejected
