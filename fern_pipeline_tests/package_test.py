"""The built wheel, installed into a fresh virtual environment, runs the demo and the check on its own."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
#: Every file the package reads at run time, by the pattern its reader uses (beside the module).
DATA_FILES = (
    "fern_pipeline/py.typed",
    "fern_pipeline/demo/data/demo_helpdesk.json",
    "fern_pipeline/demo/data/demo_webshop.json",
    "fern_pipeline/demo/help_center/reset-your-password.md",
    "fern_pipeline/store/sql/insert_messages.sql",
    "fern_pipeline/audit/sql/topics.sql",
    "fern_pipeline/audit/templates/report.html.j2",
    "fern_pipeline/audit/support_chatter.txt",
)


def packaged_files() -> set[str]:
    """The files under fern_pipeline/ that the package reads: everything but Python sources and caches."""
    return {
        path.relative_to(REPO).as_posix()
        for path in (REPO / "fern_pipeline").rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel, from the repository, without network."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            out,
            REPO,
        ],
        check=True,
        cwd=out,
    )
    (built,) = out.glob("fern_pipeline-*.whl")
    return built


def test_the_wheel_holds_every_data_file_and_the_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(DATA_FILES) <= names
    missing = packaged_files() - names
    assert not missing, f"files the package reads are not in the wheel: {sorted(missing)}"
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert not any(name.startswith("fern_pipeline_tests/") for name in names)


@pytest.mark.slow
@pytest.mark.timeout(900)  # a whole `dagster asset materialize` of the demo, as make demo runs it
def test_an_installed_wheel_materializes_the_demo_and_checks_a_source(wheel: Path, tmp_path: Path) -> None:
    """A fresh environment with the wheel installed; its dependencies are this environment's, offline.

    The dependencies come from this test's own environment through a path file (installing them from a
    registry would need the network); the package itself is imported from the wheel, never the clone.
    """
    environment_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(environment_dir)
    python = environment_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            wheel,
        ],
        check=True,
    )
    work = tmp_path / "work"
    work.mkdir()
    home = work / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("FERN_", "DAGSTER_"))}
    env = clean | {"DAGSTER_HOME": str(home), "PYTHONPATH": ""}

    located = subprocess.run(
        [python, "-c", "import fern_pipeline.config; print(fern_pipeline.config.__file__)"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    assert Path(located.stdout.strip()).is_relative_to(environment_dir)

    materialized = subprocess.run(
        [python, "-m", "dagster", "asset", "materialize", "-m", "fern_pipeline.definitions", "--select", "*"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert materialized.returncode == 0, materialized.stderr[-3000:]
    with duckdb.connect(str(work / "data" / "fern.duckdb"), read_only=True) as connection:
        sources = dict(
            connection.execute("SELECT source, count(*) FROM conversations GROUP BY ALL").fetchall()
        )
        topics = connection.execute("SELECT count(*) FROM audit_topics").fetchone()
    assert set(sources) == {"demo_helpdesk", "demo_webshop"} and min(sources.values()) > 100
    assert topics is not None and topics[0] > 0
    assert (work / "data" / "audit_report.html").is_file()

    checked = subprocess.run(
        [environment_dir / "bin" / "fern-pipeline", "check", "--source", "demo_helpdesk", "--json"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    outcome = json.loads(checked.stdout)
    # The demo source sends a few deliberately malformed conversations among its valid ones.
    assert outcome["category"] == "invalid_format" and outcome["conversations"] > 100, checked.stderr
    assert {"path", "code", "message"} <= set(outcome["errors"][0])
    assert checked.returncode == 1
