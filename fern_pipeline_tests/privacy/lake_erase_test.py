"""``fern-pipeline erase`` on a DuckLake: no row, data file or catalog entry keeps the erased text."""

import subprocess

import duckdb

from fern_pipeline.config import ProjectConfig
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.ingest.masking.pseudonym import Pseudonyms
from fern_pipeline_tests.privacy.conftest import ALICE, ALICE_PHONE, KEY, KEY_ENV, WriteProject
from fern_pipeline_tests.privacy.erase_test import cli
from fern_pipeline_tests.services import SERVICE_TIMEOUT, Postgres, postgres_bin
from fern_pipeline_tests.store.conftest import read

#: What Alice's first message holds beside her e-mail address.
ALICE_WORDS = b"call me on"


def data_files(lake: LakeConfig) -> bytes:
    """Every file under the lake's data path as a byte search would read it, then each Parquet file's
    rows decoded (its pages may be compressed, hiding a text from the byte search)."""
    assert lake.local_data_path is not None
    paths = sorted(path for path in lake.local_data_path.rglob("*") if path.is_file())
    with duckdb.connect() as connection:
        rows = [
            repr(connection.execute("SELECT * FROM read_parquet($path)", {"path": str(path)}).fetchall())
            for path in paths
            if path.suffix == ".parquet"
        ]
    return b"".join(path.read_bytes() for path in paths) + "".join(rows).encode()


def catalog_dump(postgres: Postgres, lake: LakeConfig) -> bytes:
    """The lake's catalog database in PostgreSQL, dumped whole (schema and every row) by pg_dump."""
    [database] = [part.removeprefix("dbname=") for part in lake.catalog.split() if part.startswith("dbname=")]
    return subprocess.run(
        [str(postgres_bin("pg_dump")), "-h", str(postgres.folder), "-p", str(postgres.port), "-U",
         postgres.user, database],
        check=True, capture_output=True, timeout=SERVICE_TIMEOUT,
    ).stdout  # fmt: skip


def loaded(write_project: WriteProject, lake: LakeConfig, postgres: Postgres) -> ProjectConfig:
    """The PII document loaded in clear into ``lake``, with a pseudonym key for the selector's hash."""
    project = write_project({"key_env": KEY_ENV}, lake=lake)
    code, output = cli(project, "load", "--source", "helpdesk")
    assert code == 0, output
    # the test can fail: Parquet keeps these short texts as they are, and the catalog's table
    # statistics hold Alice's message as the smallest value of messages.content
    assert ALICE.encode() in data_files(lake) and ALICE_WORDS in data_files(lake)
    assert ALICE.encode() in catalog_dump(postgres, lake)
    return project


def assert_alice_gone(postgres: Postgres, lake: LakeConfig) -> None:
    """(a) no row of the lake's tables, (b) no file under its data path, (c) nothing in its catalog."""
    assert read(lake, "SELECT conversation_id FROM conversations ORDER BY 1") == [("bob-1",), ("carol-1",)]
    assert read(lake, "SELECT count(*) FROM messages WHERE conversation_id = 'alice-1'") == [(0,)]
    assert read(lake, f"SELECT count(*) FROM messages WHERE contains(content, '{ALICE}')") == [(0,)]
    assert read(lake, "SELECT conversation_id FROM audit_conversations") == [("bob-1",)]
    for erased in (ALICE.encode(), ALICE_WORDS, ALICE_PHONE.encode()):
        assert erased not in data_files(lake)
        assert erased not in catalog_dump(postgres, lake)


def erasure_log(lake: LakeConfig) -> list[tuple[object, ...]]:
    return read(
        lake,
        "SELECT source, setting, selector, conversations, messages, format_errors "
        "FROM privacy_log WHERE action = 'erasure'",
    )


def test_erasing_a_conversation_by_id_on_a_lake_leaves_no_copy(
    write_project: WriteProject, lake: LakeConfig, postgres: Postgres
) -> None:
    project = loaded(write_project, lake, postgres)

    code, output = cli(project, "erase", "--source", "helpdesk", "--conversation", "alice-1")

    assert code == 0, output
    first, last = output.splitlines()
    assert first == "erased: helpdesk: 1 conversation, 2 messages, 0 format-error rows"
    assert last.startswith(f"purged {lake}: ") and last.endswith("audit_report.html")
    assert_alice_gone(postgres, lake)
    hashed = Pseudonyms(KEY.encode()).digest("erasure:conversation:helpdesk/alice-1")[:16]
    assert erasure_log(lake) == [("helpdesk", "conversation", hashed, 1, 2, 0)]


def test_erasing_by_text_on_a_lake_leaves_no_copy_and_later_loads_go_on(
    write_project: WriteProject, lake: LakeConfig, postgres: Postgres
) -> None:
    project = loaded(write_project, lake, postgres)

    code, output = cli(project, "erase", "--text", ALICE.upper(), "--json")

    assert code == 0, output
    assert '"helpdesk": {"conversations": 1, "messages": 2, "format_errors": 0}' in output
    assert_alice_gone(postgres, lake)
    hashed = Pseudonyms(KEY.encode()).digest(f"erasure:text:{ALICE}")[:16]
    assert erasure_log(lake) == [("helpdesk", "text", hashed, 1, 2, 0)]
    assert ALICE.encode() not in hashed.encode()
    # the lake stays usable: the next load writes fetch 2 (and brings Alice's conversation back)
    assert cli(project, "load", "--source", "helpdesk")[1].splitlines()[0].endswith("(fetch 2)")
