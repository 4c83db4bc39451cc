"""Every benchmark still imports: a name moved in the package breaks ``make bench`` before it runs."""

import importlib
from pathlib import Path

import pytest

BENCHMARKS = sorted(
    path.stem for path in (Path(__file__).parents[1] / "benchmarks").glob("*.py") if path.stem != "__init__"
)


def test_the_benchmarks_are_found() -> None:
    assert {"audit_scale", "run", "startup", "topics_quality"} <= set(BENCHMARKS)


@pytest.mark.parametrize("name", BENCHMARKS)
def test_a_benchmark_imports(name: str) -> None:
    module = importlib.import_module(f"benchmarks.{name}")
    assert module.__doc__, f"benchmarks/{name}.py has no docstring saying how to run it"
