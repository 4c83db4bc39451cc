"""The Dagster UI of the demo project for browser tests: dagster-webserver and the daemon, on a free port
over a temporary DAGSTER_HOME with the shipped dagster.yaml, and Debian's Chromium driven by Playwright."""

import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
from playwright.sync_api import ConsoleMessage, Page, sync_playwright

from fern_pipeline_tests.processes import Lines

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
#: Headless Chromium as root, with nothing of its own going to the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
]
#: Seconds the servers get to start on a busy 2-core machine, and to stop before they are killed.
START_TIMEOUT = 180
STOP_TIMEOUT = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def demo_environment(tmp_path: Path) -> dict[str, str]:
    """A DAGSTER_HOME with the repo's dagster.yaml (storage created once, as ``make ui`` does) and the
    demo sources (no configuration file) loading into a DuckDB file under ``tmp_path``."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.get_run_records(limit=1)
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("FERN_", "DAGSTER_"))
    }
    return environment | {
        "DAGSTER_HOME": str(home),
        "FERN_DUCKDB_PATH": str(tmp_path / "data" / "fern.duckdb"),
    }


@contextmanager
def started(command: list[str], ready: str, *, cwd: Path, environment: dict[str, str]) -> Iterator[Lines]:
    """``command`` running in a session of its own until the block ends, once it printed ``ready``;
    then the whole session (its code servers and runs too) is stopped."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        lines = Lines(process.stdout)
        lines.wait_for(ready, timeout=START_TIMEOUT, anywhere=True)
        yield lines
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_TIMEOUT)


@contextmanager
def dagster_ui(tmp_path: Path) -> Iterator[str]:
    """The demo project in ``dagster-webserver`` (with the daemon, which launches queued runs); its URL."""
    environment = demo_environment(tmp_path)
    port = free_port()
    workspace = str(REPO / "workspace.yaml")
    with ExitStack() as stack:
        stack.enter_context(
            started(
                [str(BIN / "dagster-daemon"), "run", "-w", workspace],
                "daemons",
                cwd=tmp_path,
                environment=environment,
            )
        )
        stack.enter_context(
            started(
                [str(BIN / "dagster-webserver"), "-w", workspace, "-h", "127.0.0.1", "-p", str(port)],
                "Serving dagster-webserver",
                cwd=tmp_path,
                environment=environment,
            )
        )
        yield f"http://127.0.0.1:{port}"


@dataclass
class Browser:
    """A Chromium page on the Dagster UI, its console errors collected and each step screenshotted."""

    page: Page
    base: str
    screenshots: Path
    errors: list[str] = field(default_factory=list)
    steps: int = 0

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url')})")

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)

    def screenshot(self, name: str) -> Path:
        self.steps += 1
        path = self.screenshots / f"{self.steps:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)
        return path


@contextmanager
def browser(base: str, screenshots: Path) -> Iterator[Browser]:
    """Debian's Chromium (no browser download) on ``base``; Dagster's first-visit newsletter dialog is
    skipped whenever it shows, as a user would."""
    screenshots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = chromium.new_page(viewport={"width": 1400, "height": 900})
            driven = Browser(page, base, screenshots)
            page.on("console", driven.console)
            page.on("pageerror", lambda error: driven.errors.append(f"page error: {error}"))
            page.add_locator_handler(
                page.get_by_text("Join the Dagster community"),
                lambda: page.get_by_role("button", name="Skip").click(),
            )
            try:
                yield driven
            except BaseException:
                print(f"failed at: {driven.screenshot('failed')}")
                raise
        finally:
            chromium.close()
