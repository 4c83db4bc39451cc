"""Tests of what make demo prints after the run: each source's latest fetch, the database, the report."""

import json
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.config import load_config
from fern_pipeline.demo.summary import main
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.conftest import conversation


def test_each_source_and_the_database_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps({"conversations": [conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"))]})
    )
    config_file = tmp_path / "fern_sources.yaml"
    config_file.write_text(
        f"database: fern.duckdb\nsources:\n  - {{name: export, url: '{export.as_uri()}'}}\n"
        "  - {name: later, url: 'file:///nowhere.json'}\n"
    )
    monkeypatch.setenv("FERN_PIPELINE_CONFIG", str(config_file))
    monkeypatch.delenv("FERN_DUCKDB_PATH", raising=False)
    config = load_config()
    load_into(config.database, prepare(config.source("export")))
    main()
    assert capsys.readouterr().out.splitlines() == [
        f"export: ok: 1 conversation and 1 message from {export.as_uri()}",
        "later: not fetched yet",
        f"database: {tmp_path / 'fern.duckdb'}",
        "audit history: none kept yet",
        "audit report: not written yet",
    ]
    with duckdb.connect(str(config.database)) as connection:
        build_audit(connection, AuditSettings.from_config(config))
    main()
    assert capsys.readouterr().out.splitlines()[-1] == f"audit report: {tmp_path / 'audit_report.html'}"
