"""Dagster runs and the audit after fetches with credentials and hostile text: no secret, nothing live.

A real ``dg.materialize`` of every asset and check, on an instance that also captures httpx's and
httpcore's own logs, with sources whose URLs carry a user, a password and a token and whose
headers read two environment variables. Every event of the run is serialized whole and searched,
and so is every table (the audit's too) and every file written (the instance's storage, the
database, the audit report); the report and every Markdown value show the hostile text inert.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

from fern_pipeline.config import parse_config
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.definitions import build_definitions
from fern_pipeline.defs.audit import AUDIT_KEY
from fern_pipeline.store.connection import connect
from fern_pipeline_tests.http_server import LocalServer, document, requires, respond
from fern_pipeline_tests.malformed import valid_conversation
from fern_pipeline_tests.secrets_test import ENVIRONMENT, PASSWORD, QUERY_TOKEN, SECRETS, SENT_HEADERS, USER
from fern_pipeline_tests.services import LAKE_PASSWORD_ENV

SCRIPT = "<script>alert(document.cookie)</script>"
LINK = "[click](javascript:alert(1))"
HOSTILE = {
    "conversations": [
        valid_conversation(f"c1 {SCRIPT}", f"{SCRIPT} {LINK} **bold** | cell"),
        {**valid_conversation(f"c2 {SCRIPT}"), "lastMessageAt": f"{SCRIPT}{LINK}"},
        valid_conversation("c3"),
    ]
}
HOSTILE["conversations"][2]["messages"][1]["role"] = f"bot {SCRIPT} {LINK} | cell"


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[dg.DagsterInstance]:
    """A Dagster instance under tmp_path that records httpx's and httpcore's logs too, at DEBUG."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    python_logs = {"managed_python_loggers": ["httpx", "httpcore"], "python_log_level": "DEBUG"}
    with dg.instance_for_test(temp_dir=str(home), overrides={"python_logs": python_logs}) as test_instance:
        yield test_instance


def _metadata_of(event: dg.DagsterEvent) -> dict[str, dg.MetadataValue]:
    """The metadata an event carries: a materialization's, a check evaluation's, or a failure's."""
    data = event.event_specific_data
    for attribute in ("materialization", "evaluation", "error_display_metadata"):
        inner = getattr(data, attribute, None)
        if inner is not None and hasattr(inner, "metadata"):
            return dict(inner.metadata)
    return dict(getattr(data, "metadata", None) or {})


@pytest.mark.parametrize("kind", ["file", "lake"])
def test_no_secret_in_events_metadata_or_instance_storage_and_markdown_is_inert(
    server: LocalServer,
    instance: dg.DagsterInstance,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    request: pytest.FixtureRequest,
) -> None:
    for variable, value in ENVIRONMENT.items():
        monkeypatch.setenv(variable, value)
    secrets = SECRETS
    lines = [f"database: {tmp_path / 'fern.duckdb'}"]
    if kind == "lake":  # a lake whose catalog password is one more secret, read from the environment
        lake: LakeConfig = request.getfixturevalue("lake")
        secrets = (*SECRETS, os.environ[LAKE_PASSWORD_ENV])
        lines += [
            "lake:",
            f'  catalog: "{lake.catalog}"',
            f'  password: "{lake.password}"',
            f"  data_path: {lake.data_path}",
        ]
    html = respond(200, b"<html>" + SCRIPT.encode(), {"Content-Type": "text/html"})
    routes = {
        "hostile": requires(SENT_HEADERS, document(HOSTILE)),
        "refused": respond(401),
        "broken": requires(SENT_HEADERS, html),
    }
    lines.append("sources:")
    for name, scenario in routes.items():
        server.route(f"/{name}", scenario)
        lines += [
            f"  - name: {name}",
            f"    url: http://{USER}:{PASSWORD}@127.0.0.1:{server.port}/{name}?token={QUERY_TOKEN}",
            "    headers:",
            '      X-Api-Token: "Bearer {{ env.FERN_TEST_BEARER }}"',
            '      X-Api-Key: "{{ env.FERN_TEST_API_KEY }}"',
        ]
    # The help center the audit compares topics with sits behind the same URL credentials.
    articles = {
        "articles": [{"title": f"Invoices {SCRIPT}", "url": "javascript:alert(1)", "text": "invoice"}]
    }
    basic = {"Authorization": SENT_HEADERS["Authorization"]}
    server.route("/help", requires(basic, document(articles)))
    lines += [
        "help_center:",
        f"  url: http://{USER}:{PASSWORD}@127.0.0.1:{server.port}/help?token={QUERY_TOKEN}",
    ]
    config = parse_config("\n".join(lines) + "\n", origin=tmp_path / "fern_sources.yaml")
    defs = build_definitions(config)

    everything = [*defs.assets, *defs.asset_checks]
    sources = dg.materialize(
        everything,  # type: ignore[arg-type]
        resources=defs.resources,
        instance=instance,
        raise_on_error=False,
    )
    # Two sources failed, so the audit waits for them; it runs on its own over what was stored.
    audit = dg.materialize(
        everything,  # type: ignore[arg-type]
        resources=defs.resources,
        instance=instance,
        selection=dg.AssetSelection.assets(AUDIT_KEY),
    )

    # The credentials were sent, the hostile source loaded in part, the other two failed.
    assert {name: server.requests[0].headers[name.lower()] for name in SENT_HEADERS} == SENT_HEADERS
    materialized = {event.asset_key.path[0] for event in sources.get_asset_materialization_events()}
    assert {"hostile_conversations", "hostile_messages"} <= materialized
    assert not {
        f"{name}_{table}" for name in ("refused", "broken") for table in ("conversations", "messages")
    } & (materialized)
    [audited] = audit.asset_materializations_for_node("support_audit")
    assert audited.metadata["help_center_articles"].value == 1
    report = Path(audited.metadata["report_path"].value)
    assert report.parent == tmp_path
    entries = [*instance.all_logs(sources.run_id), *instance.all_logs(audit.run_id)]
    logged = "\n".join(dg.serialize_value(entry) for entry in entries)
    assert "HTTP Request: GET http://***@127.0.0.1" in logged  # httpx's own log line was captured
    for secret in secrets:
        assert secret not in logged, f"{secret!r} appears in the run's events"
    with connect(config.warehouse) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            ).fetchall()
        ]
        dumped = {table: repr(connection.execute(f"SELECT * FROM {table}").fetchall()) for table in tables}
    assert {"fetches", "audit_summary", "audit_format_errors"} <= set(dumped)
    for table, text in dumped.items():
        for secret in secrets:
            assert secret not in text, f"{secret!r} appears in the table {table}"
    for path in tmp_path.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in content, f"{secret!r} appears in {path}"

    markdown = [
        value.value
        for entry in entries
        if entry.dagster_event is not None
        for value in _metadata_of(entry.dagster_event).values()
        if isinstance(value, dg.MarkdownMetadataValue)
    ]
    # The format errors reach the Markdown by JSON pointer and code, the hostile text they quote does not.
    assert any("/conversations/2/messages/1/role | invalid\\_role" in text for text in markdown), markdown
    assert not any("script" in text for text in markdown), markdown
    for text in markdown:
        assert "<script" not in text and "](javascript:" not in text, text
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "javascript:" not in html
