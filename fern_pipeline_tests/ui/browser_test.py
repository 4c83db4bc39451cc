"""The Dagster UI in a real browser, as a user goes through it: the lineage, a materialization, the
checks with their JSON pointers, the endpoint test, and the launchpad's test of an unconfigured URL."""

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from fern_pipeline_tests.http_server import LocalServer, html_page, serve
from fern_pipeline_tests.ui.dagster_ui import Browser, browser, dagster_ui

#: A run on the busy 2-core machine: a subprocess per run and step, the demo's 250 conversations.
RUN_TIMEOUT = 300_000
#: The first rejected conversation of the demo help desk (its payload is generated with a fixed seed).
FIRST_POINTER = "/conversations/20/messages/1/role"
SOURCES = ("demo_helpdesk", "demo_webshop")


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FERN_SCREENSHOTS") or tmp_path / "screenshots")
    print(f"screenshots: {folder}")
    return folder


@pytest.fixture
def html_server() -> Iterator[LocalServer]:
    with serve() as server:
        yield server


def launched_run(driven: Browser) -> None:
    """Follow the "Launched run" toast to the run's page."""
    toast = driven.page.get_by_text(re.compile(r"^Launched run"))
    expect(toast).to_be_visible(timeout=60_000)
    driven.page.get_by_role("link", name="View", exact=True).click()
    expect(driven.page).to_have_url(re.compile(r"/runs/[0-9a-f-]+"))


def run_status(driven: Browser, status: str) -> None:
    """Wait until the run page shows that the run ended, then that it ended with ``status``."""
    ended = driven.page.get_by_text(re.compile(r"^(Success|Failure|Canceled)$")).first
    expect(ended).to_be_visible(timeout=RUN_TIMEOUT)
    expect(ended).to_have_text(status)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_a_user_tests_materializes_and_checks_in_the_dagster_ui(
    tmp_path: Path, screenshots: Path, html_server: LocalServer
) -> None:
    html_url = html_server.route("/not-json.html", html_page())
    with dagster_ui(tmp_path) as base, browser(base, screenshots) as driven:
        page = driven.page

        # The lineage shows each source by name, its messages, and the audit.
        driven.open("/asset-groups")
        graph = page.get_by_role("img").filter(has_text="Latest event")
        for name in [*(f"{s}_{t}" for s in SOURCES for t in ("conversations", "messages")), "support_audit"]:
            expect(graph.get_by_text(name, exact=True)).to_be_visible(timeout=60_000)
        driven.screenshot("lineage")

        # Materialize one source: Dagster says its messages come with it; the run succeeds.
        driven.open("/assets/demo_helpdesk_conversations")
        page.get_by_role("button", name=re.compile(r"(^|\s)Materialize$")).click()
        expect(page.get_by_text("demo_helpdesk_messages", exact=True).last).to_be_visible()
        driven.screenshot("materialize-with-messages")
        page.get_by_role("button", name="Confirm").click()
        launched_run(driven)
        run_status(driven, "Success")
        driven.screenshot("materialized")

        # The Checks tab: the latest fetch warns, with the JSON pointers of the rejected conversations.
        driven.open("/assets/demo_helpdesk_conversations?view=checks")
        page.get_by_text("latest_fetch", exact=True).first.click()
        expect(page.get_by_text(re.compile(r"^partial: 243 conversations"))).to_be_visible(timeout=60_000)
        expect(page.get_by_text(FIRST_POINTER, exact=True)).to_be_visible()
        page.get_by_text("[Show Markdown]").click()
        expect(page.get_by_role("dialog").get_by_role("cell", name=FIRST_POINTER)).to_be_visible()
        driven.screenshot("latest-fetch-errors")
        page.get_by_role("dialog").get_by_role("button", name="Close").click()

        # Execute checks: the endpoint test runs alone and reports what it found.
        page.get_by_text("endpoint_test", exact=True).first.click()
        page.get_by_role("tab", name="Execution history").click()
        evaluations = page.get_by_role("row").filter(has_text=re.compile("Failed|Warning|Succeeded"))
        expect(evaluations).to_have_count(1, timeout=60_000)
        page.get_by_role("button", name=re.compile(r"(^|\s)Execute$")).click()
        launched_run(driven)
        run_status(driven, "Success")
        driven.screenshot("endpoint-test-run")
        driven.open("/assets/demo_helpdesk_conversations?view=checks")
        page.get_by_text("endpoint_test", exact=True).first.click()
        expect(page.get_by_text(re.compile(r"^error: invalid_format: 243 conversations"))).to_be_visible(
            timeout=60_000
        )
        page.get_by_role("tab", name="Execution history").click()
        expect(evaluations).to_have_count(2, timeout=60_000)
        driven.screenshot("endpoint-test-result")

        # The launchpad tests a URL that is not configured: HTML is not JSON.
        driven.open("/locations/fern_pipeline/jobs/test_endpoint/playground")
        page.get_by_text("{}", exact=True).click()
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(f'ops:\n  check_endpoint:\n    config:\n      url: "{html_url}"\n')
        expect(page.get_by_text("No errors")).to_be_visible()
        driven.screenshot("launchpad")
        page.get_by_role("button", name=re.compile("Launch Run")).click()
        expect(page).to_have_url(re.compile(r"/runs/[0-9a-f-]+"), timeout=60_000)
        run_status(driven, "Failure")
        expect(page.get_by_text(re.compile(r"error: invalid_json: the response from")).first).to_be_visible()
        driven.screenshot("launchpad-invalid-json")

    assert driven.errors == []
    assert html_server.hits("/not-json.html") == 1
