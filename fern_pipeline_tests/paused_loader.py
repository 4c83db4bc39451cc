"""A loader process that announces each statement of its transaction and stops before one, to be killed there.

Run as ``python -m fern_pipeline_tests.paused_loader URL NAME DATABASE STEP [no-retry]``, where
DATABASE is a DuckDB file or a config file naming a lake: it prepares the source, then loads it
through :func:`fern_pipeline.store.load.load` on a connection that prints
``step NAME`` before each statement (NAME as in ``store/sql/NAME.sql``, or ``begin``, ``commit``)
and, before STEP, prints ``paused NAME`` and waits for its stdin to close.
"""

import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb

from fern_pipeline.config import SourceConfig, load_config
from fern_pipeline.errors import DatabaseBusy
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.connection import connect
from fern_pipeline.store.lake import CONFLICT_PAUSES
from fern_pipeline.store.load import load
from fern_pipeline.store.queries import sql

#: Where a crash test kills a load (the statement it pauses before), and what that point means.
KILL_POINTS = {
    "delete_replaced_conversations": "after the first batch deleted old messages",
    "insert_messages": "after the first batch wrote its conversations",
    "insert_fetch": "with every batch written, before the fetch row",
    "commit": "with every row written, before the commit",
}

STATEMENTS = (
    "next_fetch_id",
    "insert_fetch",
    "insert_format_errors",
    "delete_replaced_messages",
    "delete_replaced_conversations",
    "insert_conversations",
    "insert_messages",
)


class Announcing:
    """A DuckDB connection that announces the load's steps, and pauses before one of them."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, pause_before: str) -> None:
        self._connection = connection
        self._pause_before = pause_before
        self._names = {sql(name): name for name in STATEMENTS}

    def _step(self, name: str) -> None:
        print(f"step {name}", flush=True)
        if name == self._pause_before:
            print(f"paused {name}", flush=True)
            sys.stdin.read()

    def begin(self) -> Any:
        self._step("begin")
        return self._connection.begin()

    def announce(self, query: str) -> None:
        if query in self._names:
            self._step(self._names[query])

    def execute(self, query: str, *parameters: Any) -> Any:
        self.announce(query)
        # The load's SQL reads a batch's tables by the names of its caller's locals (DuckDB's
        # replacement scan looks in the frame that calls execute): this frame passes them on.
        caller = sys._getframe(1).f_locals
        staged_conversations = caller.get("staged_conversations")  # noqa: F841
        staged_messages = caller.get("staged_messages")  # noqa: F841
        return self._connection.execute(query, *parameters)

    def commit(self) -> Any:
        self._step("commit")
        return self._connection.commit()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


def main(url: str, name: str, target: str, pause_before: str, retries: str = "retry") -> None:
    """Load into ``target``, a DuckDB file or a config naming a lake; ``no-retry``: fail at a conflict."""
    prepared = prepare(SourceConfig(name=name, url=url))
    print(f"prepared {prepared.messages_loaded} messages", flush=True)
    warehouse = load_config(Path(target)).warehouse if target.endswith(".yaml") else Path(target)
    pauses = () if retries == "no-retry" else CONFLICT_PAUSES
    try:
        with connect(warehouse) as connection:
            load(
                Announcing(connection, pause_before),  # type: ignore[arg-type]
                prepared,
                on_retry=lambda: print("retrying after a conflict", flush=True),
                conflict_pauses=pauses,
            )
    except DatabaseBusy as busy:
        print(f"failed {busy.category}: {busy}", flush=True)
        sys.exit(1)
    print("loaded", flush=True)


def start(url: str, name: str, target: Path, pause_before: str, *extra: str) -> subprocess.Popen[str]:
    """This module in a process of its own, run as above; its stdin and stdout are pipes."""
    command = [
        sys.executable,
        "-m",
        "fern_pipeline_tests.paused_loader",
        url,
        name,
        str(target),
        pause_before,
        *extra,
    ]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
