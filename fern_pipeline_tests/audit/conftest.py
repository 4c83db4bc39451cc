"""A small audited database whose every figure is worked out by hand in the tests."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from fern_pipeline.config import ProjectConfig, SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into


def message(message_id: str, role: str, created_at: str, content: str) -> dict[str, Any]:
    return {"id": message_id, "role": role, "content": content, "createdAt": created_at}


def thread(conversation_id: str, *messages: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": conversation_id,
        "lastMessageAt": max(item["createdAt"] for item in messages),
        "messages": list(messages),
    }


#: 2026-11-10 is a Tuesday. The newest message (s2's last) ends the default 30-day window at
#: 2026-11-19T21:00Z, so h_old (September) falls outside it.
HELPDESK = {
    "conversations": [
        thread(
            "h1",
            message("h1a", "user", "2026-11-10T09:00:00Z", "I forgot my password, the reset link fails"),
            message("h1b", "agent", "2026-11-10T09:10:00Z", "Sorry! Try this link."),
            message("h1c", "user", "2026-11-10T09:20:00Z", "The reset link still fails"),
            message("h1d", "support_agent", "2026-11-10T10:00:00Z", "Fixed on our side."),
        ),
        thread(
            "h2",
            message("h2a", "user", "2026-11-11T14:00:00Z", "Password reset email never arrives"),
            message("h2b", "user", "2026-11-11T14:05:00Z", "Still no reset email"),
            message("h2c", "agent", "2026-11-11T16:00:00Z", "Sent again."),
        ),
        thread(
            "h3",
            message(
                "h3a", "user", "2026-11-12T09:30:00Z", "<script>alert('pwned')</script> | **bold** [x](y)"
            ),
        ),
        thread(
            "h4",
            message("h4a", "agent", "2026-11-13T08:00:00Z", "Your trial ends soon."),
            message("h4b", "user", "2026-11-13T08:30:00Z", "How do I reset my password before it ends?"),
            message("h4c", "agent", "2026-11-13T09:00:00Z", "Use the reset link."),
            message("h4d", "user", "2026-11-13T09:15:00Z", "Thanks, and the invoice?"),
        ),
        thread("h_old", message("hoa", "user", "2026-09-01T12:00:00Z", "Old password question")),
    ]
}
SHOP = {
    "conversations": [
        thread(
            "s1",
            message("s1a", "user", "2026-11-10T09:45:00Z", "Wo ist meine Bestellung? Die Sendungsverfolgung"),
            message("s1b", "agent", "2026-11-10T10:45:00Z", "Sie kommt morgen."),
        ),
        thread(
            "s2",
            message("s2a", "user", "2026-11-18T20:00:00Z", "Meine Bestellung ist nicht angekommen"),
            message("s2b", "agent", "2026-11-19T20:00:00Z", "Wir prüfen das."),
            message("s2c", "agent", "2026-11-19T21:00:00Z", "Neu versendet."),
        ),
        {
            "id": "bad",
            "lastMessageAt": "2026-11-12T00:00:00Z",
            "messages": [
                {"id": "b1", "role": "customer", "content": "x", "createdAt": "2026-11-12T00:00:00Z"}
            ],
        },
    ]
}


@pytest.fixture
def loaded(file_source: Callable[..., SourceConfig], database: Path) -> Path:
    """The database with both fixture sources loaded (one fetch each, the shop's with a rejected item)."""
    for name, document in (("helpdesk", HELPDESK), ("shop", SHOP)):
        load_into(database, prepare(file_source(document, name=name)))
    return database


@pytest.fixture
def connect(loaded: Path) -> Callable[[], duckdb.DuckDBPyConnection]:
    return lambda: duckdb.connect(str(loaded))


def audited_project(tmp_path: Path, **settings: Any) -> ProjectConfig:
    """HELPDESK and SHOP as file sources under ``tmp_path``, and ``settings`` (lake, help_center)."""
    sources = []
    for name, document in (("helpdesk", HELPDESK), ("shop", SHOP)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(document))
        sources.append(SourceConfig(name=name, url=path.as_uri()))
    return ProjectConfig(database=tmp_path / "data" / "fern.duckdb", sources=sources, **settings)
