"""Run the benchmark: `python -m benchmarks.run --sizes 10k,200k,1m --repeats 3`.

For each payload size it generates a deterministic document into a temporary folder, serves it from
a separate process over local HTTP, then runs the contenders alternately, each in a fresh process,
recording wall time (from process start to exit, imports included) and peak RSS (the child's own
``ru_maxrss`` from ``wait4``). After each run it asserts that the database holds the payload's rows.
"""

import argparse
import importlib.util
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from benchmarks.contenders import SOURCE, fern_command
from benchmarks.payload import Payload, generate
from fern_pipeline.store.schema import create_table_sql
from fern_pipeline.tables import TABLES

SIZES = {"10k": 10_000, "200k": 200_000, "1m": 1_000_000}
#: The contender every ratio is taken against.
BASELINE = "duckdb read_json"

LOAD, RELOAD, DLT, DAGSTER, DAGSTER_CALL, LOAD_CALL = (
    "fern-pipeline load",
    "fern-pipeline load (reload)",
    "dlt rest_api",
    "dg.materialize (one source)",
    "dg.materialize call alone",
    "load call alone, in process",
)
RESULTS = Path(__file__).with_name("results")
#: Median wall time (s) and median peak RSS (MiB) per (size, contender).
Medians = dict[tuple[str, str], tuple[float, float]]


@dataclass(frozen=True)
class Run:
    """One contender's run on one payload."""

    size: str
    contender: str
    repeat: int
    seconds: float
    peak_rss_mib: float


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``command`` to its end; its wall time in seconds and its own peak RSS in MiB."""
    seconds, rss, _ = measure_with_output(command, env)
    return seconds, rss


def measure_with_output(
    command: list[str], env: dict[str, str] | None = None, *, stderr: int | None = None
) -> tuple[float, float, bytes]:
    """:func:`measure`, and what the command printed (``stderr``: where its errors go, else ours)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, env=env)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed with exit code {process.returncode}: {output[-2000:]!r}")
    return seconds, usage.ru_maxrss / 1024, output


def call_seconds(output: bytes) -> float:
    """The seconds a contender measured around its call alone, from its last line of output."""
    return float(json.loads(output.splitlines()[-1])["call_seconds"])


def count_rows(database: Path, tables: tuple[str, str]) -> tuple[int, int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return tuple(connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] for table in tables)


@contextmanager
def served(directory: Path) -> Iterator[str]:
    """A static server of ``directory`` in its own process; yields its base URL."""
    server = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.server", str(directory)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


class Bench:
    """The contenders of one payload, each a function of a fresh database that returns a measurement."""

    def __init__(self, payload: Payload, url: str, scratch: Path) -> None:
        self.payload, self.url, self.scratch = payload, url, scratch
        self.schema = scratch / "schema.sql"
        self.schema.write_text(
            ";\n".join(create_table_sql(name, TABLES[name]) for name in ("conversations", "messages")) + ";\n"
        )
        self.counter = 0

    def database(self) -> Path:
        self.counter += 1
        return self.scratch / f"run-{self.counter}.duckdb"

    def expect(self, database: Path, tables: tuple[str, str]) -> None:
        found = count_rows(database, tables)
        wanted = (self.payload.conversations, self.payload.messages)
        if found != wanted:
            raise AssertionError(f"{database.name}: {tables} hold {found} rows, the payload has {wanted}")

    def duckdb(self) -> dict[str, tuple[float, float]]:
        database = self.database()
        command = [sys.executable, "-m", "benchmarks.contenders", "duckdb", self.url, str(database)]
        result = measure([*command, str(self.schema)])
        self.expect(database, ("conversations", "messages"))
        return {BASELINE: result}

    def fern(self) -> dict[str, tuple[float, float]]:
        """The first load into a fresh database, then the same payload again into it (all replaced)."""
        database = self.database()
        command = fern_command(self.url, database, max_bytes=self.payload.bytes)
        first = measure(command)
        self.expect(database, ("conversations", "messages"))
        again = measure(command)
        self.expect(database, ("conversations", "messages"))
        return {LOAD: first, RELOAD: again}

    def dagster(self) -> dict[str, tuple[float, float]]:
        """The asset through ``dg.materialize``; the call alone is compared with the load called alone."""
        database = self.database()
        command = [sys.executable, "-m", "benchmarks.contenders", "dagster", self.url, str(database)]
        seconds, rss, output = measure_with_output([*command, str(self.payload.bytes)])
        self.expect(database, ("conversations", "messages"))
        return {DAGSTER: (seconds, rss), DAGSTER_CALL: (call_seconds(output), rss)}

    def in_process(self) -> dict[str, tuple[float, float]]:
        database = self.database()
        command = [sys.executable, "-m", "benchmarks.contenders", "inprocess", self.url, str(database)]
        _, rss, output = measure_with_output([*command, str(self.payload.bytes)])
        self.expect(database, ("conversations", "messages"))
        return {LOAD_CALL: (call_seconds(output), rss)}

    def dlt(self) -> dict[str, tuple[float, float]]:
        database = self.database()
        command = [sys.executable, "-m", "benchmarks.contenders", "dlt", self.url, str(database)]
        result = measure(command, env={**os.environ, "RUNTIME__DLTHUB_TELEMETRY": "false"})
        self.expect(database, (f"{SOURCE}.conversations", f"{SOURCE}.conversations__messages"))
        return {DLT: result}


def dagster_layer() -> bool:
    """Whether the Dagster assets exist in this checkout (they are built on another branch)."""
    return importlib.util.find_spec("fern_pipeline.defs") is not None


def dlt_installed() -> bool:
    try:
        import dlt  # noqa: F401
    except ImportError:
        return False
    return True


def run(sizes: list[str], repeats: int, dlt_sizes: set[str], dagster_sizes: set[str]) -> list[Run]:
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="fern-bench-") as folder:
        scratch = Path(folder)
        payloads = {}
        for size in sizes:
            payloads[size] = generate(scratch / f"conversations-{size}.json", SIZES[size])
            payload = payloads[size]
            print(f"{size}: {payload.conversations:,} conversations, {payload.bytes / 1e6:.0f} MB")
        with served(scratch) as base:
            for size in sizes:
                bench = Bench(payloads[size], f"{base}/{payloads[size].path.name}", scratch)
                contenders: list[Callable[[], dict[str, tuple[float, float]]]] = [bench.duckdb, bench.fern]
                if size in dagster_sizes:
                    contenders.extend([bench.in_process, bench.dagster])
                if size in dlt_sizes:
                    contenders.append(bench.dlt)
                for repeat in range(repeats):
                    # Alternate the order, so neither side always runs on a machine the other just warmed.
                    for contender in contenders if repeat % 2 == 0 else contenders[::-1]:
                        for name, (seconds, rss) in contender().items():
                            runs.append(Run(size, name, repeat, seconds, rss))
                            print(f"  {size} {name} #{repeat + 1}: {seconds:.2f} s, {rss:.0f} MiB")
                for database in scratch.glob("run-*.duckdb*"):
                    database.unlink()
    return runs


def medians(runs: list[Run]) -> Medians:
    """Median wall time and median peak RSS per (size, contender), in the order first run."""
    found: Medians = {}
    for run in runs:
        key = (run.size, run.contender)
        if key not in found:
            chosen = [other for other in runs if (other.size, other.contender) == key]
            found[key] = (
                statistics.median(other.seconds for other in chosen),
                statistics.median(other.peak_rss_mib for other in chosen),
            )
    return found


def table(found: Medians) -> str:
    """The medians as a Markdown table, with ratios to the baseline."""
    rows = [
        "| messages | contender | wall time (s) | peak RSS (MiB) | time / baseline | RSS / baseline |",
        "|---|---|--:|--:|--:|--:|",
    ]
    for (size, contender), (seconds, rss) in found.items():
        base_seconds, base_rss = found[(size, BASELINE)]
        rows.append(
            f"| {size} | {contender} | {seconds:.2f} | {rss:.0f} | "
            f"{seconds / base_seconds:.2f} | {rss / base_rss:.2f} |"
        )
    return "\n".join(rows)


def targets(found: Medians) -> str:
    """Issue 7's targets, each with the figures it was judged on: met, not met, or not measured."""
    lines = []

    def judge(name: str, needed: tuple[tuple[str, str], ...], rule: Callable[..., tuple[bool, str]]) -> None:
        if not all(key in found for key in needed):
            lines.append(f"- {name}: not measured in this run")
            return
        met, figures = rule(*(found[key] for key in needed))
        lines.append(f"- {name}: {'met' if met else 'NOT met'} ({figures})")

    def time_within(name: str, size: str, subject: str, reference: str, factor: float) -> None:
        judge(
            name,
            ((size, subject), (size, reference)),
            lambda ours, theirs: (
                ours[0] <= factor * theirs[0],
                f"{ours[0]:.2f} s vs {theirs[0]:.2f} s, {ours[0] / theirs[0]:.2f} x",
            ),
        )

    time_within("200k: load time <= 1.0 x baseline", "200k", LOAD, BASELINE, 1.0)
    judge(
        "200k: load peak RSS <= baseline's",
        (("200k", LOAD), ("200k", BASELINE)),
        lambda load, base: (load[1] <= base[1], f"{load[1]:.0f} MiB vs {base[1]:.0f} MiB"),
    )
    judge(
        "200k: load at least 10 x faster than dlt",
        (("200k", LOAD), ("200k", DLT)),
        lambda load, dlt: (
            dlt[0] >= 10 * load[0],
            f"{load[0]:.2f} s vs {dlt[0]:.2f} s, dlt takes {dlt[0] / load[0]:.1f} x as long",
        ),
    )
    time_within("1m: load time <= 1.0 x baseline", "1m", LOAD, BASELINE, 1.0)
    judge("1m: load peak RSS <= 1 GiB", (("1m", LOAD),), lambda load: (load[1] <= 1024, f"{load[1]:.0f} MiB"))
    time_within("200k: reload <= 1.5 x first load", "200k", RELOAD, LOAD, 1.5)
    judge(
        "200k: dg.materialize adds <= 1 s to load (each call alone, in a process that imported everything)",
        (("200k", DAGSTER_CALL), ("200k", LOAD_CALL)),
        lambda dagster, load: (
            dagster[0] - load[0] <= 1,
            f"{dagster[0]:.2f} s vs {load[0]:.2f} s, +{dagster[0] - load[0]:.2f} s",
        ),
    )
    return "\n".join(lines)


def growth(found: Medians) -> str:
    """How each contender's median time and memory grow from one payload size to the next."""
    sizes = [size for size in SIZES if any(key[0] == size for key in found)]
    lines = []
    for contender in dict.fromkeys(contender for _, contender in found):
        for smaller, larger in itertools.pairwise(sizes):
            if (smaller, contender) in found and (larger, contender) in found:
                (small_seconds, small_rss), (large_seconds, large_rss) = (
                    found[(smaller, contender)],
                    found[(larger, contender)],
                )
                factor = SIZES[larger] / SIZES[smaller]
                lines.append(
                    f"- {contender}, {smaller} to {larger} ({factor:g} x the messages): "
                    f"time {large_seconds / small_seconds:.2f} x, peak RSS {large_rss / small_rss:.2f} x"
                )
    return "\n".join(lines) or "- one size only in this run"


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / (1 << 30)
    system = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    return f"{os.cpu_count()} cores, {memory:.0f} GiB RAM, {system}"


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # progress lines as they come, also through a pipe
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10k,200k,1m", help="comma-separated: 10k, 200k, 1m")
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs per contender and size (the median is reported)"
    )
    parser.add_argument(
        "--dlt-sizes", default="10k,200k", help="sizes dlt runs at, when installed (it is slow at 1m)"
    )
    parser.add_argument("--dagster-sizes", default="200k", help="sizes dg.materialize runs at")
    arguments = parser.parse_args()
    sizes = [size.strip().lower() for size in arguments.sizes.split(",")]
    unknown = set(sizes) - set(SIZES)
    if unknown:
        parser.error(f"unknown sizes {sorted(unknown)}: use {', '.join(SIZES)}")
    dlt_sizes = set(arguments.dlt_sizes.split(",")) if dlt_installed() else set()
    if not dlt_installed():
        print("dlt is not installed: `make bench` installs it (benchmarks/requirements.txt); skipping it")
    dagster_sizes = set(arguments.dagster_sizes.split(",")) if dagster_layer() else set()
    if not dagster_layer():
        print("the Dagster layer (fern_pipeline.defs) is not in this checkout: dg.materialize not measured")
    runs = run(sizes, arguments.repeats, dlt_sizes, dagster_sizes)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    found = medians(runs)
    summary = (
        f"Median of {arguments.repeats} run(s) per contender, {machine()}, {stamp}.\n\n"
        f"{table(found)}\n\nTargets of issue 7:\n\n{targets(found)}\n\nGrowth:\n\n{growth(found)}\n"
    )
    print("\n" + summary)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{stamp}.md").write_text(summary, encoding="utf-8")
    record = {"machine": machine(), "repeats": arguments.repeats, "runs": [asdict(run) for run in runs]}
    (RESULTS / f"{stamp}.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    print(f"written: {RESULTS / stamp}.md and .json")


if __name__ == "__main__":
    main()
