"""A project with personal data in its conversations: a config file, its key, and a document to load."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dagster as dg
import pytest
import yaml

from fern_pipeline.config import ProjectConfig, load_config
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.definitions import build_definitions

KEY_ENV = "FERN_TEST_PSEUDONYM_KEY"
KEY = "a test key of more than sixteen bytes"
NOW = datetime.now(UTC)
RECENT = (NOW - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
OLD = (NOW - timedelta(days=400)).strftime("%Y-%m-%dT%H:%M:%SZ")

ALICE = "alice.example@example.com"
ALICE_PHONE = "030/1234567"
IBAN = "DE89 3704 0044 0532 0130 00"
CARD = "4111 1111 1111 1111"
CAROL = "carol@example.org"
EVE = "eve@example.net"
#: Every clear value the document holds: none of it may be stored while masking is on.
CLEAR = (ALICE, ALICE_PHONE, IBAN, CARD, CAROL, EVE)


def _message(message_id: str, role: str, content: object, created: str) -> dict[str, Any]:
    return {"id": message_id, "role": role, "content": content, "createdAt": created}


def pii_document() -> dict[str, Any]:
    """Alice's and Bob's recent conversations, Carol's old one, and Eve's rejected one (an e-mail as role)."""
    return {
        "conversations": [
            {
                "id": "alice-1",
                "lastMessageAt": RECENT,
                "messages": [
                    _message("a1", "user", f"Hi, I am {ALICE}, call me on {ALICE_PHONE}.", RECENT),
                    _message("a2", "agent", "Thanks, we will call you back.", RECENT),
                ],
            },
            {
                "id": "bob-1",
                "lastMessageAt": RECENT,
                "messages": [_message("b1", "user", f"Refund to {IBAN} please, not to card {CARD}.", RECENT)],
            },
            {
                "id": "carol-1",
                "lastMessageAt": OLD,
                "messages": [_message("c1", "user", f"Old question from {CAROL}, version 2.14.1", OLD)],
            },
            {
                "id": "eve-1",
                "lastMessageAt": RECENT,
                "messages": [_message("e1", EVE, f"Write to {EVE}", RECENT)],
            },
        ]
    }


WriteProject = Callable[..., ProjectConfig]


@pytest.fixture
def write_project(tmp_path: Path, file_source: Callable[..., Any]) -> WriteProject:
    """A config file for the PII document with the given ``privacy`` (and per-source ``own``), read back;
    its warehouse the DuckDB file, or ``lake`` when given."""

    def write(
        privacy: dict[str, Any] | None = None,
        own: dict[str, Any] | None = None,
        lake: LakeConfig | None = None,
    ) -> ProjectConfig:
        source = file_source(pii_document())
        entry: dict[str, Any] = {"name": source.name, "url": source.url}
        if own is not None:
            entry["privacy"] = own
        raw: dict[str, Any] = {"database": "data/fern.duckdb", "sources": [entry]}
        if privacy is not None:
            raw["privacy"] = privacy
        if lake is not None:
            raw["lake"] = lake.model_dump(exclude_none=True)
        path = tmp_path / "fern_sources.yaml"
        path.write_text(yaml.safe_dump(raw), encoding="utf-8")
        return load_config(path)

    return write


def materialized(
    project: ProjectConfig, instance: dg.DagsterInstance
) -> tuple[dg.ExecuteInProcessResult, str]:
    """Materialize every asset and check of ``project``: the run's result, and every event of it as text."""
    defs = build_definitions(project)
    result = dg.materialize(
        [*defs.assets, *defs.asset_checks],  # type: ignore[list-item]
        resources=defs.resources,
        instance=instance,
        raise_on_error=False,
    )
    return result, "\n".join(repr(entry) for entry in instance.all_logs(result.run_id))
