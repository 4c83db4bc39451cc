"""Startup benchmark (issue 24): `python -m benchmarks.startup --repeats 7`.

Times, side by side in one run, each command a person waits on against ``python -c "import click,
httpx"`` run the same way: each contender in a fresh process, all of them in turn, ``--repeats``
times, the median wall time kept (the machine is shared: the ratios are the result, the seconds a
note). Then Dagster's share: the code location's import, a step's process (the code location loaded,
its definitions built), and ``dg.materialize`` of one source's asset against the same load called
alone (at this size, Dagster's fixed cost of a step; ``benchmarks.run`` judges it at 200k messages).
Last, ``-X importtime`` of each command summed by top-level package (the median of ``--repeats``
runs): where the start goes.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.run import RESULTS, call_seconds, measure_with_output

PYTHON = sys.executable
#: The contender every ratio is taken against: what any click command fetching over HTTP imports.
BASELINE = 'python -c "import click, httpx"'
#: Commands that must start within this many times the baseline.
TARGET = 2.0
CONVERSATIONS = 10


def document(path: Path) -> str:
    """A valid document of CONVERSATIONS conversations of two messages, written to ``path``: its URL."""
    conversations = [
        {
            "id": f"c{n}",
            "lastMessageAt": "2025-01-02T10:05:00Z",
            "messages": [
                {
                    "id": "m1",
                    "role": "user",
                    "content": "Where is my order?",
                    "createdAt": "2025-01-02T10:00:00Z",
                },
                {"id": "m2", "role": "agent", "content": "On its way.", "createdAt": "2025-01-02T10:05:00Z"},
            ],
        }
        for n in range(CONVERSATIONS)
    ]
    path.write_text(json.dumps({"conversations": conversations}), encoding="utf-8")
    return path.as_uri()


def contenders(url: str, scratch: Path) -> dict[str, Callable[[int], list[str]]]:
    """Each contender's command line for a repeat (the loads get a database of their own)."""
    fern = [PYTHON, "-m", "fern_pipeline.cli"]
    database = lambda name, repeat: str(scratch / f"{name}-{repeat}.duckdb")  # noqa: E731
    return {
        BASELINE: lambda _: [PYTHON, "-c", "import click, httpx"],
        "fern-pipeline --help": lambda _: [*fern, "--help"],
        f"fern-pipeline check ({CONVERSATIONS} conversations)": lambda _: [*fern, "check", url],
        f"fern-pipeline load ({CONVERSATIONS} conversations)": lambda r: [
            *fern,
            "load",
            url,
            "--name",
            "bench",
            "--database",
            database("load", r),
        ],
        "code location import": lambda _: [PYTHON, "-c", "import fern_pipeline.definitions"],
        "a step's process: code location loaded": lambda _: [
            PYTHON,
            "-c",
            "from fern_pipeline.definitions import defs; defs().resolve_all_asset_specs()",
        ],
        "dg.materialize (one source)": lambda r: [
            PYTHON,
            "-m",
            "benchmarks.contenders",
            "dagster",
            url,
            database("dagster", r),
            "1000000",
        ],
        "load call alone, in process": lambda r: [
            PYTHON,
            "-m",
            "benchmarks.contenders",
            "inprocess",
            url,
            database("inprocess", r),
            "1000000",
        ],
    }


def importtime(command: list[str]) -> dict[str, float]:
    """Each top-level package's import time in one run of ``command``: its modules' self time, seconds."""
    result = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]], capture_output=True, text=True, check=False
    )
    by_package: dict[str, float] = defaultdict(float)
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            self_us, _, name = line.removeprefix("import time:").split("|")
            by_package[name.strip().split(".")[0]] += int(self_us) / 1e6
    return by_package


def breakdown(command: list[str], repeats: int, top: int) -> list[tuple[str, float]]:
    """The ``top`` packages by their median import time over ``repeats`` runs, and the medians' sum.

    A module imported by a thread while another imports counts its wait as its own time: one run's
    total can be several seconds off, a package's median is not.
    """
    runs = [importtime(command) for _ in range(repeats)]
    medians = {name: statistics.median(run.get(name, 0.0) for run in runs) for name in set().union(*runs)}
    ranked = sorted(medians.items(), key=lambda item: -item[1])[:top]
    return [*ranked, ("(all imports)", sum(medians.values()))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="Runs of each contender (the median is kept).")
    parser.add_argument("--top", type=int, default=8, help="Packages listed per -X importtime breakdown.")
    options = parser.parse_args()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    with tempfile.TemporaryDirectory(prefix="fern-startup-") as folder:
        scratch = Path(folder)
        url = document(scratch / "ten.json")
        commands = contenders(url, scratch)
        seconds: dict[str, list[float]] = defaultdict(list)
        calls: dict[str, list[float]] = defaultdict(list)
        for repeat in range(options.repeats):
            for name, command in commands.items():
                taken, _, output = measure_with_output(command(repeat), stderr=subprocess.DEVNULL)
                seconds[name].append(taken)
                if "call alone" in name or name.startswith("dg.materialize"):
                    calls[name].append(call_seconds(output))
        breakdowns = {
            name: breakdown(commands[name](options.repeats), options.repeats, options.top)
            for name in (
                "fern-pipeline --help",
                f"fern-pipeline check ({CONVERSATIONS} conversations)",
                f"fern-pipeline load ({CONVERSATIONS} conversations)",
                "code location import",
            )
        }
    print(summary(seconds, calls, breakdowns, options.repeats, stamp))


def summary(
    seconds: dict[str, list[float]],
    calls: dict[str, list[float]],
    breakdowns: dict[str, list[tuple[str, float]]],
    repeats: int,
    stamp: str,
) -> str:
    """The table, the verdicts and the breakdowns as Markdown; also written to benchmarks/results/."""
    median = {name: statistics.median(taken) for name, taken in seconds.items()}
    base = median[BASELINE]
    lines = [
        f"Startup ({stamp}; median of {repeats} per contender, all in turn in one run)",
        "",
        "| contender | wall time (s) | time / baseline |",
        "|---|--:|--:|",
        *(f"| {name} | {taken:.2f} | {taken / base:.2f} |" for name, taken in median.items()),
        "",
    ]
    for name in list(median)[1:3]:
        met = "met" if median[name] <= TARGET * base else "NOT met"
        lines.append(f"- {name} <= {TARGET:g} x baseline: {met} ({median[name] / base:.2f} x)")
    dagster, alone = (statistics.median(calls[name]) for name in calls)
    lines.append(
        f"- Dagster's fixed cost of a step: the dg.materialize call {dagster:.2f} s, the load called alone "
        f"{alone:.2f} s: +{dagster - alone:.2f} s (judged at 200k messages by benchmarks.run)"
    )
    for name, packages in breakdowns.items():
        lines += ["", f"`-X importtime` of {name}, self time summed by top-level package:", ""]
        lines += ["| package | import time (s) |", "|---|--:|"]
        lines += [f"| {package} | {taken:.3f} |" for package, taken in packages]
    text = "\n".join(lines)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"startup-{stamp}.md").write_text(text + "\n", encoding="utf-8")
    return text


if __name__ == "__main__":
    main()
