"""With masking on, no personal value the endpoint put anywhere is kept or printed in clear, whole or cut."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest
import yaml
from click.testing import CliRunner

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.cli import main
from fern_pipeline.config import SourceConfig, load_config
from fern_pipeline.errors import FormatError, quote
from fern_pipeline.ingest.masking.mask import Masker
from fern_pipeline.ingest.masking.pseudonym import Pseudonyms
from fern_pipeline_tests.privacy.conftest import KEY, KEY_ENV, RECENT, materialized
from fern_pipeline_tests.privacy.search import files, folder_bytes, found, table_text

#: A long role, as the issue found it: cut at 40 characters, the address no longer looks like one.
ROLE = "Erika Mustermann <erika.mustermann@example.org>"
#: Each planted value, by the place the endpoint put it.
PLANTED = {
    "content": "Call 415-555-0132 or write to jonas.content@example.org, IBAN DE89 3704 0044 0532 0130 00",
    "role": ROLE,
    "conversation id": "lena.conversation-id@example.org",
    "message id": "paul.message-id@example.com",
    "url": "https://desk.example.com/c?customer=mia.url@example.net",
    "repeated message id": "message of the customer noah.repeated@example.org",
    "repeated conversation id": "conversation of the customer lea.repeated@example.de",
    "lastMessageAt": "yesterday, ask sophie.timestamp@example.com",
    "createdAt": "at noon from 020 7946 0958 (the office line)",
    "unknown key": "ben.unknown-key@example.org",
    "unknown key's value": "call 07700 900123 after six",
    "number as content": "4111111111111111",
    "malformed JSON": "lisa.malformed@example.org",
    "next page's URL": "https://elsewhere.example/page2?customer=emil.next%40example.org",
}
#: The personal values themselves, as customers wrote them: none may be found, whole or in part.
VALUES = [
    "415-555-0132",
    "jonas.content@example.org",
    "DE89 3704 0044 0532 0130 00",
    "DE89370400440532013000",
    "erika.mustermann@example.org",
    "lena.conversation-id@example.org",
    "paul.message-id@example.com",
    "mia.url@example.net",
    "noah.repeated@example.org",
    "lea.repeated@example.de",
    "sophie.timestamp@example.com",
    "020 7946 0958",
    "ben.unknown-key@example.org",
    "07700 900123",
    "4111111111111111",
    "lisa.malformed@example.org",
    "emil.next@example.org",
    "emil.next%40example.org",
]


def _message(
    message_id: object, content: object, *, role: str = "user", created: str = RECENT
) -> dict[str, Any]:
    return {"id": message_id, "role": role, "content": content, "createdAt": created}


def planted_document() -> dict[str, Any]:
    """One valid conversation and five rejected ones, holding a personal value in every place."""
    repeated = PLANTED["repeated conversation id"]
    return {
        "conversations": [
            {
                "id": PLANTED["conversation id"],
                "lastMessageAt": RECENT,
                "url": PLANTED["url"],
                "customerEmail": PLANTED["unknown key"],
                PLANTED["unknown key"]: PLANTED["unknown key's value"],
                "messages": [_message(PLANTED["message id"], PLANTED["content"])],
            },
            {"id": "role", "lastMessageAt": RECENT, "messages": [_message("m1", "Hallo", role=ROLE)]},
            {
                "id": "repeated-message",
                "lastMessageAt": RECENT,
                "messages": [
                    _message(PLANTED["repeated message id"], "a"),
                    _message(PLANTED["repeated message id"], "b"),
                ],
            },
            {"id": repeated, "lastMessageAt": RECENT, "messages": []},
            {"id": repeated, "lastMessageAt": RECENT, "messages": []},
            {
                "id": "timestamps",
                "lastMessageAt": PLANTED["lastMessageAt"],
                "note": PLANTED["unknown key's value"],
                "messages": [
                    _message("t1", "Hallo", created=PLANTED["createdAt"]),
                    _message("t2", int(PLANTED["number as content"])),
                ],
            },
        ]
    }


def malformed_body() -> bytes:
    """A document whose second conversation is not JSON: an address written without its quotes."""
    good = json.dumps({"id": "fine", "lastMessageAt": RECENT, "messages": []})
    return f'{{"conversations": [{good}, {{"id": "bad", "note": {PLANTED["malformed JSON"]}}}]}}'.encode()


def paged_body() -> bytes:
    """A document whose next page is on another origin, its URL naming a customer, percent-encoded."""
    good = {"id": "paged", "lastMessageAt": RECENT, "messages": []}
    return json.dumps({"conversations": [good], "next": PLANTED["next page's URL"]}).encode()


@pytest.fixture
def project_file(tmp_path: Path, file_source: Callable[..., SourceConfig]) -> Path:
    """A masked project of three sources: the planted document, a malformed one, and one whose next
    page's URL the failure quotes."""
    sources = [
        file_source(planted_document()),
        file_source(malformed_body(), name="broken"),
        file_source(paged_body(), name="paged"),
    ]
    raw = {
        "database": "data/fern.duckdb",
        "privacy": {"mask": True, "key_env": KEY_ENV, "phone_regions": ["DE", "US", "GB"]},
        "sources": [{"name": source.name, "url": source.url} for source in sources],
    }
    path = tmp_path / "fern_sources.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


def commands(config: Path) -> str:
    """Everything ``check`` and ``load`` print for both sources, plain and as JSON."""
    outputs = []
    for source in ("helpdesk", "broken", "paged"):
        for command in ("check", "load"):
            for extra in ([], ["--json"]):
                result = CliRunner().invoke(
                    main, [command, "--source", source, "--config", str(config), *extra], env={KEY_ENV: KEY}
                )
                assert result.exception is None or isinstance(result.exception, SystemExit), result.output
                outputs.append(result.output)
    return "\n".join(outputs)


def test_no_planted_value_is_kept_or_printed_in_clear_whole_or_cut(
    project_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    printed = commands(project_file)
    project = load_config(project_file)
    home = tmp_path / "dagster_home"
    home.mkdir()
    with dg.instance_for_test(temp_dir=str(home)) as instance:
        result, events = materialized(project, instance)
    assert not result.success  # the broken source fails, so the audit waits: it is built here
    with duckdb.connect(str(project.database)) as connection:
        report = build_audit(connection, AuditSettings.from_config(project)).report_path
    assert report is not None

    # every place was reached: the rejections, quoting their masked values, and the malformed fetch
    tables = table_text(project.database)
    for code in ("invalid_role", "duplicate_message_id", "duplicate_conversation_id", "invalid_timestamp"):
        assert code in tables
    assert "is not a role" in printed and "invalid_json" in printed
    assert "page2?customer=[email:" in printed
    assert report.is_file()

    assert found(VALUES, printed) == []
    assert found(VALUES, tables) == []
    assert found(VALUES, files(project.database)) == []
    assert found(VALUES, report.read_bytes()) == []
    assert found(VALUES, events) == []
    assert found(VALUES, folder_bytes(home)) == []
    assert "'Erika Mustermann <[email:" in printed  # the role is quoted, masked


def test_a_quote_is_masked_whole_and_then_cut() -> None:
    masker = Masker(Pseudonyms(KEY.encode()))
    error = FormatError.quoting("/conversations/0/messages/0/role", "invalid_role", ROLE, "{} is not a role")
    assert error.message == "'Erika Mustermann <erika.mustermann@examp' is not a role"
    masked = error.masked(masker.text)
    assert masked.message == f"{quote(masker.text(ROLE))} is not a role"
    assert masked.message.startswith("'Erika Mustermann <[email:") and "erika.must" not in masked.message
    assert masked == FormatError(error.path, error.code, masked.message)
    assert "erika" not in repr(FormatError("/", "invalid_role", "")) and "quoted" not in repr(error)
