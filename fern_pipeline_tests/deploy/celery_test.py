"""End to end: the deploy/ instance on PostgreSQL, runs queued for the daemon, steps on two Celery workers."""

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import dagster as dg
import pytest
import yaml
from dagster_postgres import PostgresRunStorage

from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.defs.audit_checks import NEW, RISING
from fern_pipeline.store.lake import connect_lake
from fern_pipeline_tests.conftest import conversation
from fern_pipeline_tests.deploy.cluster import (
    BIN,
    celery_workers,
    code_server,
    finished_runs,
    launch,
    running,
)
from fern_pipeline_tests.http_server import LocalServer, respond, serve
from fern_pipeline_tests.services import LAKE_PASSWORD_ENV, Postgres, Redis, free_port

REPO = Path(__file__).resolve().parents[2]
WORKSPACE = REPO / "deploy" / "workspace.yaml"
#: Two sources served over HTTP, two read from exported files.
SERVED = ("helpdesk", "chat")
EXPORTED = ("webshop", "forum")
SOURCES = SERVED + EXPORTED
CHECKS = ("latest_fetch", "schema", "referential_integrity", "endpoint_test")
#: The audit's own alert checks, evaluated in its step.
AUDIT_CHECKS = (RISING, NEW)
#: The steps of a run of every asset and check: each source's fetch and its checks, then the audit.
STEPS = {
    *(f"fetch_{source}" for source in SOURCES),
    *(f"{source}_conversations_{check}" for source in SOURCES for check in CHECKS),
    "support_audit",
}
AUDIT = dg.AssetKey("support_audit")
WORKERS = ["alpha", "beta"]
SECRET = "s3cret-token"
#: What deploy/dagster.yaml reads from the environment.
INSTANCE_ENV = (
    "DAGSTER_PG_HOST",
    "DAGSTER_PG_PORT",
    "DAGSTER_PG_USERNAME",
    "DAGSTER_PG_PASSWORD",
    "DAGSTER_PG_DB",
)


def document(source: str) -> bytes:
    return json.dumps(payload(source)).encode()


def payload(source: str) -> dict[str, Any]:
    """Three valid conversations of ``source``; the web shop's export also sends one that is rejected."""
    conversations = [
        conversation(
            f"{source}-{number}",
            (f"{source}-{number}-q", "user", f"2025-01-0{number}T10:00:00Z"),
            (f"{source}-{number}-a", "agent", f"2025-01-0{number}T10:30:00Z"),
        )
        for number in (1, 2, 3)
    ]
    if source == "webshop":
        conversations.append(conversation("webshop-bad", ("webshop-bad-q", "robot", "2025-01-04T10:00:00Z")))
    return {"conversations": conversations}


def project(
    tmp_path: Path, server: LocalServer, postgres: Postgres, redis: Redis, lake: LakeConfig
) -> dict[str, str]:
    """The sources' payloads and configuration on ``lake``, a DAGSTER_HOME with deploy/dagster.yaml; the
    environment of every process."""
    sources = [
        {
            "name": source,
            "url": server.route(f"/{source}.json", respond(200, document(source))) + f"?api_key={SECRET}",
        }
        for source in SERVED
    ]
    for source in EXPORTED:
        export = tmp_path / f"{source}.json"
        export.write_bytes(document(source))
        sources.append({"name": source, "url": export.as_uri()})
    config = tmp_path / "fern_sources.yaml"
    settings = {
        "database": "data/fern.duckdb",
        "lake": lake.model_dump(),
        "executor": "celery",
        "sources": sources,
    }
    config.write_text(yaml.safe_dump(settings))
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "deploy" / "dagster.yaml", home / "dagster.yaml")
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("FERN_", "DAGSTER_", "CELERY_"))
    }
    return environment | {
        "DAGSTER_HOME": str(home),
        "FERN_PIPELINE_CONFIG": str(config),
        LAKE_PASSWORD_ENV: postgres.password,
        "DAGSTER_PG_HOST": postgres.host,
        "DAGSTER_PG_PORT": str(postgres.port),
        "DAGSTER_PG_USERNAME": postgres.user,
        "DAGSTER_PG_PASSWORD": postgres.password,
        "DAGSTER_PG_DB": postgres.create_database(f"dagster_{uuid.uuid4().hex[:16]}"),
        "CELERY_BROKER_URL": redis.url(0),
        "CELERY_RESULT_BACKEND": redis.url(1),
        "FERN_CODE_SERVER_HOST": "127.0.0.1",
        "FERN_CODE_SERVER_PORT": str(free_port()),
    }


def run_events(instance: dg.DagsterInstance, run_id: str, kind: dg.DagsterEventType) -> list[Any]:
    return [record.event_log_entry for record in instance.get_records_for_run(run_id, of_type=kind).records]


def steps_on_workers(
    instance: dg.DagsterInstance, run_id: str, workers: dict[str, subprocess.Popen[bytes]]
) -> set[str]:
    """Check that every step of the run was executed by one of ``workers``, in its process, and return
    the workers that took steps: each says so in an engine event naming it, and each step's events
    carry the pid of the process that executed it."""
    executed: dict[str, set[str]] = {}
    for entry in run_events(instance, run_id, dg.DagsterEventType.ENGINE_EVENT):
        worker = entry.dagster_event.engine_event_data.metadata.get("Celery worker")
        if worker is not None:
            executed.setdefault(entry.step_key, set()).add(worker.value)
    assert set(executed) == STEPS
    assert all(len(names) == 1 and names <= workers.keys() for names in executed.values()), executed
    starts = run_events(instance, run_id, dg.DagsterEventType.STEP_START)
    assert {entry.step_key for entry in starts} == STEPS
    assert {entry.dagster_event.pid for entry in starts} <= {worker.pid for worker in workers.values()}
    return set().union(*executed.values())


def check_failures(instance: dg.DagsterInstance, run_id: str) -> set[tuple[str, str, dg.AssetCheckSeverity]]:
    """The run's failed check evaluations as (source, check, severity), once every check was evaluated."""
    evaluations = [
        entry.dagster_event.asset_check_evaluation_data
        for entry in run_events(instance, run_id, dg.DagsterEventType.ASSET_CHECK_EVALUATION)
    ]
    assert len(evaluations) == len(SOURCES) * len(CHECKS) + len(AUDIT_CHECKS)
    return {(e.asset_key.path[0], e.check_name, e.severity) for e in evaluations if not e.passed}


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_runs_queue_in_postgres_and_execute_every_step_on_the_celery_workers(
    tmp_path: Path, postgres: Postgres, redis: Redis, lake: LakeConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    with serve() as server:
        environment = project(tmp_path, server, postgres, redis, lake)
        for key in INSTANCE_ENV:
            monkeypatch.setenv(key, environment[key])
        with dg.DagsterInstance.from_config(environment["DAGSTER_HOME"]) as instance:
            assert isinstance(instance.run_storage, PostgresRunStorage)
            first, *together = (str(uuid.uuid4()) for _ in range(3))
            daemon = [str(BIN / "dagster-daemon"), "run", "-w", str(WORKSPACE)]
            with (
                celery_workers(WORKERS, env=environment, cwd=tmp_path) as workers,
                code_server(port=int(environment["FERN_CODE_SERVER_PORT"]), env=environment, cwd=tmp_path),
                running(daemon, env=environment, cwd=tmp_path, log=tmp_path / "daemon.log"),
            ):
                launch([first], workspace=WORKSPACE, env=environment, cwd=tmp_path)
                finished_runs(instance, [first], timeout=300)
                launch(together, workspace=WORKSPACE, env=environment, cwd=tmp_path)
                finished_runs(instance, together, timeout=400)

            used: set[str] = set()
            for run_id in (first, *together):
                assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.SUCCESS
                used |= steps_on_workers(instance, run_id, workers)
                assert check_failures(instance, run_id) == {
                    ("webshop_conversations", "latest_fetch", dg.AssetCheckSeverity.WARN),
                    ("webshop_conversations", "endpoint_test", dg.AssetCheckSeverity.WARN),
                }
            assert used == workers.keys()
            # On the lake the two later runs were in progress at the same time (no pool queues them).
            second, third = (instance.get_run_record_by_id(run_id) for run_id in together)
            assert second.start_time < third.end_time and third.start_time < second.end_time
            sources = [
                dg.AssetKey(f"{source}_{table}")
                for source in SOURCES
                for table in ("conversations", "messages")
            ]
            for key in [*sources, AUDIT]:
                assert len(instance.fetch_materializations(key, limit=10).records) == 3

    logs = "".join(path.read_text(errors="replace") for path in tmp_path.glob("*.log"))
    assert SECRET not in logs and postgres.password not in logs
    with connect_lake(lake) as connection:
        stored = connection.sql(
            "SELECT source, conversation_id, message_id, role, content FROM messages ORDER BY ALL"
        ).fetchall()
        fetches = connection.sql("SELECT source, status, count(*) FROM fetches GROUP BY ALL ORDER BY ALL")
        assert fetches.fetchall() == sorted(
            (source, "partial" if source == "webshop" else "ok", 3) for source in SOURCES
        )
        rejected = connection.sql("SELECT source, path, count(*) FROM format_errors GROUP BY ALL")
        assert rejected.fetchall() == [("webshop", "/conversations/3/messages/0/role", 3)]
        assert connection.sql("SELECT count(*) FROM audit_conversations").fetchall() == [(len(SOURCES) * 3,)]
    sent = sorted(
        (source, item["id"], message["id"], message["role"], message["content"])
        for source in SOURCES
        for item in payload(source)["conversations"]
        if item["id"] != "webshop-bad"
        for message in item["messages"]
    )
    assert stored == sent
