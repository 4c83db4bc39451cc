"""The audit asset in a real Dagster run, on a DuckDB file under tmp_path."""

from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from fern_pipeline.audit.tables import AUDIT_TABLE_MODELS
from fern_pipeline.config import HelpCenterConfig, ProjectConfig
from fern_pipeline.defs.audit import AUDIT_KEY, build_audit_defs
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.audit.conftest import audited_project


def _materialize(config: ProjectConfig, **overrides: object) -> dg.ExecuteInProcessResult:
    for source in config.sources:
        load_into(config.database, prepare(source))
    definitions = build_audit_defs(config)
    assets = list(definitions.assets or [])
    return dg.materialize(
        assets,
        resources={"duckdb": DuckDBResource(database=str(config.database))},
        run_config={"ops": {"support_audit": {"config": overrides}}},
        raise_on_error=False,
    )


def test_the_asset_writes_the_tables_and_the_report_and_describes_them(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "reset.md").write_text(
        "# Reset your password\nurl: https://h.test/reset\n\nUse the reset link."
    )
    config = audited_project(tmp_path, help_center=HelpCenterConfig(path=articles))
    result = _materialize(config)
    assert result.success
    [materialization] = result.asset_materializations_for_node("support_audit")
    assert materialization.asset_key == AUDIT_KEY
    metadata = materialization.metadata
    report = tmp_path / "data" / "audit_report.html"
    assert metadata["report_path"].value == str(report) and report.is_file()
    # The default window, 90 days up to the newest message, also holds h_old (unanswered).
    assert metadata["dagster/row_count"].value == 7
    assert metadata["help_center_articles"].value == 1
    assert metadata["unanswered_share"].value == 2 / 7
    assert "## Support audit" in metadata["summary"].value
    columns = [column.name for column in metadata["dagster/column_schema"].schema.columns]
    assert columns[:2] == ["source", "conversation_id"] and "topic_id" in columns
    with duckdb.connect(str(config.database)) as connection:
        [(topics,)] = connection.execute("SELECT count(*) FROM audit_topics").fetchall()
    assert topics == metadata["topics"].value >= 1


def test_every_audit_table_has_its_columns_described_as_the_sql_creates_them(tmp_path: Path) -> None:
    result = _materialize(audited_project(tmp_path))
    assert result.success
    [materialization] = result.asset_materializations_for_node("support_audit")
    for name, model in AUDIT_TABLE_MODELS.items():
        entry = "dagster/column_schema" if name == "audit_conversations" else f"{name}_column_schema"
        columns = materialization.metadata[entry].schema.columns
        assert [column.name for column in columns] == list(model.to_schema().columns), name
        assert all(column.description and column.type for column in columns), name


def test_an_unreadable_help_center_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    config = audited_project(tmp_path, help_center=HelpCenterConfig(path=tmp_path / "absent"))
    result = _materialize(config)
    assert result.success
    [materialization] = result.asset_materializations_for_node("support_audit")
    assert "is not a folder" in materialization.metadata["summary"].value


def test_the_asset_depends_on_every_source_and_runs_in_the_duckdb_pool(tmp_path: Path) -> None:
    [asset] = build_audit_defs(audited_project(tmp_path)).assets or []
    assert isinstance(asset, dg.AssetsDefinition)
    assert set(asset.asset_deps[AUDIT_KEY]) == {
        dg.AssetKey(f"{source}_{table}")
        for source in ("helpdesk", "shop")
        for table in ("conversations", "messages")
    }
    assert asset.specs_by_key[AUDIT_KEY].group_name == "support"
    assert asset.op.pool == "duckdb"
    assert asset.automation_conditions_by_key[AUDIT_KEY] is not None


def test_the_window_can_be_overridden_for_one_run(tmp_path: Path) -> None:
    result = _materialize(audited_project(tmp_path), window_days=2, end="2026-11-11T00:00:00Z")
    assert result.success
    [materialization] = result.asset_materializations_for_node("support_audit")
    assert materialization.metadata["dagster/row_count"].value == 2  # h1 and s1, on 2026-11-10


def test_a_bad_override_fails_the_run_saying_which(tmp_path: Path) -> None:
    result = _materialize(audited_project(tmp_path), end="2026-11-11")
    assert not result.success
    [failure] = [event for event in result.all_events if event.is_step_failure]
    assert "audit run config: end: give the time zone" in str(failure.step_failure_data.error)
