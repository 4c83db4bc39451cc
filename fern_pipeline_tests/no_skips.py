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


def _reason(report: pytest.TestReport) -> str:
    """The reason the skip gave."""
    stated = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    return stated.removeprefix("Skipped: ")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> pytest.TestReport:
    report: pytest.TestReport = yield
    if (
        report.skipped
        and not hasattr(report, "wasxfail")
        and os.environ.get(REQUIRE_ENV) == "1"
        and item.get_closest_marker(OPTIONAL_DATA) is None
    ):
        report.outcome = "failed"
        # The reason first: the short summary cuts its lines at the terminal's width.
        report.longrepr = f"{_reason(report)} (skipped, and {REQUIRE_ENV}=1 allows no skip)"
    return report
