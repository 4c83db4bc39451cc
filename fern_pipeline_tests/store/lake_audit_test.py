"""The audit on a lake: its tables and report, and every query of the README's cookbook, through ATTACH."""

from collections.abc import Callable
from pathlib import Path

from fern_pipeline.audit import AuditSettings, build_audit
from fern_pipeline.audit.help_center import Article
from fern_pipeline.config import SourceConfig
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.ingest import prepare
from fern_pipeline.store.lake import connect_lake
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.audit.conftest import HELPDESK, SHOP
from fern_pipeline_tests.audit.readme_test import QUERIES


def test_the_audit_writes_its_tables_and_report_and_every_cookbook_query_returns_rows(
    lake: LakeConfig, file_source: Callable[..., SourceConfig], tmp_path: Path
) -> None:
    for name, document in (("helpdesk", HELPDESK), ("shop", SHOP)):
        load_into(lake, prepare(file_source(document, name=name)))
    report = tmp_path / "audit_report.html"
    article = Article(title="Invoices", text="Where to find an invoice.")
    with connect_lake(lake) as connection:
        result = build_audit(
            connection, AuditSettings(window_days=30, articles=(article,), report_path=report)
        )
        assert result.conversations == 6
        assert connection.execute("SELECT count(*) FROM audit_conversations").fetchall() == [(6,)]
        for number, query in enumerate(QUERIES, start=1):
            assert connection.execute(query).fetchall(), f"cookbook query {number} returned no rows"
    assert "<svg" in report.read_text(encoding="utf-8")
