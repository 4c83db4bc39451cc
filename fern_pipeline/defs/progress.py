"""A fetch's progress in a run's log: bytes received, pages followed, conversations loaded, throttled."""

import time
from collections.abc import Callable

from fern_pipeline.ingest.received import counted

#: Seconds between two progress lines in a run's log: a long fetch shows it is alive, a short one
#: shows nothing but its outcome.
PROGRESS_INTERVAL = 5.0


class RunLogProgress:
    """What one source's fetch and load have done so far, written with ``log`` at most every
    ``interval`` seconds (the first line once ``interval`` has passed)."""

    def __init__(
        self,
        log: Callable[[str], None],
        source: str,
        *,
        interval: float = PROGRESS_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._log = log
        self._source = source
        self._interval = interval
        self._clock = clock
        self._shown = clock()
        self._earlier_pages = 0
        self._page_bytes = 0
        self._pages = 1
        self._conversations: int | None = None
        self._loaded = 0

    def received(self, received: int, total: int | None) -> None:
        """The fetch's progress callback: ``received`` bytes of the page being fetched."""
        self._page_bytes = received
        self._tick()

    def page(self, number: int) -> None:
        """Page ``number`` is being fetched; the pages before it were received whole."""
        self._earlier_pages += self._page_bytes
        self._page_bytes = 0
        self._pages = number
        self._tick()

    def fetched(self, conversations: int) -> None:
        """The fetch is complete: its ``conversations`` are checked and loaded next."""
        self._conversations = conversations
        self._tick()

    def loaded(self, conversations: int) -> None:
        """Another batch of valid ``conversations`` was loaded."""
        self._loaded += conversations
        self._tick()

    def line(self) -> str:
        """Where the fetch is now, in one line."""
        text = (
            f"{self._source}: {self._earlier_pages + self._page_bytes:,} bytes received, "
            f"{counted(self._pages, 'page')}"
        )
        if self._conversations is not None:
            text += f"; {counted(self._conversations, 'conversation')} to check, {self._loaded:,} loaded"
        return text

    def _tick(self) -> None:
        now = self._clock()
        if now - self._shown >= self._interval:
            self._shown = now
            self._log(self.line())
