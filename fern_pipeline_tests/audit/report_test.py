"""The HTML report: self-contained, customer text escaped, and rendered by a real headless Chromium."""

import html as html_module
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit.build import AuditSettings, build_audit
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
    assert html.count("<svg") - html.count('<svg class="spark') == 4  # and a sparkline per topic and theme


def test_the_summary_escapes_customer_text_for_markdown(report: tuple[str, Path, str]) -> None:
    _, _, markdown = report
    assert "<img" not in markdown and "<script" not in markdown
    assert "&lt;img src=x onerror=alert\\(1\\)&gt; Reset your password" in markdown


def _render(page: Path, profile: Path, width: int = 1400) -> tuple[str, list[str]]:
    """The DOM Chromium renders for ``page`` at ``width`` pixels and the console messages it logged."""
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
            f"--window-size={width},1000",
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
    not CHROMIUM.exists(), reason="Chromium is not installed (apt-get install chromium; make test does it)"
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


#: Measures, inside Chromium, how wide the topics table and the page are (run on a copy of the report).
PROBE = """<script>
const table = document.getElementById("topics").getBoundingClientRect();
const page = document.documentElement;
const box = document.getElementById("topics").parentElement;
const cells = [...document.querySelectorAll("#topics td")].map((cell) => cell.getBoundingClientRect().right);
document.body.dataset.probe = JSON.stringify(
  {table: table.right, cells: Math.max(...cells), box: box.getBoundingClientRect().right,
   boxScrolled: box.scrollWidth - box.clientWidth, page: page.clientWidth, scrolled: page.scrollWidth});
</script></body>"""


def _measure(html: str, tmp_path: Path, width: int) -> dict[str, float]:
    """The right edges of the topics table and its cells, and the page's width, at ``width`` pixels."""
    page = tmp_path / "probe.html"
    page.write_text(
        re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", html).replace("</body>", PROBE)
    )
    dom, _ = _render(page, tmp_path / "probe-profile", width)
    probe = re.search(r'data-probe="([^"]*)"', dom)
    assert probe is not None, dom[-2000:]
    return json.loads(html_module.unescape(probe.group(1)))


@pytest.fixture
def linked_report(tmp_path: Path, file_source: Callable[..., SourceConfig], database: Path) -> str:
    """A report whose conversations have long ids and links back to the help desk (one not http)."""
    conversations = []
    for index, text in enumerate(
        (
            "I forgot my password, the reset link fails",
            "Ich habe mein Passwort vergessen",
            "Where is my parcel?",
        )
        * 4
    ):
        conversation = thread(
            f"ticket-{index:04d}-" + "a-long-identifier-without-breaks" * 2,
            message(f"m{index}", "user", f"2026-11-{10 + index:02d}T10:00:00Z", text),
            message(f"r{index}", "agent", f"2026-11-{10 + index:02d}T10:05:00Z", "On it."),
        )
        conversation["url"] = (
            "javascript:alert(1)"
            if index == 0
            else f"https://desk.example.com/tickets/{index}?view=full&tab=1"
        )
        conversations.append(conversation)
    load_into(database, prepare(file_source({"conversations": conversations}, name="helpdesk")))
    path = tmp_path / "linked" / "audit_report.html"
    with duckdb.connect(str(database)) as connection:
        build_audit(connection, AuditSettings(window_days=30, articles=(HOSTILE_ARTICLE,), report_path=path))
    return path.read_text(encoding="utf-8")


def test_examples_link_to_their_conversation_only_over_http(linked_report: str) -> None:
    examples = re.findall(r'<td class="examples">(.*?)</td>', linked_report, re.DOTALL)
    links = re.findall(r'<a href="([^"]*)">helpdesk/ticket-(\d+)-', "".join(examples))
    assert links and all(
        href == f"https://desk.example.com/tickets/{int(number)}?view=full&amp;tab=1"
        for href, number in links
    )
    assert "javascript:" not in linked_report


@pytest.mark.slow
@needs_chromium
def test_at_1400_pixels_the_topics_table_fits_its_page(linked_report: str, tmp_path: Path) -> None:
    measured = _measure(linked_report, tmp_path, 1400)
    # Every cell within the table, the table within the box around it, and nothing scrolled sideways.
    assert measured["cells"] <= measured["table"] <= measured["box"] <= measured["page"]
    assert measured["boxScrolled"] == 0 and measured["scrolled"] <= measured["page"]


@pytest.mark.slow
@needs_chromium
def test_the_width_probe_sees_a_table_wider_than_its_page(tmp_path: Path) -> None:
    wide = '<html><body><div style="width:900px;overflow-x:auto"><table id="topics" style="width:1200px">'
    measured = _measure(wide + "<tr><td>x</td></tr></table></div></body></html>", tmp_path, 1400)
    assert measured["table"] > measured["box"] and measured["boxScrolled"] > 0
