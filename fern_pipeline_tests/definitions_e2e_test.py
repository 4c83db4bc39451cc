"""End to end: the ``dagster`` CLI on the code location, with the shipped dagster.yaml, in subprocesses."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from fern_pipeline_tests.conftest import conversation
from fern_pipeline_tests.http_server import LocalServer, respond, serve

REPO = Path(__file__).resolve().parents[1]
DAGSTER = str(Path(sys.executable).with_name("dagster"))

GOOD = conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"), ("m2", "agent", "2025-01-02T10:05:00Z"))
BAD = conversation("c2", ("m1", "robot", "2025-01-02T10:00:00Z"))


def project(tmp_path: Path, server: LocalServer) -> dict[str, str]:
    """A DAGSTER_HOME with the repo's dagster.yaml and a config of two sources; the environment for them.

    The instance's SQLite storage is created here: two processes creating it at once race (Dagster's
    own set-up, as ``make demo`` and ``dagster dev`` do once).
    """
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.get_run_records(limit=1)
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"conversations": [GOOD]}))
    helpdesk = server.route(
        "/helpdesk.json", respond(200, json.dumps({"conversations": [GOOD, BAD]}).encode())
    )
    config = tmp_path / "fern_sources.yaml"
    config.write_text(
        "database: data/fern.duckdb\n"
        f"sources:\n  - {{name: helpdesk, url: '{helpdesk}?api_key=s3cret'}}\n"
        f"  - {{name: export, url: '{export.as_uri()}'}}\n"
    )
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("FERN_", "DAGSTER_"))
    }
    return environment | {"DAGSTER_HOME": str(home), "FERN_PIPELINE_CONFIG": str(config)}


@pytest.mark.slow
# 22 steps in two runs of subprocesses (the endpoint tests added four): 470 s on the shared 2-core
# machine at a load average of 15, past the suite's 300 s default.
@pytest.mark.timeout(900)
def test_two_runs_at_once_of_every_asset_all_succeed_without_a_lock_error(tmp_path: Path) -> None:
    with serve() as server:
        environment = project(tmp_path, server)
        command = [DAGSTER, "asset", "materialize", "-m", "fern_pipeline.definitions", "--select", "*"]
        runs = [
            subprocess.Popen(
                command,
                cwd=tmp_path,
                env=environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [run.communicate(timeout=600)[0] for run in runs]
    for run, output in zip(runs, outputs, strict=True):
        assert run.returncode == 0, output[-3000:]
        assert "lock" not in output.lower().replace("blocked by limit", "")
        assert "s3cret" not in output

    with dg.DagsterInstance.from_config(environment["DAGSTER_HOME"]) as instance:
        records = instance.get_run_records()
        assert [record.dagster_run.status for record in records] == [dg.DagsterRunStatus.SUCCESS] * 2
        for source in ("helpdesk", "export"):
            key = dg.AssetKey(f"{source}_conversations")
            materializations = instance.fetch_materializations(key, limit=10).records
            assert len(materializations) == 2
            assert materializations[0].asset_materialization.metadata["dagster/row_count"].value == 1
        evaluations = [
            event.asset_check_evaluation
            for record in records
            for event in instance.all_logs(
                record.dagster_run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
            )
        ]
        # Two runs, each of two sources with four checks, and the audit with its two alert checks.
        assert len(evaluations) == 2 * (2 * 4 + 2)
        failed = {(e.asset_key.path[0], e.check_name, e.severity) for e in evaluations if not e.passed}
        assert failed == {
            ("helpdesk_conversations", check, dg.AssetCheckSeverity.WARN)
            for check in ("latest_fetch", "endpoint_test")
        }
        steps = [
            event
            for record in records
            for event in instance.all_logs(record.dagster_run.run_id, of_type=dg.DagsterEventType.STEP_START)
        ]
        # Per run: each source's assets and its four checks, then the audit.
        assert len(steps) == 2 * (2 * 5 + 1)
        audits = instance.fetch_materializations(dg.AssetKey("support_audit"), limit=10).records
        assert len(audits) == 2
        report = audits[0].asset_materialization.metadata["report_path"].value
        assert report == str(tmp_path / "data" / "audit_report.html") and Path(report).is_file()

    with duckdb.connect(str(tmp_path / "data" / "fern.duckdb"), read_only=True) as connection:
        assert connection.execute(
            "SELECT source, status, count(*) FROM fetches GROUP BY ALL ORDER BY ALL"
        ).fetchall() == [("export", "ok", 2), ("helpdesk", "partial", 2)]
        assert connection.execute("SELECT count(*) FROM conversations").fetchall() == [(2,)]
        assert connection.execute("SELECT count(*) FROM format_errors").fetchall() == [(2,)]
        [(url,)] = connection.execute("SELECT DISTINCT url FROM fetches WHERE source = 'helpdesk'").fetchall()
        assert url.endswith("?api_key=***")


@pytest.mark.slow
def test_the_workspace_validates(tmp_path: Path) -> None:
    with serve() as server:
        environment = project(tmp_path, server)
    result = subprocess.run(
        [DAGSTER, "definitions", "validate", "-w", str(REPO / "workspace.yaml")],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation successful for code location fern_pipeline" in result.stdout + result.stderr
