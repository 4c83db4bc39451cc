"""The lake against the file, and four sources at once against one after another: `python -m benchmarks.lake`.

A private PostgreSQL (Debian's, as the tests start it) holds the lake's catalog; the data goes to a
folder under a temporary directory. Every load is the real command line, `fern-pipeline load`, in a
fresh process, on the 200,000-message document of ``benchmarks.run``:

- **file** and **lake**: one source into an empty DuckDB file, and into an empty lake, alternately.
- **4 after another** and **4 at once**: four sources (the same document under four names) into a
  new lake, one process after another, and four processes started together; the wall time of the
  four from the first start to the last exit. Throughput is messages stored per second.

After every run the stored rows are counted against the payload. Results go to ``benchmarks/results/``.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import yaml

from benchmarks.payload import Payload, generate
from benchmarks.run import RESULTS, machine, measure, served
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.store.lake import connect_lake
from fern_pipeline_tests.services import Postgres, running_postgres

MESSAGES = 200_000
SOURCES = 4
PASSWORD_ENV = "FERN_BENCH_LAKE_PASSWORD"


@dataclass(frozen=True)
class Run:
    """One contender's run: its wall time, and the peak RSS of its process (the largest of four)."""

    contender: str
    repeat: int
    seconds: float
    peak_rss_mib: float
    messages: int


class LakeBench:
    """Fresh lakes on one PostgreSQL, and the commands that load into them or into a file."""

    def __init__(self, postgres: Postgres, payload: Payload, url: str, scratch: Path) -> None:
        self.postgres, self.payload, self.url, self.scratch = postgres, payload, url, scratch
        self.count = 0
        os.environ[PASSWORD_ENV] = postgres.password  # read by this process's counts and by each load
        self.env = dict(os.environ)

    def new_lake(self) -> tuple[LakeConfig, Path]:
        """An empty lake, and a config file naming it with SOURCES sources of the payload's URL."""
        self.count += 1
        database = self.postgres.create_database(f"bench_lake_{self.count}")
        lake = LakeConfig(
            catalog=self.postgres.dsn(database).rsplit(" password=", 1)[0],
            password="{{ env." + PASSWORD_ENV + " }}",
            data_path=str(self.scratch / f"lake{self.count}"),
        )
        config = self.scratch / f"lake{self.count}.yaml"
        sources = [self.source(f"bench{number}") for number in range(SOURCES)]
        config.write_text(yaml.safe_dump({"lake": lake.model_dump(exclude_none=True), "sources": sources}))
        return lake, config

    def source(self, name: str) -> dict[str, object]:
        """A source reading the payload, with limits that let it through."""
        return {"name": name, "url": self.url, "max_bytes": self.payload.bytes + 1, "timeout": 900}

    def command(self, source: str, config: Path) -> list[str]:
        executable = str(Path(sys.executable).with_name("fern-pipeline"))
        return [executable, "load", "--source", source, "--config", str(config), "--json"]

    def stored(self, lake: LakeConfig) -> int:
        with connect_lake(lake) as connection:
            [(messages,)] = connection.execute("SELECT count(*) FROM messages").fetchall()
        return int(messages)

    def file(self, repeat: int) -> Run:
        database = self.scratch / f"file{repeat}.duckdb"
        config = self.scratch / f"file{repeat}.yaml"
        config.write_text(yaml.safe_dump({"database": str(database), "sources": [self.source("bench0")]}))
        seconds, rss = measure(self.command("bench0", config), self.env)
        with duckdb.connect(str(database), read_only=True) as connection:
            [(messages,)] = connection.execute("SELECT count(*) FROM messages").fetchall()
        return Run("file", repeat, seconds, rss, int(messages))

    def lake(self, repeat: int) -> Run:
        lake, config = self.new_lake()
        seconds, rss = measure(self.command("bench0", config), self.env)
        return Run("lake", repeat, seconds, rss, self.stored(lake))

    def after_another(self, repeat: int) -> Run:
        lake, config = self.new_lake()
        started = time.perf_counter()
        rss = max(measure(self.command(f"bench{number}", config), self.env)[1] for number in range(SOURCES))
        return Run(
            f"{SOURCES} after another (lake)", repeat, time.perf_counter() - started, rss, self.stored(lake)
        )

    def at_once(self, repeat: int) -> Run:
        lake, config = self.new_lake()
        started = time.perf_counter()
        processes = [
            subprocess.Popen(self.command(f"bench{number}", config), stdout=subprocess.PIPE, env=self.env)
            for number in range(SOURCES)
        ]
        peaks = []
        for process in processes:
            output = process.stdout.read() if process.stdout is not None else b""
            _, status, usage = os.wait4(process.pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError(f"a load of the four failed: {output[-2000:]!r}")
            assert json.loads(output)["status"] == "ok"
            peaks.append(usage.ru_maxrss / 1024)
        seconds = time.perf_counter() - started
        return Run(f"{SOURCES} at once (lake)", repeat, seconds, max(peaks), self.stored(lake))


def summary(runs: list[Run], payload: Payload, repeats: int, stamp: str) -> str:
    """The medians as a Markdown table, and the figures the README quotes."""
    contenders = list(dict.fromkeys(run.contender for run in runs))
    median = {
        name: (
            statistics.median(run.seconds for run in runs if run.contender == name),
            statistics.median(run.peak_rss_mib for run in runs if run.contender == name),
            next(run.messages for run in runs if run.contender == name),
        )
        for name in contenders
    }
    lines = [
        f"Median of {repeats} run(s), {payload.messages:,} messages per source, {machine()}, {stamp}.",
        "",
        "| contender | wall time (s) | peak RSS (MiB) | messages stored | messages / s |",
        "|---|--:|--:|--:|--:|",
    ]
    for name, (seconds, rss, messages) in median.items():
        lines.append(f"| {name} | {seconds:.2f} | {rss:.0f} | {messages:,} | {messages / seconds:,.0f} |")
    file_seconds, lake_seconds = median["file"][0], median["lake"][0]
    after = median[f"{SOURCES} after another (lake)"][0]
    at_once = median[f"{SOURCES} at once (lake)"][0]
    lines += [
        "",
        f"- one source: the lake takes {lake_seconds / file_seconds:.2f} x the file's time",
        f"- {SOURCES} sources at once: {after / at_once:.2f} x the throughput of one after another",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per contender (the median is reported)")
    parser.add_argument("--messages", type=int, default=MESSAGES, help="messages in the document")
    arguments = parser.parse_args()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="fern-lake-bench-") as folder, running_postgres() as postgres:
        scratch = Path(folder)
        (scratch / "www").mkdir()
        payload = generate(scratch / "www" / "payload.json", arguments.messages)
        with served(scratch / "www") as base:
            bench = LakeBench(postgres, payload, f"{base}/payload.json", scratch)
            for repeat in range(arguments.repeats):
                for contender in (bench.file, bench.lake, bench.after_another, bench.at_once):
                    run = contender(repeat)
                    expected = payload.messages * (SOURCES if "4" in run.contender else 1)
                    if run.messages != expected:
                        raise RuntimeError(f"{run.contender} stored {run.messages} messages, not {expected}")
                    print(f"{run.contender}: {run.seconds:.2f} s, {run.peak_rss_mib:.0f} MiB")
                    runs.append(run)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    text = summary(runs, payload, arguments.repeats, stamp)
    print("\n" + text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"lake-{stamp}.md").write_text(text, encoding="utf-8")
    record = {"machine": machine(), "runs": [asdict(run) for run in runs]}
    (RESULTS / f"lake-{stamp}.json").write_text(json.dumps(record, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
