"""A pytest plugin: with ``FERN_REQUIRE_SYSTEM_TESTS=1`` (`make test`, CI) a skip fails, saying why.

``make test`` installs what the tests need (Chromium, PostgreSQL, Redis) before they run, so a test that
skips there has lost what it checks without anyone seeing it. Only a test marked ``optional_data`` (one
over the team's shared corpora, absent from a clone) may still skip; ``-ra`` lists it with its reason.
"""

import os

import pytest

#: The variable that turns skips into failures.
REQUIRE_ENV = "FERN_REQUIRE_SYSTEM_TESTS"
#: The marker of a test that may skip there: its data lives outside the clone.
OPTIONAL_DATA = "optional_data"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{OPTIONAL_DATA}: reads data from outside the clone and skips without it, "
        f"even where {REQUIRE_ENV}=1 fails every other skip",
    )


def _failed_if_required(
    report: pytest.TestReport | pytest.CollectReport, node: pytest.Item | pytest.Collector
) -> None:
    """Turn ``report``, a skip of ``node``, into a failure that gives the skip's reason, where required."""
    if (
        not report.skipped
        or hasattr(report, "wasxfail")
        or os.environ.get(REQUIRE_ENV) != "1"
        or node.get_closest_marker(OPTIONAL_DATA) is not None
    ):
        return
    stated = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    # The reason first: the short summary cuts its lines at the terminal's width.
    report.longrepr = f"{stated.removeprefix('Skipped: ')} (skipped, and {REQUIRE_ENV}=1 allows no skip)"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> pytest.TestReport:
    report: pytest.TestReport = yield
    _failed_if_required(report, item)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> pytest.CollectReport:
    """A whole module skipped (``pytest.importorskip``, ``pytest.skip(allow_module_level=True)``)."""
    report: pytest.CollectReport = yield
    _failed_if_required(report, collector)
    return report
