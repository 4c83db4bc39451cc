"""``fern-pipeline erase``: the chosen conversations go with all their rows, and no byte of them stays."""

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.cli import main
from fern_pipeline.config import ProjectConfig
from fern_pipeline.ingest.masking.mask import Masker
from fern_pipeline.ingest.masking.pseudonym import Pseudonyms
from fern_pipeline.privacy.erase import cut_quotes
from fern_pipeline_tests.privacy.conftest import ALICE, ALICE_PHONE, EVE, KEY, KEY_ENV, WriteProject
from fern_pipeline_tests.privacy.search import PART, files
from fern_pipeline_tests.processes import lock_held

MASKER = Masker(Pseudonyms(KEY.encode()))


def cli(project: ProjectConfig, *arguments: str, key: bool = True) -> tuple[int, str]:
    config = project.database.parent.parent / "fern_sources.yaml"
    env = {KEY_ENV: KEY} if key else {KEY_ENV: ""}
    result = CliRunner().invoke(main, [*arguments, "--config", str(config)], env=env)
    return result.exit_code, result.output


def query(database: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(database)) as connection:
        return connection.execute(sql).fetchall()


def test_erasing_a_conversation_by_id_leaves_no_byte_of_it(write_project: WriteProject) -> None:
    project = write_project()
    assert cli(project, "load", "--source", "helpdesk", key=False)[0] == 0
    with duckdb.connect(str(project.database)) as connection:
        build_audit(connection, AuditSettings.from_config(project))
    assert query(project.database, "SELECT count(*) FROM audit_conversations") == [(2,)]
    assert ALICE.encode() in files(project.database)  # DuckDB keeps these short texts as they are

    code, output = cli(project, "erase", "--source", "helpdesk", "--conversation", "alice-1", key=False)

    assert code == 0, output
    first, last = output.splitlines()
    assert first == "erased: helpdesk: 1 conversation, 2 messages, 0 format-error rows"
    assert last.startswith(f"rewrote {project.database} (") and last.endswith("audit_report.html")
    assert ALICE.encode() not in files(project.database)
    assert b"call me on" not in files(project.database)
    assert query(project.database, "SELECT conversation_id FROM conversations ORDER BY 1") == [
        ("bob-1",),
        ("carol-1",),
    ]
    assert query(project.database, "SELECT count(*) FROM messages WHERE conversation_id = 'alice-1'") == [
        (0,)
    ]
    # the audit, rebuilt, covers the 90 days up to the newest message: Bob's conversation alone
    assert query(project.database, "SELECT conversation_id FROM audit_conversations") == [("bob-1",)]
    assert b"alice-1" not in (project.database.parent / "audit_report.html").read_bytes()


def test_erasing_by_text_finds_masked_messages_through_their_pseudonym(write_project: WriteProject) -> None:
    project = write_project({"mask": True, "key_env": KEY_ENV})
    assert cli(project, "load", "--source", "helpdesk")[0] == 0
    token = MASKER.text(ALICE).encode()
    assert token in files(project.database)

    code, output = cli(project, "erase", "--text", ALICE.upper())

    assert code == 0, output
    assert output.splitlines()[0] == "erased: helpdesk: 1 conversation, 2 messages, 0 format-error rows"
    assert token not in files(project.database)
    assert MASKER.text(ALICE_PHONE).encode() not in files(project.database)
    [(action, source, setting, selector, conversations, messages, errors)] = query(
        project.database,
        "SELECT action, source, setting, selector, conversations, messages, format_errors "
        "FROM privacy_log WHERE action = 'erasure'",
    )
    assert (action, source, setting, conversations, messages, errors) == (
        "erasure",
        "helpdesk",
        "text",
        1,
        2,
        0,
    )
    assert selector == Pseudonyms(KEY.encode()).digest(f"erasure:text:{ALICE}")[:16]
    assert ALICE.encode() not in files(project.database)


def test_another_notation_of_a_phone_number_finds_the_same_conversation(write_project: WriteProject) -> None:
    project = write_project({"mask": True, "key_env": KEY_ENV})
    cli(project, "load", "--source", "helpdesk")
    code, output = cli(project, "erase", "--text", "+49 30 1234567")
    assert code == 0
    assert output.splitlines()[0] == "erased: helpdesk: 1 conversation, 2 messages, 0 format-error rows"


def test_erasing_by_text_removes_rejected_items_holding_it(write_project: WriteProject) -> None:
    project = write_project({"mask": True, "key_env": KEY_ENV})
    cli(project, "load", "--source", "helpdesk")
    assert query(project.database, "SELECT count(*) FROM format_errors") == [(1,)]
    code, output = cli(project, "erase", "--text", EVE, "--json")
    assert code == 0
    assert '"helpdesk": {"conversations": 0, "messages": 0, "format_errors": 1}' in output
    assert query(project.database, "SELECT count(*) FROM format_errors") == [(0,)]
    assert MASKER.text(EVE).encode() not in files(project.database)
    assert query(project.database, "SELECT message FROM fetches") == [(None,)]


def test_nothing_matched_is_said_and_logged_and_loads_go_on(write_project: WriteProject) -> None:
    project = write_project()
    cli(project, "load", "--source", "helpdesk", key=False)
    code, output = cli(project, "erase", "--text", "nobody@example.com", key=False)
    assert code == 0
    assert output.splitlines()[0] == "erased: nothing matched"
    assert query(project.database, "SELECT source, selector FROM privacy_log WHERE action = 'erasure'") == [
        ("*", None)
    ]
    # the fetch id sequence survived the rewrite of the file
    assert cli(project, "load", "--source", "helpdesk", key=False)[1].splitlines()[0].endswith("(fetch 2)")


def test_erase_needs_one_selector(write_project: WriteProject) -> None:
    project = write_project()
    assert cli(project, "erase", key=False)[0] == 2
    assert cli(project, "erase", "--conversation", "alice-1", key=False)[0] == 2
    assert "there is no database" in cli(project, "erase", "--text", ALICE, key=False)[1]


def test_erase_waits_for_a_writer_like_a_load_and_changes_nothing_when_it_gives_up(
    write_project: WriteProject,
) -> None:
    project = write_project()
    cli(project, "load", "--source", "helpdesk", key=False)
    before = project.database.read_bytes()
    with lock_held(project.database):
        code, output = cli(project, "erase", "--text", ALICE, "--lock-wait", "0.2", key=False)
    assert code == 1
    assert output.startswith(f"waiting: the database {project.database} is in use by another process\n")
    assert f"error: timeout: the database {project.database} stayed in use" in output
    assert project.database.read_bytes() == before


#: Eve's rejected role as versions before issue 22 stored it: quoted, cut at 40 characters, then
#: masked, so the cut address was no longer found and stayed in clear.
ERIKA = "erika.mustermann@example.org"
CUT_QUOTE = "'Erika Mustermann <erika.mustermann@examp' is not a role: use user, agent or support_agent"


@pytest.mark.parametrize("mask", [True, False], ids=["masked", "clear"])
def test_erasing_by_text_removes_quotes_cut_short_that_older_versions_stored(
    write_project: WriteProject, mask: bool
) -> None:
    project = write_project({"mask": mask, "key_env": KEY_ENV})
    assert cli(project, "load", "--source", "helpdesk", key=mask)[0] == 0
    with duckdb.connect(str(project.database)) as connection:
        # as the old code stored it: in the rejection's message, in the fetch's, and in a row whose
        # raw item holds nothing else of the text
        connection.execute("UPDATE format_errors SET message = ?", [CUT_QUOTE])
        connection.execute(
            "UPDATE fetches SET message = ?", [f"… the first at /conversations/3: {CUT_QUOTE}"]
        )
        connection.execute(
            "INSERT INTO format_errors SELECT source, fetch_id, fetched_at, "
            "'/conversations/9/messages/0/role', code, ?, '{}' FROM format_errors",
            [CUT_QUOTE],
        )
    assert b"erika.mustermann@examp" in files(project.database)

    code, output = cli(project, "erase", "--text", ERIKA, key=mask)

    assert code == 0, output
    assert output.splitlines()[0] == "erased: helpdesk: 0 conversations, 0 messages, 2 format-error rows"
    assert query(project.database, "SELECT count(*) FROM format_errors") == [(0,)]
    assert query(project.database, "SELECT message FROM fetches") == [(None,)]
    stored = files(project.database).lower()
    for end in range(PART, len(ERIKA) + 1):
        assert ERIKA[:end].encode() not in stored
    assert b"mustermann" not in stored


def test_erasing_an_address_finds_it_percent_encoded_in_a_url(write_project: WriteProject) -> None:
    project = write_project()
    assert cli(project, "load", "--source", "helpdesk", key=False)[0] == 0
    encoded = ERIKA.replace("@", "%40")
    with duckdb.connect(str(project.database)) as connection:
        # as a help desk links a conversation, and as a failed page's URL is quoted, masking off
        connection.execute(
            "UPDATE conversations SET url = ? WHERE conversation_id = 'bob-1'",
            [f"https://desk.example/c/bob-1?customer={encoded}"],
        )
        connection.execute(
            "UPDATE fetches SET message = ?", [f"page 2 at https://desk.example/p?c={encoded}"]
        )
    assert encoded.encode() in files(project.database)

    code, output = cli(project, "erase", "--text", ERIKA, key=False)

    assert code == 0, output
    assert output.splitlines()[0].startswith("erased: helpdesk: 1 conversation, ")
    assert query(project.database, "SELECT conversation_id FROM conversations ORDER BY 1") == [
        ("alice-1",),
        ("carol-1",),
    ]
    assert query(project.database, "SELECT message FROM fetches") == [(None,)]
    assert b"mustermann" not in files(project.database).lower()


def test_a_text_shorter_than_a_quote_cut_matches_only_whole() -> None:
    assert cut_quotes("alice@example.com") == [
        f"{'alice@example.com'[:end]}{quote}" for end in range(PART, 17) for quote in ("'", '"')
    ]
    assert cut_quotes("short") == []


def test_erasing_by_conversation_id_finds_an_id_masked_at_load(write_project: WriteProject) -> None:
    project = write_project({"mask": True, "key_env": KEY_ENV})
    assert cli(project, "load", "--source", "helpdesk")[0] == 0
    with duckdb.connect(str(project.database)) as connection:
        connection.execute(
            "UPDATE conversations SET conversation_id = ? WHERE conversation_id = 'bob-1'",
            [MASKER.text(ERIKA)],
        )
    code, output = cli(project, "erase", "--source", "helpdesk", "--conversation", ERIKA)
    assert code == 0, output
    assert query(
        project.database, "SELECT count(*) FROM conversations WHERE conversation_id LIKE '[email:%'"
    ) == [(0,)]


def test_erasing_another_database_rebuilds_its_report_beside_it(
    tmp_path: Path, write_project: WriteProject
) -> None:
    project = write_project()
    other = tmp_path / "elsewhere" / "other.duckdb"
    assert cli(project, "load", "--source", "helpdesk", "--database", str(other), key=False)[0] == 0
    configured_report = project.database.parent / "audit_report.html"

    code, output = cli(project, "erase", "--text", ALICE, "--database", str(other), key=False)

    assert code == 0, output
    assert output.splitlines()[-1].endswith(f"audit rebuilt: {other.parent / 'audit_report.html'}")
    assert (other.parent / "audit_report.html").is_file()
    assert not configured_report.exists()
