"""A Dagster deployment's processes for tests: Celery workers, the code server, the daemon; all stopped.

Every process starts in its own session, so stopping it also stops what it started (the run processes
the code server launches); waiting is polling for a condition, with a deadline.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import TypeVar

import dagster as dg
from celery import Celery

T = TypeVar("T")

BIN = Path(sys.executable).parent
#: The run states after which nothing changes.
FINISHED = frozenset({dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED})


def wait_until(probe: Callable[[], T | None], *, timeout: float, what: str) -> T:
    """The first result of ``probe`` that is not None or False, polled until ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result is not None and result is not False:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.2)


def stop(process: subprocess.Popen[bytes], grace: float = 30) -> None:
    """SIGTERM to the process's session, SIGKILL to whatever is left of it after ``grace`` seconds."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=grace)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


@contextmanager
def running(
    command: list[str], *, env: Mapping[str, str], cwd: Path, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """``command`` running in its own session, its output in ``log``, stopped when the block ends."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield process
        finally:
            stop(process)


@contextmanager
def celery_workers(
    names: list[str], *, env: Mapping[str, str], cwd: Path
) -> Iterator[dict[str, subprocess.Popen[bytes]]]:
    """A worker process per name on the ``dagster`` queue, each running one step at a time, once
    every one answers a ping through the broker; keyed by the node name Celery reports."""
    with ExitStack() as stack:
        workers = {}
        for name in names:
            command = [str(BIN / "celery"), "-A", "dagster_celery.app", "worker", "--queues", "dagster"]
            command += ["--hostname", f"{name}@%h", "--pool", "solo", "--loglevel", "INFO"]
            workers[name] = stack.enter_context(running(command, env=env, cwd=cwd, log=cwd / f"{name}.log"))
        app = Celery(broker=env["CELERY_BROKER_URL"])

        def everyone_answers() -> dict[str, subprocess.Popen[bytes]] | None:
            for name, process in workers.items():
                assert process.poll() is None, (
                    f"worker {name} exited: {(cwd / f'{name}.log').read_text()[-2000:]}"
                )
            answered = {node for reply in app.control.ping(timeout=0.5) for node in reply}
            nodes = {node.split("@")[0]: node for node in answered}
            return {nodes[name]: workers[name] for name in names} if set(nodes) >= set(names) else None

        yield wait_until(everyone_answers, timeout=120, what=f"Celery workers {names} answer a ping")


@contextmanager
def code_server(*, port: int, env: Mapping[str, str], cwd: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The code location as a gRPC server on ``port``, once it listens (it loads the definitions first)."""
    command = [str(BIN / "dagster"), "api", "grpc", "-m", "fern_pipeline.definitions"]
    command += ["-h", "127.0.0.1", "-p", str(port), "--location-name", "fern_pipeline"]
    with running(command, env=env, cwd=cwd, log=cwd / "code_server.log") as server:

        def listening() -> bool:
            assert server.poll() is None, (cwd / "code_server.log").read_text()[-3000:]
            with socket.socket() as probe:
                return probe.connect_ex(("127.0.0.1", port)) == 0

        wait_until(listening, timeout=120, what="the code server listens")
        yield server


def launch(run_ids: list[str], *, workspace: Path, env: Mapping[str, str], cwd: Path) -> None:
    """``dagster job launch`` of every asset and check, once per run id, all at once: each run is queued
    in the instance, for the daemon to start."""
    command = [str(BIN / "dagster"), "job", "launch", "-w", str(workspace), "-j", "__ASSET_JOB"]
    processes = [
        subprocess.Popen(
            [*command, "--run-id", run_id], env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for run_id in run_ids
    ]
    try:
        for process in processes:
            output = process.communicate(timeout=180)[0].decode(errors="replace")
            assert process.returncode == 0, output[-3000:]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def finished_runs(instance: dg.DagsterInstance, run_ids: list[str], *, timeout: float) -> list[dg.DagsterRun]:
    """The runs once every one of them has finished, in the order given."""

    def all_finished() -> list[dg.DagsterRun] | None:
        runs = [run for run in map(instance.get_run_by_id, run_ids) if run is not None]
        return runs if len(runs) == len(run_ids) and all(run.status in FINISHED for run in runs) else None

    return wait_until(all_finished, timeout=timeout, what=f"runs {run_ids} finish")
