"""An iterator run ahead in a thread, so its consumer's work in C (DuckDB's inserts) overlaps its Python."""

import queue
import sys
import threading
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
#: How often a producer waiting for its item to be taken looks whether the consumer has gone.
_POLL = 0.05
#: Python's thread switch interval while a producer runs. DuckDB takes the GIL back each time its
#: Arrow scan asks for data; at the default 5 ms each of those waits stalled it behind the producer,
#: and a 200,000-message load overlapped worse than it ran in one thread (1.5 s against 1.2 s at 0.5 ms).
SWITCH_INTERVAL = 0.0005


class _End:
    """The producer's last entry: the items ran out, or raised ``error``."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


def ahead(items: Generator[T, None, object]) -> Iterator[T]:
    """What ``items`` yields, each made in a thread while the consumer works on the one before.

    The producer hands an item over and waits until it is taken before making the next, so no more
    than two are alive at once: the one in use and the one being made. Exceptions of the producer
    are raised here, after the items before them. When the consumer stops early (an exception, or
    closing this iterator), the producer stops at its next item and ``items`` is closed in its thread.
    """
    handoff: queue.SimpleQueue[T | _End] = queue.SimpleQueue()
    taken = threading.Semaphore(0)
    stopped = threading.Event()

    def hand_over(entry: T | _End) -> bool:
        handoff.put(entry)
        while not stopped.is_set():
            if taken.acquire(timeout=_POLL):
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

    producer = threading.Thread(target=produce, name="fern-pipeline-batches", daemon=True)
    with _switching_often():
        producer.start()
        try:
            while not isinstance(entry := handoff.get(), _End):
                taken.release()
                yield entry
            if entry.error is not None:
                raise entry.error
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
