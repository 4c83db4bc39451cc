"""Helpers for tests that need another process: one holding the DuckDB file, lines awaited with a bound."""

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from queue import Empty, Queue
from typing import IO

#: A process that opens the database for writing, says so, and holds it until its stdin closes.
HOLD_LOCK = (
    "import duckdb, sys\n"
    "connection = duckdb.connect(sys.argv[1])\n"
    "print('locked', flush=True)\n"
    "sys.stdin.read()\n"
)


class Lines:
    """The lines of a child's stream, read in a thread so that waiting for one has a bound."""

    def __init__(self, stream: IO[str]) -> None:
        self._queue: Queue[str | None] = Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, prefix: str, timeout: float = 60, *, anywhere: bool = False) -> str:
        """The next line starting with ``prefix`` (or holding it, ``anywhere``); AssertionError if the
        stream ends or is silent too long."""
        while True:
            try:
                line = self._queue.get(timeout=timeout)
            except Empty:
                raise AssertionError(f"no line {prefix!r} within {timeout} s; seen {self.seen}") from None
            if line is None:
                raise AssertionError(f"the stream ended without a line {prefix!r}; seen {self.seen}")
            self.seen.append(line)
            if line.startswith(prefix) or (anywhere and prefix in line):
                return line


@contextmanager
def lock_held(database: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``database`` open for writing until the block ends."""
    database.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        Lines(holder.stdout).wait_for("locked")
        yield holder
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
