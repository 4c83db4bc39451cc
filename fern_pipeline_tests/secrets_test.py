"""Secrets in URLs and header variables never appear in output, logs, tables or the database file.

Every run below uses real credentials, which the server requires before it answers; afterwards the
command's output, every log record, every table dumped as text and the DuckDB file's bytes are
searched for each secret.
"""

import base64
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import yaml
from click.testing import CliRunner

from fern_pipeline.cli import main
from fern_pipeline.config import parse_config
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.errors import ConfigError
from fern_pipeline.store.lake import connect_lake
from fern_pipeline.tables import TABLES
from fern_pipeline_tests.http_server import (
    MIB,
    LocalServer,
    Scenario,
    chunked,
    document,
    fail_then,
    html_page,
    redirect,
    requires,
    respond,
    trickle,
)
from fern_pipeline_tests.malformed import valid_conversation
from fern_pipeline_tests.services import LAKE_PASSWORD_ENV

USER, PASSWORD, QUERY_TOKEN = "us3rname", "pa55word", "qu3ry-t0ken"
ENVIRONMENT = {"FERN_TEST_BEARER": "h3ader-t0ken", "FERN_TEST_API_KEY": "k3y-value"}
SECRETS = (USER, PASSWORD, QUERY_TOKEN, *ENVIRONMENT.values())
#: What the server requires: the URL's user and password as Basic auth, and both headers from env.
SENT_HEADERS = {
    "Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode(),
    "X-Api-Token": "Bearer h3ader-t0ken",
    "X-Api-Key": "k3y-value",
}
GOOD = {"conversations": [valid_conversation("c1")]}
PARTIAL = {"conversations": [valid_conversation("c1"), {**valid_conversation("c2"), "lastMessageAt": 1}]}

#: One source per behaviour, each behind the credentials; (name, scenario, extra source settings).
SOURCES: list[tuple[str, Scenario, str]] = [
    ("ok", requires(SENT_HEADERS, document(GOOD)), ""),
    ("partial", requires(SENT_HEADERS, document(PARTIAL)), ""),
    ("flaky", requires(SENT_HEADERS, fail_then(1, respond(503), document(GOOD))), ""),
    ("refused", respond(401), ""),
    ("not_found", respond(404), ""),
    ("html", requires(SENT_HEADERS, html_page()), ""),
    ("too_large", requires(SENT_HEADERS, chunked(2 * MIB)), f"    max_bytes: {MIB}\n"),
    ("slow", requires(SENT_HEADERS, trickle()), "    timeout: 1\n"),
    ("redirected", redirect("/ok?token=moved"), ""),
]


@pytest.fixture
def project(server: LocalServer, tmp_path: Path) -> Iterator[Path]:
    """A sources file whose every URL carries a user, a password and a token, and whose headers read env."""
    lines = [f"database: {tmp_path / 'fern.duckdb'}", "sources:"]
    for name, scenario, settings in SOURCES:
        server.route(f"/{name}", scenario)
        url = f"http://{USER}:{PASSWORD}@127.0.0.1:{server.port}/{name}?token={QUERY_TOKEN}&startDate=2025-01-01"
        lines += [
            f"  - name: {name}",
            f"    url: {url}",
            "    headers:",
            '      X-Api-Token: "Bearer {{ env.FERN_TEST_BEARER }}"',
            '      X-Api-Key: "{{ env.FERN_TEST_API_KEY }}"',
        ]
        if settings:
            lines.append(settings.rstrip("\n"))
    config = tmp_path / "fern_sources.yaml"
    config.write_text("\n".join(lines) + "\n")
    yield config


def assert_no_secret(where: str, text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} appears in {where}"


def test_no_secret_in_output_logs_tables_or_the_database_file(
    project: Path, server: LocalServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    outputs: list[str] = []
    with caplog.at_level(logging.DEBUG):
        for name, _, _ in SOURCES:
            for command in (["check"], ["check", "--json"], ["load"], ["load", "--json"]):
                arguments = [*command, "--source", name, "--config", str(project)]
                result = CliRunner().invoke(main, arguments, env=ENVIRONMENT)
                assert result.exception is None or isinstance(result.exception, SystemExit), result.output
                outputs.append(result.output)
    process = subprocess.run(
        [sys.executable, "-m", "fern_pipeline.cli", "load", "--source", "partial", "--config", str(project)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**ENVIRONMENT, "PATH": "/usr/bin:/bin"},
    )
    outputs += [process.stdout, process.stderr]

    # The credentials were really sent: the server let the "ok" source in only with them.
    assert {name: server.requests[0].headers[name.lower()] for name in SENT_HEADERS} == SENT_HEADERS
    database = tmp_path / "fern.duckdb"
    with duckdb.connect(str(database), read_only=True) as connection:
        statuses = dict(connection.execute("SELECT source, max(status) FROM fetches GROUP BY 1").fetchall())
        tables = {table: repr(connection.execute(f"SELECT * FROM {table}").fetchall()) for table in TABLES}
    assert statuses == {
        "ok": "ok",
        "partial": "partial",
        "flaky": "ok",
        "refused": "failed",
        "not_found": "failed",
        "html": "failed",
        "too_large": "failed",
        "slow": "failed",
        "redirected": "ok",
    }
    assert f"http://***@127.0.0.1:{server.port}/ok?token=***&startDate=2025-01-01" in tables["fetches"]

    assert_no_secret("the command's output", "\n".join(outputs))
    assert_no_secret(
        "the logs", "\n".join(f"{record.name}: {record.getMessage()}" for record in caplog.records)
    )
    for table, text in tables.items():
        assert_no_secret(f"the table {table}", text)
    # The file's bytes too (strings may be compressed there, hence the decoded tables above as well).
    for path in tmp_path.glob("fern.duckdb*"):
        content = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in content, f"{secret!r} appears in {path.name}"


def test_a_missing_header_variable_is_named_and_no_value_is_shown(project: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", "--source", "ok", "--config", str(project)], env={"FERN_TEST_BEARER": "h3ader-t0ken"}
    )
    assert result.exit_code == 2
    assert "FERN_TEST_API_KEY" in result.output
    assert_no_secret("the error", result.output)


UNSAFE_YAML = [
    ("python object apply", "!!python/object/apply:os.system ['touch {marker}']"),
    ("python object new", "!!python/object/new:subprocess.Popen [['touch', '{marker}']]"),
    ("python name", "sources: !!python/name:os.system"),
    ("python module", "sources: !!python/module:os"),
    (
        "nested in a source",
        "sources:\n  - name: a\n    url: !!python/object/apply:os.system ['touch {marker}']\n",
    ),
]


@pytest.mark.parametrize("text", [case[1] for case in UNSAFE_YAML], ids=[case[0] for case in UNSAFE_YAML])
def test_yaml_that_would_build_objects_or_run_code_is_refused(tmp_path: Path, text: str) -> None:
    marker = tmp_path / "ran"
    with pytest.raises(ConfigError, match="not valid YAML"):
        parse_config(text.format(marker=marker), origin=tmp_path / "fern_sources.yaml", environ={})
    assert not marker.exists()


@pytest.mark.parametrize(
    "value",
    ["$(cat /etc/passwd)", "`id`", "%(HOME)s", "$HOME"],
    ids=["command substitution", "backticks", "percent format", "shell variable"],
)
def test_header_values_are_sent_literally_except_env_templates(value: str) -> None:
    config = parse_config(
        f"sources:\n  - name: a\n    url: https://x.test/\n    headers: {{X-Key: '{value}'}}\n",
        origin=Path("/srv/fern_sources.yaml"),
        environ={},
    )
    assert config.sources[0].resolve_headers({"HOME": "/root"}) == {"X-Key": value}


@pytest.mark.parametrize(
    "value",
    [
        "{{ file./etc/passwd }}",
        "{{ env.HOME.__class__ }}",
        "{{ ''.__class__ }}",
        "{% include '/etc/passwd' %}",
    ],
    ids=["file template", "attribute access", "expression", "include"],
)
def test_templates_other_than_env_are_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="malformed template"):
        parse_config(
            f'sources:\n  - name: a\n    url: https://x.test/\n    headers: {{X-Key: "{value}"}}\n',
            origin=Path("/srv/fern_sources.yaml"),
            environ={},
        )


def test_a_file_source_that_is_not_an_export_shows_none_of_its_content(tmp_path: Path) -> None:
    private = tmp_path / "id_rsa"
    private.write_text("-----BEGIN PRIVATE KEY-----\npr1vate-k3y-material\n-----END PRIVATE KEY-----\n")
    database = tmp_path / "fern.duckdb"
    result = CliRunner().invoke(
        main, ["load", private.as_uri(), "--name", "a", "--database", str(database), "--json"]
    )
    assert result.exit_code == 1
    assert "pr1vate-k3y-material" not in result.output
    with duckdb.connect(str(database), read_only=True) as connection:
        dumped = repr([connection.execute(f"SELECT * FROM {table}").fetchall() for table in TABLES])
    assert "pr1vate-k3y-material" not in dumped
    assert '"category": "invalid_json"' in result.output


@pytest.mark.parametrize("password", ["right", "wrong"])
def test_the_lake_password_is_in_no_output_log_table_or_file(
    lake: LakeConfig, tmp_path: Path, caplog: pytest.LogCaptureFixture, password: str
) -> None:
    """The catalog's password, read from the environment, shows nowhere: loaded, or refused by PostgreSQL."""
    secret = os.environ[LAKE_PASSWORD_ENV] if password == "right" else "wr0ng-lake-pa55word"
    export = tmp_path / "export.json"
    export.write_text(json.dumps(GOOD))
    config = tmp_path / "fern_sources.yaml"
    lake_settings = {"catalog": lake.catalog, "password": lake.password, "data_path": lake.data_path}
    config.write_text(
        yaml.safe_dump({"lake": lake_settings, "sources": [{"name": "ok", "url": export.as_uri()}]})
    )
    environment = {LAKE_PASSWORD_ENV: secret}
    with caplog.at_level(logging.DEBUG):
        results = [
            CliRunner().invoke(
                main, ["load", "--source", "ok", "--config", str(config), *json_flag], env=environment
            )
            for json_flag in ([], ["--json"])
        ]
    output = "\n".join(result.output for result in results)
    if password == "right":
        assert [result.exit_code for result in results] == [0, 0], output
        with connect_lake(lake) as connection:
            tables = {
                table: repr(connection.execute(f"SELECT * FROM {table}").fetchall()) for table in TABLES
            }
        assert "'ok'" in tables["fetches"]
    else:
        assert [result.exit_code for result in results] == [1, 1], output
        assert output.startswith(f"error: unreachable: {lake} could not be attached: "), output
        assert "password authentication failed" in output
        tables = {}
    assert secret not in output
    assert secret not in "\n".join(f"{record.name}: {record.getMessage()}" for record in caplog.records)
    for table, text in tables.items():
        assert secret not in text, f"the password appears in the table {table}"
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), f"the password appears in {path}"
