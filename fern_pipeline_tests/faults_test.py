"""Every fault an endpoint can commit, through the real ``fern-pipeline load``: category, exit code, rows.

Each scenario loads over a database that already holds an earlier fetch, and states what the
command must answer and what must be stored afterwards: either everything as it was but one more
``failed`` row in ``fetches``, or exactly the valid conversations, with every rejected one whole in
``format_errors`` and its earlier version untouched.
"""

import json
import subprocess
import sys
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pytest
from click.testing import CliRunner

from fern_pipeline.cli import main
from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.http_server import (
    MIB,
    Endpoint,
    LocalServer,
    Scenario,
    at,
    chunked,
    claim_length,
    document,
    drop_connection,
    empty_body,
    encoded,
    fail_then,
    gzip_bomb,
    gzipped,
    html_page,
    informational_forever,
    nested_arrays,
    never_accepted,
    redirect,
    redirect_forever,
    refused,
    respond,
    slow_headers,
    trickle,
    truncated,
    with_bom,
)
from fern_pipeline_tests.malformed import DEFECTS, Defect, valid_conversation

SOURCE = "helpdesk"
#: What the database holds before each scenario: c1 and c2 from an earlier fetch.
EARLIER = {"conversations": [valid_conversation("c1", "first version"), valid_conversation("c2", "kept")]}
#: A good answer: c1 in a new version, and a new c3.
UPDATE = {"conversations": [valid_conversation("c1", "second version"), valid_conversation("c3")]}
STORED_TABLES = ("conversations", "messages", "format_errors")


@dataclass(frozen=True)
class Outcome:
    """What one ``load`` must answer and leave stored."""

    #: The category in the first line and in ``fetches``; None for a clean load.
    category: str | None
    exit_code: int
    #: The document whose valid conversations must be stored; None when nothing may change.
    loaded: dict[str, Any] | None = None
    #: Per rejected conversation (its index in ``loaded``): the (pointer, code) of each error.
    rejected: dict[int, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.loaded is None or len(self.rejected) == len(self.loaded["conversations"]):
            return "failed"
        return "partial" if self.rejected else "ok"


def unchanged(category: str) -> Outcome:
    """A failed fetch: exit 1, every table as it was but one more row in ``fetches``."""
    return Outcome(category, 1)


def loaded(value: dict[str, Any]) -> Outcome:
    """A clean load of every conversation of ``value``."""
    return Outcome(None, 0, value)


def partly(value: dict[str, Any], rejected: dict[int, list[tuple[str, str]]]) -> Outcome:
    """A load of ``value`` with the given conversations rejected."""
    status_failed = len(rejected) == len(value["conversations"])
    return Outcome("invalid_format", 1 if status_failed else 0, value, rejected)


def routes(first: str, **scenarios: Scenario) -> Endpoint:
    """Several routes (``_`` in a name stands for ``/``); the URL is that of ``first``."""

    def endpoint(server: LocalServer, _: ExitStack) -> str:
        for name, scenario in scenarios.items():
            server.route("/" + name.replace("_", "/"), scenario)
        return server.url("/" + first)

    return endpoint


def malformed_case(defect: Defect) -> tuple[str, Endpoint, Outcome, tuple[str, ...]]:
    """c1 updated, c2 broken by ``defect`` (its earlier version must stay), c3 new."""
    value = {
        "conversations": [
            valid_conversation("c1", "second version"),
            defect.apply(valid_conversation("c2", "broken version")),
            valid_conversation("c3"),
        ]
    }
    expected = {1: [(f"/conversations/1{defect.pointer}", defect.code)]}
    return f"malformed: {defect.name}", at(document(value)), partly(value, expected), ()


def raw_body(body: bytes) -> Endpoint:
    return at(respond(200, body))


QUICK = ("--timeout", "1")
SMALL = ("--max-bytes", str(MIB))
WITH_NUL = {"conversations": [valid_conversation("c1", "nul \x00 inside"), valid_conversation("c3")]}
ALL_BROKEN = {"conversations": [DEFECTS[0].apply(valid_conversation("c2")), {"id": "c3"}]}
DUPLICATES = {
    "conversations": [
        valid_conversation("c1", "second version"),
        valid_conversation("c3"),
        valid_conversation("c3", "again"),
    ]
}
VALID_JSON = json.dumps(UPDATE).encode()

CASES: list[tuple[str, Endpoint, Outcome, tuple[str, ...]]] = [
    ("connection refused", refused, unchanged("unreachable"), QUICK),
    ("connection dropped every time", at(drop_connection()), unchanged("unreachable"), ()),
    ("connection never accepted", never_accepted, unchanged("timeout"), QUICK),
    ("slow headers", at(slow_headers(30, document(UPDATE))), unchanged("timeout"), QUICK),
    ("interim answers forever", at(informational_forever()), unchanged("timeout"), QUICK),
    ("body trickles forever", at(trickle()), unchanged("timeout"), QUICK),
    ("500 twice then success", at(fail_then(2, respond(500), document(UPDATE))), loaded(UPDATE), ()),
    (
        "429 with Retry-After then success",
        at(fail_then(1, respond(429, headers={"Retry-After": "1"}), document(UPDATE))),
        loaded(UPDATE),
        (),
    ),
    (
        "429 asking for longer than the timeout",
        at(respond(429, headers={"Retry-After": "60"})),
        unchanged("http_status"),
        (),
    ),
    ("503 every time", at(respond(503)), unchanged("http_status"), QUICK),
    ("401", at(respond(401)), unchanged("auth_required"), ()),
    ("403", at(respond(403)), unchanged("auth_required"), ()),
    ("404", at(respond(404)), unchanged("http_status"), ()),
    ("HTML instead of JSON", at(html_page()), unchanged("invalid_json"), ()),
    ("truncated JSON", at(truncated(UPDATE)), unchanged("invalid_json"), ()),
    ("empty body", at(empty_body()), unchanged("invalid_json"), ()),
    ("gzip", at(gzipped(VALID_JSON)), loaded(UPDATE), ()),
    ("corrupt gzip", at(encoded(b"\x1f\x8b\x08 not really", "gzip")), unchanged("invalid_json"), ()),
    ("unsupported Content-Encoding", at(encoded(VALID_JSON, "br")), unchanged("invalid_json"), ()),
    ("gzip bomb", at(gzip_bomb(64 * MIB)), unchanged("too_large"), SMALL),
    ("chunked body over max_bytes", at(chunked(2 * MIB)), unchanged("too_large"), SMALL),
    ("Content-Length over max_bytes", at(claim_length(4 * MIB)), unchanged("too_large"), SMALL),
    ("redirect loop", routes("a", a=redirect("/b"), b=redirect("/a")), unchanged("http_status"), ()),
    ("redirects without end", at(redirect_forever()), unchanged("http_status"), ()),
    ("redirect to a file", at(redirect("file:///etc/passwd")), unchanged("http_status"), ()),
    ("redirect to ftp", at(redirect("ftp://127.0.0.1/e.json")), unchanged("http_status"), ()),
    (
        "redirect then success",
        routes("a", a=redirect("/b/c"), b_c=document(UPDATE)),
        loaded(UPDATE),
        (),
    ),
    ("UTF-8 byte-order mark", at(with_bom(UPDATE)), loaded(UPDATE), ()),
    ("arrays nested past the parser's depth", at(nested_arrays(5000)), unchanged("invalid_json"), ()),
    ("invalid UTF-8", raw_body(b'{"conversations": ["\xff\xfe"]}'), unchanged("invalid_json"), ()),
    (
        "number too large for a double",
        raw_body(b'{"conversations": [], "n": 1e400}'),
        unchanged("invalid_json"),
        (),
    ),
    (
        "lone high surrogate",
        raw_body(b'{"conversations": [], "s": "\\ud800"}'),
        unchanged("invalid_json"),
        (),
    ),
    ("lone low surrogate", raw_body(b'{"conversations": [], "s": "\\udc00"}'), unchanged("invalid_json"), ()),
    (
        "surrogate as UTF-8 bytes",
        raw_body(b'{"conversations": [], "s": "\xed\xa0\x80"}'),
        unchanged("invalid_json"),
        (),
    ),
    (
        "raw NUL byte in a string",
        raw_body(b'{"conversations": [], "s": "a\x00b"}'),
        unchanged("invalid_json"),
        (),
    ),
    ("escaped NUL in content", at(document(WITH_NUL)), loaded(WITH_NUL), ()),
    ("root an array", at(document([UPDATE])), unchanged("invalid_format"), ()),
    ("root null", raw_body(b"null"), unchanged("invalid_format"), ()),
    ("conversations missing", at(document({"items": []})), unchanged("invalid_format"), ()),
    ("conversations an object", at(document({"conversations": {}})), unchanged("invalid_format"), ()),
    ("conversations null", at(document({"conversations": None})), unchanged("invalid_format"), ()),
    (
        "duplicate conversation ids",
        at(document(DUPLICATES)),
        partly(
            DUPLICATES,
            {
                1: [("/conversations/1/id", "duplicate_conversation_id")],
                2: [("/conversations/2/id", "duplicate_conversation_id")],
            },
        ),
        (),
    ),
    (
        "every conversation rejected",
        at(document(ALL_BROKEN)),
        partly(
            ALL_BROKEN,
            {
                0: [("/conversations/0", "wrong_type")],
                1: [
                    ("/conversations/1/lastMessageAt", "missing_field"),
                    ("/conversations/1/messages", "missing_field"),
                ],
            },
        ),
        (),
    ),
    *[malformed_case(defect) for defect in DEFECTS],
]

#: A representative few also run as a real process, as a scheduler or a shell would start it.
IN_A_PROCESS = (
    "connection refused",
    "body trickles forever",
    "HTML instead of JSON",
    "gzip bomb",
    "malformed: role unknown",
)


def rows(database: Path, query: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(query).fetchall()


def snapshot(connection: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but ``fetches``, whole."""
    return {
        table: connection.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in STORED_TABLES
    }


def with_earlier_fetch(database: Path, tmp_path: Path) -> None:
    export = tmp_path / "earlier.json"
    export.write_text(json.dumps(EARLIER))
    assert load_into(database, prepare(SourceConfig(name=SOURCE, url=export.as_uri())))["status"] == "ok"


def expected_messages(outcome: Outcome) -> list[tuple[str, str, int, str, str]]:
    """Every message row that must be stored: the earlier fetch's, replaced by the valid conversations'."""
    current = {item["id"]: item for item in EARLIER["conversations"]}
    if outcome.loaded is not None:
        for index, item in enumerate(outcome.loaded["conversations"]):
            if index not in outcome.rejected:
                current[item["id"]] = item
    return sorted(
        (item["id"], message["id"], position, message["role"], message["content"])
        for item in current.values()
        for position, message in enumerate(item["messages"])
    )


Invoke = Callable[[list[str]], tuple[int, str]]


def in_process(arguments: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, arguments)
    return result.exit_code, result.stdout


def as_a_process(arguments: list[str]) -> tuple[int, str]:
    command = [sys.executable, "-m", "fern_pipeline.cli", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert result.stderr == ""
    return result.returncode, result.stdout


def check_case(
    invoke: Invoke,
    endpoint: Endpoint,
    outcome: Outcome,
    options: tuple[str, ...],
    server: LocalServer,
    tmp_path: Path,
) -> None:
    database = tmp_path / "fern.duckdb"
    with_earlier_fetch(database, tmp_path)
    with duckdb.connect(str(database), read_only=True) as connection:
        before = snapshot(connection)
    with ExitStack() as stack:
        url = endpoint(server, stack)
        code, output = invoke(["load", url, "--name", SOURCE, "--database", str(database), *options])

    assert code == outcome.exit_code, output
    first_line = output.splitlines()[0]
    if outcome.status == "failed":
        assert first_line.startswith(f"error: {outcome.category}: "), first_line
    else:
        assert first_line.startswith(f"{outcome.status}: loaded "), first_line
    with duckdb.connect(str(database), read_only=True) as connection:
        check_stored(connection, outcome, before)


def check_stored(
    connection: duckdb.DuckDBPyConnection, outcome: Outcome, before: dict[str, list[tuple[Any, ...]]]
) -> None:
    """The second fetch's row, and the tables: as ``before``, or with exactly the valid conversations."""
    query = "SELECT status, category, conversations_rejected FROM fetches WHERE fetch_id = 2"
    [(status, category, rejected_count)] = connection.execute(query).fetchall()
    assert (status, category, rejected_count) == (outcome.status, outcome.category, len(outcome.rejected))
    if outcome.loaded is None:
        assert snapshot(connection) == before
        return
    query = "SELECT conversation_id, message_id, position, source_role, content FROM messages"
    assert sorted(connection.execute(query).fetchall()) == expected_messages(outcome)
    orphans = "SELECT count(*) FROM messages ANTI JOIN conversations USING (source, conversation_id)"
    assert connection.execute(orphans).fetchall() == [(0,)]
    query = "SELECT path, code, raw FROM format_errors WHERE fetch_id = 2 ORDER BY rowid"
    errors = connection.execute(query).fetchall()
    assert [(path, code) for path, code, _ in errors] == [
        error for index in sorted(outcome.rejected) for error in outcome.rejected[index]
    ]
    served = orjson.loads(json.dumps(outcome.loaded))["conversations"]
    for path, _, raw in errors:
        index = int(path.split("/")[2])
        assert orjson.loads(raw) == served[index], f"{path}: the rejected item is not kept whole"


@pytest.mark.parametrize(
    ("endpoint", "outcome", "options"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_each_fault_has_its_category_exit_code_and_stored_state(
    endpoint: Endpoint, outcome: Outcome, options: tuple[str, ...], server: LocalServer, tmp_path: Path
) -> None:
    check_case(in_process, endpoint, outcome, options, server, tmp_path)


SUBPROCESS_CASES = [case for case in CASES if case[0] in IN_A_PROCESS]


@pytest.mark.parametrize(
    ("endpoint", "outcome", "options"),
    [case[1:] for case in SUBPROCESS_CASES],
    ids=[case[0] for case in SUBPROCESS_CASES],
)
def test_the_installed_command_behaves_the_same(
    endpoint: Endpoint, outcome: Outcome, options: tuple[str, ...], server: LocalServer, tmp_path: Path
) -> None:
    check_case(as_a_process, endpoint, outcome, options, server, tmp_path)


def test_the_subprocess_selection_exists() -> None:
    assert [case[0] for case in SUBPROCESS_CASES] == list(IN_A_PROCESS)


def test_a_conversation_nested_deeper_than_orjson_writes_is_rejected_whole(
    server: LocalServer, tmp_path: Path
) -> None:
    database = tmp_path / "fern.duckdb"
    with_earlier_fetch(database, tmp_path)
    url = server.route("/deep", nested_arrays(1000))
    code, output = in_process(["load", url, "--name", SOURCE, "--database", str(database)])
    assert code == 1
    assert output.startswith("error: invalid_format: 0 conversations and 0 messages from ")
    assert "; 1 of 1 conversation rejected for format errors" in output.splitlines()[0]
    [(path, error_code, raw)] = rows(database, "SELECT path, code, raw FROM format_errors")
    assert (path, error_code, raw) == ("/conversations/0", "wrong_type", "[" * 1000 + "]" * 1000)
