"""Tests of the demo data: the committed files are what the generator writes, and they look like support."""

import json
from pathlib import Path
from typing import Any

import pytest

from fern_pipeline.demo import DEMO_DATA
from fern_pipeline.demo.generate import ARTICLES, SOURCES, Source, write_demo
from fern_pipeline.ingest.check import check_document

DEMO = DEMO_DATA.parent
GENERATED = ("data/*.json", "help_center/*.md")


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for pattern in GENERATED
        for path in sorted(root.glob(pattern))
    }


def _document(source: Source) -> dict[str, Any]:
    return json.loads((DEMO_DATA / f"{source.name}.json").read_text(encoding="utf-8"))


def _texts(document: dict[str, Any]) -> list[str]:
    texts = []
    for conversation in document["conversations"]:
        messages = conversation["messages"]
        for message in messages.values() if isinstance(messages, dict) else messages:
            if isinstance(message.get("content"), str):
                texts.append(message["content"])
    return texts


def test_the_committed_demo_is_exactly_what_the_generator_writes(tmp_path: Path) -> None:
    write_demo(tmp_path)
    generated = _files(tmp_path)
    committed = _files(DEMO)
    assert sorted(committed) == sorted(generated), "run: python -m fern_pipeline.demo.generate"
    for name, content in generated.items():
        assert committed[name] == content, f"{name} drifted from the generator; regenerate it"


@pytest.mark.parametrize("source", SOURCES, ids=[source.name for source in SOURCES])
def test_each_export_looks_like_a_support_tool(source: Source) -> None:
    document = _document(source)
    conversations = document["conversations"]
    assert 200 <= len(conversations) <= 300
    texts = " ".join(_texts(document))
    assert "Bestellung" in texts or "Rechnung" in texts
    assert " the " in texts and " ich " in texts
    unanswered = [
        item
        for item in conversations
        if isinstance(item["messages"], list) and {m["role"] for m in item["messages"]} == {"user"}
    ]
    assert unanswered
    roles = {
        m["role"] for item in conversations if isinstance(item["messages"], list) for m in item["messages"]
    }
    assert {"user", "agent", "support_agent", "Agent", "bot"} <= roles
    assert any(isinstance(item["id"], int) for item in conversations)


@pytest.mark.parametrize("source", SOURCES, ids=[source.name for source in SOURCES])
def test_exactly_the_deliberately_malformed_conversations_are_rejected(source: Source) -> None:
    checked = check_document(_document(source), url=f"file:///{source.name}.json")
    rejected = {rejected.item["id"]: len(rejected.errors) for rejected in checked.rejected}
    assert rejected == dict.fromkeys(source.defects, 1)


def test_the_help_center_has_titled_articles() -> None:
    articles = sorted((DEMO / "help_center").glob("*.md"))
    assert len(articles) == len(ARTICLES)
    assert 8 <= len(articles) <= 10
    for article in articles:
        lines = article.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# ")
        assert len([line for line in lines if line and not line.startswith(("# ", "url: "))]) >= 1
