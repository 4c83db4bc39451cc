"""An iterator run ahead in a thread, so its consumer's work in C (DuckDB's inserts) overlaps its Python."""

import queue
import sys
import threading
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
#: Items a producer may have handed over that are not yet taken. One lets it go on while DuckDB
#: compresses a full row group (0.4 s in a 200,000-message load): 2.00 s against 2.18 s, 20 MiB more.
WAITING = 1
#: How often a producer waiting for room looks whether the consumer has gone.
_POLL = 0.05
#: Python's thread switch interval while a producer runs. DuckDB takes the GIL back each time its
#: Arrow scan asks for data; at the default 5 ms each of those waits stalled it behind the producer:
#: a 200,000-message load took 1.5 s in process, 1.2 s at 0.5 ms.
SWITCH_INTERVAL = 0.0005


class _End:
    """The producer's last entry: the items ran out, or raised ``error``."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


@contextmanager
def ahead(items: Generator[T, None, object]) -> Iterator[Iterator[T]]:
    """What ``items`` yields, made in a thread from the start of the block, as the consumer works.

    At most WAITING items are handed over and not yet taken, so no more than WAITING + 2 are alive
    at once. Exceptions of the producer are raised by the iterator, after the items before them.
    When the block ends before the items do, the producer stops at its next item and ``items`` is
    closed in its own thread.
    """
    handoff: queue.SimpleQueue[T | _End] = queue.SimpleQueue()
    room = threading.Semaphore(WAITING)
    stopped = threading.Event()

    def hand_over(entry: T | _End) -> bool:
        handoff.put(entry)
        while not stopped.is_set():
            if room.acquire(timeout=_POLL):
                return True
        return False

    def produce() -> None:
        try:
            for item in items:
                if not hand_over(item):
                    return
            hand_over(_End())
        except BaseException as error:  # handed to the consumer, which raises it
            hand_over(_End(error))
        finally:
            items.close()

    def taken() -> Iterator[T]:
        while not isinstance(entry := handoff.get(), _End):
            room.release()
            yield entry
        if entry.error is not None:
            raise entry.error

    producer = threading.Thread(target=produce, name="fern-pipeline-batches", daemon=True)
    with _switching_often():
        producer.start()
        try:
            yield taken()
        finally:
            stopped.set()
            producer.join()


@contextmanager
def _switching_often() -> Iterator[None]:
    """Python's switch interval at SWITCH_INTERVAL, then as it was."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)
