"""The no-skips plugin, in a pytest of its own: a skip fails under ``make test``, and says why everywhere."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fern_pipeline_tests.no_skips import REQUIRE_ENV

ROOT = Path(__file__).resolve().parents[1]
TESTS = """
import pytest

def test_runs():
    pass

def test_skips_in_its_body():
    pytest.skip("Chromium is not installed")

@pytest.mark.skipif(True, reason="PostgreSQL is not installed")
def test_skips_by_its_marker():
    pass

@pytest.mark.optional_data
@pytest.mark.skipif(True, reason="data absent: the corpus is not here")
def test_skips_for_want_of_data():
    pass

@pytest.mark.xfail(reason="a known fault")
def test_fails_as_expected():
    assert False
"""


MODULE_SKIP = """
import pytest

pytest.importorskip("fern_no_such_module", reason="Redis's client is not installed")

def test_never_runs():
    pass
"""


def _pytest(tmp_path: Path, require: str | None, *modules: str) -> subprocess.CompletedProcess[str]:
    """pytest with the plugin over ``modules`` (of ``skips_test``, ``module_skips_test``)."""
    for name, text in (("skips_test", TESTS), ("module_skips_test", MODULE_SKIP)):
        (tmp_path / f"{name}.py").write_text(text)
    env = {key: value for key, value in os.environ.items() if key != REQUIRE_ENV}
    # Wide enough that the short summary's lines are whole.
    env |= {"PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]), "COLUMNS": "200"}
    if require is not None:
        env[REQUIRE_ENV] = require
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "fern_pipeline_tests.no_skips", "-p", "no:cacheprovider",
         "-ra", "--rootdir", str(tmp_path), *(f"{module}.py" for module in modules)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def _summary(output: str) -> list[str]:
    """The short test summary's lines, each without the test's line number."""
    lines = output.split(" short test summary info ", 1)[1].splitlines()[1:-1]
    return [re.sub(r"^(SKIPPED \[1\] \w+\.py):\d+:", r"\1:", line) for line in lines]


#: How a skip ends where skips fail.
NO_SKIP = f"(skipped, and {REQUIRE_ENV}=1 allows no skip)"


@pytest.mark.slow
def test_under_make_test_each_skip_fails_naming_its_reason(tmp_path: Path) -> None:
    ran = _pytest(tmp_path, "1", "skips_test")
    assert ran.returncode == 1, ran.stdout
    assert _summary(ran.stdout) == [
        "SKIPPED [1] skips_test.py: data absent: the corpus is not here",
        "XFAIL skips_test.py::test_fails_as_expected - a known fault",
        f"ERROR skips_test.py::test_skips_by_its_marker - PostgreSQL is not installed {NO_SKIP}",
        f"FAILED skips_test.py::test_skips_in_its_body - Chromium is not installed {NO_SKIP}",
    ]


@pytest.mark.slow
def test_under_make_test_a_module_that_skips_stops_the_run(tmp_path: Path) -> None:
    ran = _pytest(tmp_path, "1", "module_skips_test", "skips_test")
    assert ran.returncode == 2, ran.stdout
    assert (
        _summary(ran.stdout)[0] == f"ERROR module_skips_test.py - Redis's client is not installed {NO_SKIP}"
    )
    assert "Interrupted: 1 error during collection" in ran.stdout


@pytest.mark.slow
def test_elsewhere_skips_pass_and_the_summary_names_each_with_its_reason(tmp_path: Path) -> None:
    ran = _pytest(tmp_path, None, "module_skips_test", "skips_test")
    assert ran.returncode == 0, ran.stdout
    assert _summary(ran.stdout) == [
        "SKIPPED [1] module_skips_test.py: Redis's client is not installed",
        "SKIPPED [1] skips_test.py: Chromium is not installed",
        "SKIPPED [1] skips_test.py: PostgreSQL is not installed",
        "SKIPPED [1] skips_test.py: data absent: the corpus is not here",
        "XFAIL skips_test.py::test_fails_as_expected - a known fault",
    ]
