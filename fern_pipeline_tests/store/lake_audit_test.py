"""The audit on a lake: its tables, report and cookbook queries, and a commit that lost a race."""

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pytest

import fern_pipeline.audit.build
from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.help_center import Article
from fern_pipeline.config import SourceConfig
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.ingest.prepare import prepare
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


def test_an_audit_whose_commit_meets_another_audits_is_made_again(
    lake: LakeConfig, file_source: Callable[..., SourceConfig], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_into(lake, prepare(file_source(HELPDESK, name="helpdesk")))
    with connect_lake(lake) as first:
        build_audit(first, AuditSettings(window_days=30))
    assign = fern_pipeline.audit.build._assign
    attempts: list[int] = []

    def assign_while_another_audit_commits(*arguments: object) -> pa.Table:
        attempts.append(len(attempts) + 1)
        assignments = assign(*arguments)  # read inside the audit's transaction: its snapshot is taken
        if len(attempts) == 1:
            with connect_lake(lake) as other:
                other.execute("CREATE OR REPLACE TABLE audit_topics AS SELECT * FROM audit_topics")
        return assignments

    monkeypatch.setattr(fern_pipeline.audit.build, "_assign", assign_while_another_audit_commits)
    with connect_lake(lake) as connection:
        result = build_audit(connection, AuditSettings(window_days=30))
        assert attempts == [1, 2]
        assert connection.execute("SELECT count(*) FROM audit_conversations").fetchall() == [
            (result.conversations,)
        ]
        assert connection.execute("SELECT count(*) FROM audit_topics").fetchall() == [(result.topics,)]
