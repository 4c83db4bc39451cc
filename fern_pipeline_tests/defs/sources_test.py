"""Tests of the source assets: a real materialization against a local server into a DuckDB file."""

from datetime import timedelta
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from fern_pipeline.config import SourceConfig
from fern_pipeline.defs.metadata import table_schema
from fern_pipeline.defs.sources import messages_asset_spec, source_asset_key, source_asset_spec
from fern_pipeline.tables import ConversationsTable, MessagesTable
from fern_pipeline_tests.defs.conftest import BAD_ROLE, OTHER, VALID, Run, document, endpoint
from fern_pipeline_tests.http_server import LocalServer, respond

KEY = dg.AssetKey("helpdesk_conversations")
MESSAGES = dg.AssetKey("helpdesk_messages")
SOURCE = SourceConfig(name="helpdesk", url="https://support.example.com/export.json")
#: Both assets of the source (one fetch materializes them together), without their checks.
BOTH = dg.AssetSelection.assets(KEY, MESSAGES).without_checks()


def conversations_of(result: dg.ExecuteInProcessResult) -> list[dg.AssetMaterialization]:
    return [m for m in result.asset_materializations_for_node("fetch_helpdesk") if m.asset_key == KEY]


def fetches(database: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(
            "SELECT status, category, conversations_loaded, conversations_rejected "
            "FROM fetches ORDER BY fetch_id"
        ).fetchall()


def test_the_spec_carries_what_the_config_gives() -> None:
    source = SourceConfig(
        name="helpdesk",
        url="https://user:pw@support.example.com/export.json?api_key=k3y&startDate=2025-01-01",
        description="Our help desk",
        owners=["team:support"],
        tags={"tier": "gold"},
        max_age_hours=2,
    )
    spec = source_asset_spec(source)
    assert (spec.key, spec.group_name, spec.kinds) == (KEY, "support", {"duckdb", "http"})
    assert spec.description is not None and spec.description.startswith("Our help desk")
    assert "https://***@support.example.com/export.json?api_key=***&startDate=2025-01-01" in spec.description
    assert "k3y" not in str(spec) and "pw@" not in str(spec)
    assert (spec.owners, spec.tags["tier"]) == (["team:support"], "gold")
    assert spec.freshness_policy == dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=2))
    assert source_asset_key(SourceConfig(name="export", url="file:///srv/e.json")) == dg.AssetKey(
        "export_conversations"
    )
    assert source_asset_spec(SourceConfig(name="export", url="file:///srv/e.json")).kinds == {
        "duckdb",
        "file",
    }


def test_a_partial_fetch_materializes_with_its_figures(server: LocalServer, run: Run, database: Path) -> None:
    source = endpoint(server, "/export.json", 200, document(VALID, OTHER, BAD_ROLE))
    result = run(source, selection=BOTH)
    assert result.success
    [materialization] = conversations_of(result)
    metadata = {key: value.value for key, value in materialization.metadata.items()}
    assert metadata["dagster/row_count"] == 2
    assert metadata["dagster/column_schema"] == table_schema(ConversationsTable)
    assert [column.name for column in metadata["dagster/column_schema"].columns] == list(
        ConversationsTable.to_schema().columns
    )
    assert {key: metadata[key] for key in ("status", "conversations_loaded", "messages_loaded")} == {
        "status": "partial",
        "conversations_loaded": 2,
        "messages_loaded": 3,
    }
    assert (metadata["conversations_rejected"], metadata["http_status"], metadata["category"]) == (
        1,
        200,
        "invalid_format",
    )
    assert metadata["bytes"] == len(document(VALID, OTHER, BAD_ROLE))
    assert metadata["duration_seconds"] >= 0
    assert "| /conversations/2/messages/1/role | invalid\\_role |" in metadata["summary"]
    assert fetches(database) == [("partial", "invalid_format", 2, 1)]


def test_the_messages_are_an_asset_of_their_own_materialized_by_the_same_fetch(
    server: LocalServer, run: Run
) -> None:
    result = run(endpoint(server, "/export.json", 200, document(VALID, OTHER, BAD_ROLE)), selection=BOTH)
    [messages] = [
        m for m in result.asset_materializations_for_node("fetch_helpdesk") if m.asset_key == MESSAGES
    ]
    metadata = {key: value.value for key, value in messages.metadata.items()}
    assert (metadata["dagster/row_count"], metadata["messages_loaded"]) == (3, 3)
    assert metadata["dagster/column_schema"] == table_schema(MessagesTable)
    assert metadata["fetch_id"] == conversations_of(result)[0].metadata["fetch_id"].value


def test_each_source_names_its_nodes_and_tables() -> None:
    specs = {spec.key: spec for spec in (source_asset_spec(SOURCE), messages_asset_spec(SOURCE))}
    assert list(specs) == [KEY, MESSAGES]
    assert {key.path[-1] for key in specs} == {"helpdesk_conversations", "helpdesk_messages"}
    assert [spec.metadata["dagster/table_name"] for spec in specs.values()] == ["conversations", "messages"]
    assert "`helpdesk_messages`" in (specs[KEY].description or "")


def test_row_count_is_the_sources_rows_after_the_load(server: LocalServer, run: Run) -> None:
    first = endpoint(server, "/first.json", 200, document(VALID, OTHER))
    assert run(first, selection=BOTH).success
    later = endpoint(server, "/first.json", 200, document(VALID))
    [materialization] = conversations_of(run(later, selection=BOTH))
    assert materialization.metadata["dagster/row_count"].value == 2
    assert materialization.metadata["conversations_loaded"].value == 1


@pytest.mark.parametrize(
    ("status", "body", "category"),
    [
        (401, b"", "auth_required"),
        (200, b"<html>", "invalid_json"),
        (200, b'{"items": []}', "invalid_format"),
    ],
    ids=["auth", "not-json", "wrong-root"],
)
def test_a_failed_fetch_fails_the_materialization_and_is_recorded(
    server: LocalServer, run: Run, database: Path, status: int, body: bytes, category: str
) -> None:
    result = run(endpoint(server, "/export.json", status, body), selection=BOTH)
    assert not result.success
    assert conversations_of(result) == []
    [failure] = result.get_step_failure_events()
    failure_data = failure.step_failure_data
    assert failure_data.user_failure_data is not None
    description = failure_data.user_failure_data.description or ""
    assert description.splitlines()[0].startswith(f"{category}: ")
    assert failure_data.user_failure_data.metadata["status"].value == "failed"
    assert fetches(database) == [("failed", category, 0, 0)]


def test_every_rejected_document_fails_the_materialization(
    server: LocalServer, run: Run, database: Path
) -> None:
    result = run(endpoint(server, "/export.json", 200, document(BAD_ROLE)), selection=BOTH)
    assert not result.success
    assert fetches(database) == [("failed", "invalid_format", 0, 1)]


def test_no_secret_reaches_the_event_log(
    server: LocalServer, run: Run, instance: dg.DagsterInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FERN_TEST_TOKEN", "header-s3cret")
    url = server.route("/export.json", respond(200, document(VALID, BAD_ROLE)))
    source = SourceConfig(
        name="helpdesk",
        url=f"{url}?access_token=query-s3cret",
        headers={"Authorization": "Bearer {{ env.FERN_TEST_TOKEN }}"},
    )
    failing = SourceConfig(name="failing", url=server.url("/missing.json?token=query-s3cret"))
    result = run(source, failing)
    # The load and the endpoint test each sent the header.
    sent = [seen.headers["authorization"] for seen in server.requests if seen.path.startswith("/export.json")]
    assert sent == ["Bearer header-s3cret"] * 2
    assert conversations_of(result)
    logs = repr(instance.all_logs(result.run_id))
    assert "access_token=***" in logs
    assert "s3cret" not in logs


def test_an_incremental_source_continues_from_the_stored_cursor_unless_told(
    server: LocalServer, run: Run
) -> None:
    url = server.route("/export.json", respond(200, document(VALID, OTHER)))
    source = SourceConfig(name="helpdesk", url=f"{url}?startDate=2025-01-01", incremental={"lookback": "1d"})
    only_asset = BOTH
    assert run(source, selection=only_asset).success
    [materialization] = conversations_of(run(source, selection=only_asset))
    assert materialization.metadata["start_date"].value == "2025-01-02"
    refresh = {"ops": {"fetch_helpdesk": {"config": {"full_refresh": True}}}}
    assert run(source, selection=only_asset, run_config=refresh).success
    assert [seen.path.split("?")[1] for seen in server.requests] == [
        "startDate=2025-01-01",
        "startDate=2025-01-02",
        "startDate=2025-01-01",
    ]
