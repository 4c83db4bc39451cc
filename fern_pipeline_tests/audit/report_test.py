"""The HTML report: self-contained, customer text escaped, and rendered by a real headless Chromium."""

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit import AuditSettings, build_audit
from fern_pipeline.audit.help_center import Article
from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.audit.conftest import HELPDESK, message, thread

CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = "<script>alert('pwned')</script>"
HOSTILE_ARTICLE = Article(
    title="<img src=x onerror=alert(1)> Reset your password",
    url="javascript:alert(1)",
    text="password reset link email",
)


@pytest.fixture
def report(tmp_path: Path, file_source: Callable[..., SourceConfig], database: Path) -> tuple[str, Path, str]:
    """An audit whose conversation ids, message text and article carry markup; its report and summary."""
    document = {
        "conversations": [
            *HELPDESK["conversations"],
            thread(
                HOSTILE,
                message("x1", "user", "2026-11-14T10:00:00Z", f"{HOSTILE} password reset"),
                message("x2", "agent", "2026-11-14T10:05:00Z", "ok"),
            ),
        ]
    }
    load_into(database, prepare(file_source(document, name="helpdesk")))
    path = tmp_path / "out" / "audit_report.html"
    settings = AuditSettings(window_days=30, articles=(HOSTILE_ARTICLE,), report_path=path)
    with duckdb.connect(str(database)) as connection:
        result = build_audit(connection, settings)
    return path.read_text(encoding="utf-8"), path, result.markdown


def test_customer_text_is_escaped_and_the_report_runs_no_script(report: tuple[str, Path, str]) -> None:
    html, _, _ = report
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html


def test_the_report_needs_nothing_from_outside(report: tuple[str, Path, str]) -> None:
    html, _, _ = report
    assert not re.search(r"<(link|script|iframe|object|embed|img)\b", html, re.IGNORECASE)
    assert not re.search(r"<[^>]*\ssrc\s*=|@import|url\(", html, re.IGNORECASE)
    assert html.count("<svg") == 4


def test_the_summary_escapes_customer_text_for_markdown(report: tuple[str, Path, str]) -> None:
    _, _, markdown = report
    assert "<img" not in markdown and "<script" not in markdown
    assert "&lt;img src=x onerror=alert\\(1\\)&gt; Reset your password" in markdown


def _render(page: Path, profile: Path) -> tuple[str, list[str]]:
    """The DOM Chromium renders for ``page`` and the console messages it logged."""
    run = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return run.stdout, [line for line in run.stderr.splitlines() if ":CONSOLE" in line]


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium is not installed (apt-get install chromium; .ci/run does it)"
)


@pytest.mark.slow
@needs_chromium
def test_chromium_renders_the_report_with_its_charts_and_no_console_error(
    report: tuple[str, Path, str], tmp_path: Path
) -> None:
    _, path, _ = report
    dom, console = _render(path, tmp_path / "profile")
    assert console == []
    for chart in ("chart-volume", "chart-response", "chart-activity", "chart-topics"):
        section = dom.split(f'id="{chart}"', 1)[1].split("</section>", 1)[0]
        assert "<svg" in section and "<rect" in section, chart
    assert "<h1>Support audit</h1>" in dom


@pytest.mark.slow
@needs_chromium
def test_the_browser_check_sees_a_console_error_when_there_is_one(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<html><body><script>console.error('broken chart')</script></body></html>")
    _, console = _render(page, tmp_path / "profile")
    assert any("broken chart" in line for line in console)
