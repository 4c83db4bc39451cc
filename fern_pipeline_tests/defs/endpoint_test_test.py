"""Tests of the endpoint test: the check on each source and the launchpad job, against a local server."""

import json
from pathlib import Path
from typing import Any

import dagster as dg
import pytest

from fern_pipeline.config import ProjectConfig, SourceConfig
from fern_pipeline.config.privacy import PrivacyConfig
from fern_pipeline.defs.endpoint_test import (
    CHECK_NAME,
    OP_NAME,
    build_endpoint_check,
    build_endpoint_test_job,
)
from fern_pipeline.defs.sources import source_asset_key
from fern_pipeline_tests.defs.conftest import BAD_ROLE, OTHER, VALID, Run, document, endpoint
from fern_pipeline_tests.http_server import LocalServer, html_page, requires, respond
from fern_pipeline_tests.processes import lock_held

SOURCE = SourceConfig(name="helpdesk", url="https://support.example.com/export.json")
KEY = source_asset_key(SOURCE)
ENDPOINT_TEST = dg.AssetSelection.checks(dg.AssetCheckKey(KEY, CHECK_NAME))
#: A role that quotes what an internal endpoint might hold; the launchpad job must not show it.
SECRET_ROLE = "bot-4f7c1d-internal-value"
#: A customer's address in the next page's URL, which a failure of the pagination quotes.
CUSTOMER_EMAIL = "erika.mustermann@example.org"
#: Masking on, with the key in the environment variable ``FERN_TEST_KEY``.
MASKED = PrivacyConfig(mask=True, key_env="FERN_TEST_KEY")


def evaluated(run: Run, source: SourceConfig) -> dg.AssetCheckEvaluation:
    result = run(source, selection=ENDPOINT_TEST)
    assert result.success
    [evaluation] = result.get_asset_check_evaluations()
    return evaluation


def values(evaluation: dg.AssetCheckEvaluation) -> dict[str, Any]:
    return {key: value.value for key, value in evaluation.metadata.items()}


def test_a_valid_endpoint_passes_and_nothing_is_written(
    server: LocalServer, run: Run, database: Path
) -> None:
    evaluation = evaluated(run, endpoint(server, "/export.json", 200, document(VALID, OTHER)))
    assert evaluation.passed
    assert evaluation.description is not None and evaluation.description.startswith("ok: 2 conversations")
    metadata = values(evaluation)
    assert (metadata["conversations"], metadata["messages"], metadata["http_status"]) == (2, 3, 200)
    assert "category" not in metadata and "errors" not in metadata
    assert not database.parent.exists()


def test_rejected_conversations_warn_with_their_json_pointers(server: LocalServer, run: Run) -> None:
    evaluation = evaluated(run, endpoint(server, "/export.json", 200, document(VALID, BAD_ROLE)))
    assert (evaluation.passed, evaluation.severity) == (False, dg.AssetCheckSeverity.WARN)
    assert evaluation.description is not None
    assert evaluation.description.startswith("error: invalid_format: 1 conversation and 2 messages")
    metadata = values(evaluation)
    assert (metadata["category"], metadata["conversations_rejected"]) == ("invalid_format", 1)
    assert metadata["first_error_path"] == "/conversations/1/messages/1/role"
    # By pointer and code only: Dagster keeps its metadata beyond retention and erasure (issue 16).
    assert "| /conversations/1/messages/1/role | invalid\\_role |" in metadata["errors"]
    assert "bot" not in metadata["errors"] and "bot" not in evaluation.description


@pytest.mark.parametrize(
    ("status", "body", "category"),
    [(200, b"<html><body>Sign in</body></html>", "invalid_json"), (503, b"", "http_status")],
    ids=["html", "unavailable"],
)
def test_an_endpoint_that_cannot_load_is_an_error_with_its_category(
    server: LocalServer, run: Run, status: int, body: bytes, category: str
) -> None:
    evaluation = evaluated(run, endpoint(server, "/export.json", status, body))
    assert (evaluation.passed, evaluation.severity) == (False, dg.AssetCheckSeverity.ERROR)
    assert evaluation.description is not None and evaluation.description.startswith(f"error: {category}: ")
    assert values(evaluation)["category"] == category
    if status != 200:
        assert values(evaluation)["http_status"] == status


def test_secrets_in_the_url_and_headers_stay_out_of_the_result(
    server: LocalServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELPDESK_TOKEN", "t0ken-value")
    url = server.route(
        "/export.json", requires({"authorization": "Bearer t0ken-value"}, respond(200, document(VALID)))
    )
    source = SourceConfig(
        name="helpdesk",
        url=f"{url}?api_key=s3cret-value",
        headers={"Authorization": "Bearer {{ env.HELPDESK_TOKEN }}"},
    )
    evaluation = evaluated(run, source)
    assert evaluation.passed
    assert values(evaluation)["url"].endswith("/export.json?api_key=***")
    assert "s3cret-value" not in str(evaluation) and "t0ken-value" not in str(evaluation)


def test_an_unset_header_variable_is_a_configuration_error(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HELPDESK_TOKEN", raising=False)
    source = SourceConfig(
        name="helpdesk",
        url="http://127.0.0.1:9/x.json",
        headers={"Authorization": "{{ env.HELPDESK_TOKEN }}"},
    )
    evaluation = evaluated(run, source)
    assert (evaluation.passed, evaluation.severity) == (False, dg.AssetCheckSeverity.ERROR)
    assert evaluation.description is not None
    assert evaluation.description.startswith("configuration: source 'helpdesk': the environment variable")


def test_the_check_runs_while_another_process_writes_the_database(
    server: LocalServer, run: Run, database: Path
) -> None:
    with lock_held(database):
        evaluation = evaluated(run, endpoint(server, "/export.json", 200, document(VALID)))
    assert evaluation.passed


def test_the_check_never_blocks_and_asks_for_no_pool_or_database() -> None:
    check = build_endpoint_check(SOURCE, ProjectConfig(sources=[SOURCE]))
    [spec] = check.check_specs
    assert (spec.name, spec.asset_key, spec.blocking) == (CHECK_NAME, KEY, False)
    assert check.op.pool is None
    assert "duckdb" not in check.required_resource_keys


def launched(url: str, privacy: PrivacyConfig | None = None, **config: object) -> dg.ExecuteInProcessResult:
    project = ProjectConfig(sources=[], privacy=privacy or PrivacyConfig())
    return build_endpoint_test_job(project).execute_in_process(
        run_config={"ops": {OP_NAME: {"config": {"url": url, **config}}}}, raise_on_error=False
    )


def failure_of(result: dg.ExecuteInProcessResult) -> tuple[str, dict[str, Any]]:
    """The step failure's description and metadata."""
    assert not result.success
    [event] = [event for event in result.all_events if event.is_step_failure]
    data = event.step_failure_data
    assert data.user_failure_data is not None
    return data.user_failure_data.description or "", {
        key: value.value for key, value in data.user_failure_data.metadata.items()
    }


def test_the_job_reports_invalid_json_for_an_html_page(server: LocalServer) -> None:
    description, metadata = failure_of(launched(server.route("/login", html_page())))
    assert description.startswith("error: invalid_json: the response from http://127.0.0.1:")
    assert (metadata["category"], metadata["conversations"]) == ("invalid_json", 0)


def test_the_job_passes_a_valid_endpoint_with_its_figures(server: LocalServer) -> None:
    result = launched(server.route("/export.json", respond(200, document(VALID, OTHER))))
    assert result.success
    [output] = [event for event in result.all_events if event.is_successful_output]
    metadata = {key: value.value for key, value in output.step_output_data.metadata.items()}
    assert (metadata["status"], metadata["conversations"], metadata["messages"]) == ("ok", 2, 3)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x.json", "/etc/passwd"], ids=["file", "ftp", "path"]
)
def test_the_job_refuses_anything_but_http_and_https(url: str) -> None:
    result = launched(url)
    assert not result.success
    [event] = [event for event in result.all_events if event.is_step_failure]
    message = str(event.step_failure_data.error)
    assert "only http:// and https:// endpoints can be tested here" in message
    assert "root:" not in str(result.all_events)


def test_the_job_quotes_nothing_the_endpoint_sent(server: LocalServer) -> None:
    quoting = {**BAD_ROLE, "messages": [{**BAD_ROLE["messages"][0], "role": SECRET_ROLE}]}
    result = launched(server.route("/internal.json", respond(200, document(VALID, quoting))))
    description, metadata = failure_of(result)
    assert description.endswith(
        "rejected for format errors (1 error, the first at /conversations/1/messages/0/role: invalid_role)"
    )
    assert "| /conversations/1/messages/0/role | invalid\\_role |" in metadata["errors"]
    assert SECRET_ROLE not in str(result.all_events)


def test_the_job_sends_headers_from_environment_templates(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROBE_TOKEN", "t0ken-value")
    url = server.route(
        "/export.json", requires({"authorization": "Bearer t0ken-value"}, respond(200, document(VALID)))
    )
    result = launched(url, headers={"Authorization": "Bearer {{ env.PROBE_TOKEN }}"})
    assert result.success
    assert "t0ken-value" not in str(result.all_events)


def next_page_elsewhere(server: LocalServer) -> str:
    """An endpoint whose first page links its next page to another origin, naming a customer in the URL."""
    body = {"conversations": [VALID], "next": f"https://elsewhere.example/page2?customer={CUSTOMER_EMAIL}"}
    return server.route("/export.json", respond(200, json.dumps(body).encode()))


def test_with_masking_on_the_check_masks_a_next_page_url_it_quotes(
    server: LocalServer, run: Run, instance: dg.DagsterInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FERN_TEST_KEY", "a-test-key-of-32-bytes-0123456789")
    source = SourceConfig(name="helpdesk", url=next_page_elsewhere(server))
    result = run(source, selection=ENDPOINT_TEST, privacy=MASKED)
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.description is not None
    assert "links its next page to https://elsewhere.example/page2?customer=[email:" in evaluation.description
    logged = [record.user_message for record in instance.all_logs(result.run_id)]
    assert any("[email:" in message for message in logged)
    assert "mustermann" not in str(result.all_events) + str(logged)


def test_with_masking_on_the_job_masks_a_next_page_url_it_quotes(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FERN_TEST_KEY", "a-test-key-of-32-bytes-0123456789")
    description, _ = failure_of(launched(next_page_elsewhere(server), privacy=MASKED))
    assert "links its next page to https://elsewhere.example/page2?customer=[email:" in description
    assert "mustermann" not in description


def test_with_masking_off_the_job_quotes_the_url_as_it_is(server: LocalServer) -> None:
    description, _ = failure_of(launched(next_page_elsewhere(server)))
    assert "customer=erika.mustermann%40example.org" in description
