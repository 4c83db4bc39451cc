"""Every SQL query of the README's cookbook runs against an audited database."""

import re
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.help_center import Article

README = Path(__file__).resolve().parents[2] / "README.md"
QUERIES = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_the_readme_has_a_cookbook() -> None:
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("query", QUERIES, ids=[f"query-{index}" for index in range(1, len(QUERIES) + 1)])
def test_each_cookbook_query_runs_and_returns_rows(
    connect: Callable[[], duckdb.DuckDBPyConnection], query: str
) -> None:
    connection = connect()
    article = Article(title="Invoices", text="Where to find an invoice.")
    build_audit(connection, AuditSettings(window_days=30, articles=(article,)))
    assert connection.execute(query).fetchall()
