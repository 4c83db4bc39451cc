"""Tests of the ``fern-pipeline`` command: exit codes, first lines, ``--json``, and what it writes."""

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from fern_pipeline.cli import main
from fern_pipeline.config import SourceConfig
from fern_pipeline_tests.conftest import conversation
from fern_pipeline_tests.http_server import Scenario, redirect, respond, serve
from fern_pipeline_tests.processes import lock_held

Make = Callable[..., SourceConfig]
GOOD = {"conversations": [conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"))]}
PARTIAL = {
    "conversations": [*GOOD["conversations"], conversation("c2", ("m1", "bot", "2025-01-02T10:00:00Z"))]
}
BOT_ROLE = "'bot' is not a role: use user, agent or support_agent"


def run(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.output


def test_check_a_valid_endpoint(file_source: Make) -> None:
    code, output = run("check", file_source(GOOD).url)
    assert code == 0
    assert output.startswith("ok: 1 conversation and 1 message from file://")


def test_check_lists_every_error_with_its_pointer(file_source: Make) -> None:
    code, output = run("check", file_source(PARTIAL).url)
    assert code == 1
    first, *rest = output.splitlines()
    assert first.startswith("error: invalid_format: 1 conversation and 1 message from ")
    assert "1 of 2 conversations rejected" in first
    assert rest == [f"  /conversations/1/messages/0/role: invalid_role: {BOT_ROLE}"]


def test_check_json(file_source: Make) -> None:
    code, output = run("check", "--json", file_source(PARTIAL).url)
    assert code == 1
    report = json.loads(output)
    assert (report["ok"], report["category"], report["conversations"], report["messages"]) == (
        False,
        "invalid_format",
        2,
        2,
    )
    assert report["errors"] == [
        {
            "path": "/conversations/1/messages/0/role",
            "code": "invalid_role",
            "message": "'bot' is not a role: use user, agent or support_agent",
        }
    ]
    assert set(report) >= {
        "ok",
        "category",
        "message",
        "url",
        "http_status",
        "conversations",
        "messages",
        "errors",
    }


def test_check_writes_nothing(file_source: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("check", file_source(GOOD).url)
    assert not (tmp_path / "data").exists()


def test_load_then_load_again(file_source: Make, database: Path) -> None:
    url = file_source(PARTIAL).url
    code, output = run("load", url, "--name", "helpdesk", "--database", str(database))
    assert code == 0
    assert output.splitlines()[0].startswith("partial: loaded 1 conversation and 1 message from file://")
    code, output = run("load", url, "--name", "helpdesk", "--database", str(database), "--json")
    assert code == 0
    row = json.loads(output)
    assert (row["fetch_id"], row["status"], row["conversations_loaded"], row["conversations_rejected"]) == (
        2,
        "partial",
        1,
        1,
    )
    with duckdb.connect(str(database), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM conversations").fetchall() == [(1,)]


def test_load_a_configured_source(file_source: Make, tmp_path: Path) -> None:
    config = tmp_path / "fern_sources.yaml"
    config.write_text(
        f"database: db/fern.duckdb\nsources:\n  - name: helpdesk\n    url: {file_source(GOOD).url}\n"
    )
    code, output = run("load", "--source", "helpdesk", "--config", str(config))
    assert code == 0, output
    assert (tmp_path / "db" / "fern.duckdb").is_file()


def test_a_failed_load_exits_1_with_the_category(database: Path, tmp_path: Path) -> None:
    code, output = run(
        "load", (tmp_path / "absent.json").as_uri(), "--name", "x", "--database", str(database)
    )
    assert code == 1
    assert output.startswith("error: unreachable: ")


@pytest.mark.parametrize(
    "arguments",
    [
        ["check"],
        ["check", "https://x.test/", "--source", "a"],
        ["load", "https://x.test/"],
        ["check", "ftp://x.test/"],
        ["check", "https://x.test/", "--timeout", "0"],
        ["check", "--source", "nope", "--config", "/nonexistent/fern.yaml"],
    ],
    ids=["nothing to check", "url and source", "url without name", "ftp", "zero timeout", "missing config"],
)
def test_usage_errors_exit_2(arguments: list[str]) -> None:
    code, output = run(*arguments)
    assert code == 2, output


def test_a_missing_header_variable_is_a_configuration_error(tmp_path: Path) -> None:
    config = tmp_path / "fern_sources.yaml"
    config.write_text(
        "sources:\n  - name: helpdesk\n    url: https://x.test/\n"
        "    headers: {Authorization: 'Bearer {{ env.FERN_TEST_UNSET_TOKEN }}'}\n"
    )
    code, output = run("check", "--source", "helpdesk", "--config", str(config))
    assert code == 2
    assert "FERN_TEST_UNSET_TOKEN" in output


def test_the_installed_command_is_quiet_when_piped(file_source: Make, database: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "fern_pipeline.cli",
        "load",
        file_source(GOOD).url,
        "--name",
        "a",
        "--database",
        str(database),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("ok: loaded 1 conversation")


def test_a_load_into_a_database_held_too_long_exits_1_as_a_timeout(file_source: Make, database: Path) -> None:
    with lock_held(database):
        result = CliRunner().invoke(
            main,
            ["load", file_source(GOOD).url, "--name", "a", "--database", str(database), "--lock-wait", "0.2"],
        )
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"error: timeout: the database {database} stayed in use by another process"
    )
    assert result.stderr == f"waiting: the database {database} is in use by another process\n"


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        (
            respond(200, b"<html>", {"Content-Type": "text/html\xc2\x9b2J\xe2\x80\xae"}),
            "(the server sent text/html\\x9b2J\\u202e)",
        ),
        (redirect("ftp://x.test/\xc2\x9b2J"), "ftp://x.test/\\x9b2J"),
    ],
    ids=["content type with a terminal escape and a bidi override", "redirect with a terminal escape"],
)
def test_what_a_server_sends_is_printed_escaped(scenario: Scenario, expected: str) -> None:
    with serve() as server:
        code, output = run("check", server.route("/p", scenario))
    assert code == 1
    assert expected in output
    assert all(char.isprintable() for char in output.removesuffix("\n"))


def test_reading_the_cursor_of_a_busy_database_fails_as_a_timeout(file_source: Make, database: Path) -> None:
    config = database.parent.parent / "fern_sources.yaml"
    config.write_text(
        f"sources:\n  - name: helpdesk\n    url: {file_source(GOOD).url}\n    incremental: {{}}\n"
    )
    arguments = ["load", "--source", "helpdesk", "--config", str(config), "--database", str(database)]
    assert CliRunner().invoke(main, arguments).exit_code == 0
    with lock_held(database):
        result = CliRunner().invoke(main, [*arguments, "--lock-wait", "0.2"])
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"error: timeout: the database {database} stayed in use by another process"
    )
    assert result.stderr == f"waiting: the database {database} is in use by another process\n"
