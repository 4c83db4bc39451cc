"""Limits that hold whatever a server does: each fetch ends by its deadline, retries stop, memory is small."""

import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import pytest

from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.http import BACKOFF
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline_tests.http_server import (
    GIB,
    MIB,
    Endpoint,
    LocalServer,
    Scenario,
    at,
    chunked,
    compressed_zeros,
    drop_connection,
    fail_then,
    gzip_bomb,
    informational_forever,
    never_accepted,
    redirect,
    redirect_forever,
    respond,
    slow_headers,
    stall,
    trickle,
    trickle_headers,
)

TIMEOUT = 1.5
#: What a fetch may take beyond its deadline: a bound check, not a benchmark.
MARGIN = 1.0


def slow_hops(server: LocalServer, _: ExitStack) -> str:
    """Redirects, each answered just under the deadline's share, the last one never."""
    for hop in range(5):
        server.route(f"/hop{hop}", slow_headers(0.4, redirect(f"/hop{hop + 1}")))
    server.route("/hop5", slow_headers(30, respond(200, b"{}")))
    return server.url("/hop0")


SLOW = [
    ("slow headers", at(slow_headers(30, respond(200, b"{}")))),
    ("headers trickled a byte at a time", at(trickle_headers())),
    ("body trickled forever", at(trickle())),
    ("body stalled before its Content-Length", at(stall(b'{"conv', {"Content-Length": "100"}))),
    ("body stalled before the connection ends", at(stall(b'{"conv'))),
    ("interim answers forever", at(informational_forever())),
    ("a slow 500 every time", at(slow_headers(0.6, respond(500)))),
    ("a redirect chain of slow hops", slow_hops),
    ("redirects without end, each slow", at(slow_headers(0.2, redirect_forever()))),
    ("connection never accepted", never_accepted),
]


@pytest.mark.parametrize("endpoint", [case[1] for case in SLOW], ids=[case[0] for case in SLOW])
def test_every_fetch_ends_within_its_deadline(server: LocalServer, endpoint: Endpoint) -> None:
    with ExitStack() as stack:
        source = SourceConfig(name="slow", url=endpoint(server, stack), timeout=TIMEOUT)
        started = time.monotonic()
        prepared = prepare(source)
        elapsed = time.monotonic() - started
    assert prepared.status == "failed"
    assert prepared.category in {"timeout", "http_status"}, prepared.message
    assert elapsed < TIMEOUT + MARGIN, f"{elapsed:.2f} s for a timeout of {TIMEOUT} s"


RETRIED = [
    ("503 every time", respond(503)),
    ("connection dropped every time", drop_connection()),
    ("429 with Retry-After 0 every time", respond(429, headers={"Retry-After": "0"})),
    ("500 that succeeds only on the fifth attempt", fail_then(4, respond(500), respond(200, b"{}"))),
]


@pytest.mark.parametrize("scenario", [case[1] for case in RETRIED], ids=[case[0] for case in RETRIED])
def test_retries_are_bounded_in_count_and_time(server: LocalServer, scenario: Scenario) -> None:
    source = SourceConfig(name="flaky", url=server.route("/p", scenario), timeout=60)
    started = time.monotonic()
    prepared = prepare(source)
    elapsed = time.monotonic() - started
    assert prepared.status == "failed"
    assert "(gave up after 4 attempts)" in prepared.message
    assert server.hits("/p") == 1 + len(BACKOFF) == 4
    assert elapsed < sum(BACKOFF) + MARGIN


#: Runs a command and prints its peak resident memory (KiB), the largest of its only child's.
MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def peak_rss(*arguments: str) -> tuple[int, int]:
    """Exit code and peak RSS in MiB of ``fern-pipeline check`` with ``arguments``, in its own process."""
    command = [sys.executable, "-c", MEASURE, sys.executable, "-m", "fern_pipeline.cli", "check", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    return result.returncode, int(result.stdout) // 1024


def sparse_file(tmp_path: Path) -> str:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(4 * GIB)
    return path.as_uri()


#: Bodies far larger than the cap of 16 MiB: what each must cost at most beyond a tiny fetch.
OVERSIZED: list[tuple[str, Callable[[LocalServer, Path], str]]] = [
    ("gzip bomb of 1 GiB", lambda server, _: server.route("/p", gzip_bomb(GIB))),
    ("chunked body of 1 GiB", lambda server, _: server.route("/p", chunked(GIB, MIB))),
    ("sparse file of 4 GiB", lambda _, tmp_path: sparse_file(tmp_path)),
]
CAP_MIB = 16
#: Allowed beyond the baseline: the cap, one decompression step, and the body's copy while parsing.
ALLOWED_MIB = 3 * CAP_MIB


@pytest.mark.slow
@pytest.mark.parametrize("endpoint", [case[1] for case in OVERSIZED], ids=[case[0] for case in OVERSIZED])
def test_memory_stays_bounded_on_oversized_bodies(
    server: LocalServer, tmp_path: Path, endpoint: Callable[[LocalServer, Path], str]
) -> None:
    compressed_zeros(GIB)  # built before the measured process starts, in this one
    tiny = server.route("/tiny", respond(200, b'{"conversations": []}'))
    code, baseline = peak_rss(tiny)
    assert code == 0
    code, peak = peak_rss(endpoint(server, tmp_path), "--max-bytes", str(CAP_MIB * MIB), "--timeout", "60")
    assert code == 1
    assert peak - baseline < ALLOWED_MIB, f"peak {peak} MiB against {baseline} MiB for a tiny body"
