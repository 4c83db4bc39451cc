"""Tests of the asset checks: run for real after real fetches, and on a database made inconsistent."""

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from fern_pipeline.config import SourceConfig
from fern_pipeline_tests.defs.conftest import BAD_ROLE, OTHER, VALID, Run, document, endpoint
from fern_pipeline_tests.http_server import LocalServer

KEY = dg.AssetKey("helpdesk_conversations")
BOTH = dg.AssetSelection.assets(KEY, dg.AssetKey("helpdesk_messages"))
CHECKS = dg.AssetSelection.checks_for_assets(KEY)


def evaluations(result: dg.ExecuteInProcessResult) -> dict[str, dg.AssetCheckEvaluation]:
    return {evaluation.check_name: evaluation for evaluation in result.get_asset_check_evaluations()}


def corrupt(database: Path, statement: str) -> None:
    with duckdb.connect(str(database)) as connection:
        connection.execute(statement)


def test_a_clean_fetch_passes_every_check(server: LocalServer, run: Run) -> None:
    result = run(endpoint(server, "/export.json", 200, document(VALID, OTHER)))
    assert result.success
    checks = evaluations(result)
    assert sorted(checks) == [
        "endpoint_test",
        "latest_fetch",
        "new_topics",
        "referential_integrity",
        "rising_topics",
        "schema",
    ]
    assert all(check.passed for check in checks.values())
    assert checks["schema"].metadata["messages"].value == 3


def test_rejections_warn_with_their_json_pointers(server: LocalServer, run: Run) -> None:
    result = run(endpoint(server, "/export.json", 200, document(VALID, BAD_ROLE)))
    check = evaluations(result)["latest_fetch"]
    assert (check.passed, check.severity) == (False, dg.AssetCheckSeverity.WARN)
    assert check.metadata["first_error_path"].value == "/conversations/1/messages/1/role"
    assert "| /conversations/1/messages/1/role | invalid\\_role |" in str(check.metadata["errors"].value)
    assert check.description == (
        "partial: 1 conversation loaded, 1 rejected for format errors (1 error, the first at "
        "/conversations/1/messages/1/role: invalid_role)"
    )
    assert "bot" not in str(check.metadata["errors"].value)


def test_a_failed_fetch_is_an_error_on_the_next_check_run(server: LocalServer, run: Run) -> None:
    source = endpoint(server, "/export.json", 503, b"")
    assert not run(source, selection=BOTH).success
    check = evaluations(run(source, selection=CHECKS))["latest_fetch"]
    assert (check.passed, check.severity) == (False, dg.AssetCheckSeverity.ERROR)
    assert check.description is not None and check.description.startswith("http_status: ")
    assert check.metadata["category"].value == "http_status"


def test_without_a_fetch_the_latest_fetch_check_warns(run: Run) -> None:
    check = evaluations(run(SourceConfig(name="helpdesk", url="file:///nowhere.json"), selection=CHECKS))[
        "latest_fetch"
    ]
    assert (check.passed, check.severity) == (False, dg.AssetCheckSeverity.WARN)


BROKEN = [
    (
        "orphan message",
        "DELETE FROM conversations WHERE conversation_id = 'c2'",
        "referential_integrity",
        "message without its conversation",
    ),
    (
        "count disagrees",
        "DELETE FROM messages WHERE conversation_id = 'c1' AND message_id = 'm2'",
        "referential_integrity",
        "message_count differs from its messages",
    ),
    ("unknown role", "UPDATE messages SET role = 'bot' WHERE message_id = 'm1'", "schema", "isin"),
    (
        "duplicate key",
        "INSERT INTO conversations SELECT * FROM conversations WHERE conversation_id = 'c1'",
        "schema",
        "multiple_fields_uniqueness",
    ),
]


@pytest.mark.parametrize(
    ("statement", "check_name", "shown"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_an_inconsistent_database_fails_its_check(
    server: LocalServer, run: Run, database: Path, statement: str, check_name: str, shown: str
) -> None:
    source = endpoint(server, "/export.json", 200, document(VALID, OTHER))
    assert run(source, selection=BOTH).success
    corrupt(database, statement)
    checks = evaluations(run(source, selection=CHECKS))
    failed = {name for name, check in checks.items() if not check.passed}
    assert check_name in failed
    check = checks[check_name]
    assert check.severity == dg.AssetCheckSeverity.ERROR
    assert check.blocking
    assert shown in " ".join(str(value.value) for value in check.metadata.values()).replace("\\_", "_")
