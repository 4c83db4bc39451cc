"""Masking and retention at load: nothing personal is stored in clear, old conversations go, all is logged."""

import json
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.config import ProjectConfig
from fern_pipeline.errors import ConfigError
from fern_pipeline.ingest.masking.mask import Masker
from fern_pipeline.ingest.masking.pseudonym import Pseudonyms
from fern_pipeline.ingest.masking.settings import privacy_settings
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.privacy.conftest import ALICE, CLEAR, EVE, KEY, KEY_ENV, WriteProject

MASKER = Masker(Pseudonyms(KEY.encode()))
ENVIRON = {KEY_ENV: KEY}


def load(project: ProjectConfig, environ: dict[str, str] = ENVIRON) -> dict[str, object]:
    source = project.sources[0]
    return load_into(
        project.database, prepare(source, privacy=privacy_settings(project, source.name, environ))
    )


def log_rows(database: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(database)) as connection:
        return connection.execute(
            "SELECT action, source, setting, selector, conversations, messages, format_errors "
            "FROM privacy_log ORDER BY logged_at, action"
        ).fetchall()


def test_masking_on_stores_no_personal_value_anywhere_in_the_file(write_project: WriteProject) -> None:
    project = write_project({"mask": True, "key_env": KEY_ENV})
    row = load(project)
    assert row["status"] == "partial"
    data = project.database.read_bytes()
    wal = project.database.with_name(project.database.name + ".wal")
    for value in CLEAR:
        assert value.encode() not in data
        assert not wal.exists() or value.encode() not in wal.read_bytes()
    with duckdb.connect(str(project.database)) as connection:
        contents = dict(connection.execute("SELECT message_id, content FROM messages").fetchall())
        [(raw, message)] = connection.execute("SELECT raw, message FROM format_errors").fetchall()
        [(fetch_message,)] = connection.execute("SELECT message FROM fetches").fetchall()
    assert contents["a1"] == MASKER.text("Hi, I am alice.example@example.com, call me on 030/1234567.")
    assert contents["a1"].startswith("Hi, I am [email:") and "[phone:" in contents["a1"]
    assert contents["a2"] == "Thanks, we will call you back."
    assert "[iban:" in contents["b1"] and "[card:" in contents["b1"]
    assert json.loads(raw)["messages"][0] == {
        "id": "e1",
        "role": MASKER.text(EVE),
        "content": MASKER.text(f"Write to {EVE}"),
        "createdAt": json.loads(raw)["messages"][0]["createdAt"],
    }
    assert message == f"'{MASKER.text(EVE)}' is not a role: use user, agent or support_agent"
    assert MASKER.text(EVE) in fetch_message


def test_masking_off_stores_the_text_as_sent(write_project: WriteProject) -> None:
    project = write_project()
    load(project, {})
    assert ALICE.encode() in project.database.read_bytes()


def test_a_source_can_turn_off_the_projects_masking(write_project: WriteProject) -> None:
    project = write_project({"mask": True, "key_env": KEY_ENV}, own={"mask": False})
    load(project)
    with duckdb.connect(str(project.database)) as connection:
        [(content,)] = connection.execute("SELECT content FROM messages WHERE message_id = 'a1'").fetchall()
    assert ALICE in content


def test_every_masking_setting_change_leaves_one_row(write_project: WriteProject) -> None:
    project = write_project()
    load(project, {})
    load(project, {})
    masked = write_project({"mask": True, "key_env": KEY_ENV})
    load(masked)
    load(masked)
    load(masked, {KEY_ENV: "another key, also long enough"})
    settings = [row[2] for row in log_rows(project.database) if row[0] == "masking"]
    fingerprint = Pseudonyms(KEY.encode()).fingerprint
    other = Pseudonyms(b"another key, also long enough").fingerprint
    assert settings == ["off", f"on, key {fingerprint}", f"on, key {other}"]
    assert fingerprint not in KEY and len(fingerprint) == 10


def test_retention_at_load_deletes_old_conversations_with_their_rows(write_project: WriteProject) -> None:
    project = write_project({"retention_days": 365})
    load(project, {})
    with duckdb.connect(str(project.database)) as connection:
        ids = [
            id
            for (id,) in connection.execute("SELECT conversation_id FROM conversations ORDER BY 1").fetchall()
        ]
        [(old_messages,)] = connection.execute(
            "SELECT count(*) FROM messages WHERE conversation_id = 'carol-1'"
        ).fetchall()
    assert ids == ["alice-1", "bob-1"]
    assert old_messages == 0
    assert ("retention", "helpdesk", "365 days", None, 1, 1, 0) in log_rows(project.database)


def test_retention_removes_format_errors_fetched_before_the_cutoff(write_project: WriteProject) -> None:
    project = write_project()
    load(project, {})
    with duckdb.connect(str(project.database)) as connection:
        connection.execute("UPDATE format_errors SET fetched_at = fetched_at - INTERVAL 40 DAY")
    kept = write_project({"retention_days": 30})
    load(kept, {})
    with duckdb.connect(str(project.database)) as connection:
        [(count,)] = connection.execute("SELECT count(*) FROM format_errors").fetchall()
    # the second load's own rejection stays; the first one's, 40 days old, is gone
    assert count == 1
    assert ("retention", "helpdesk", "30 days", None, 1, 1, 1) in log_rows(project.database)


def test_masking_without_its_key_fails_before_fetching(write_project: WriteProject) -> None:
    project = write_project({"mask": True, "key_env": KEY_ENV})
    with pytest.raises(
        ConfigError, match=f"environment variable {KEY_ENV} holding the pseudonym key is not set"
    ):
        privacy_settings(project, "helpdesk", {})
