"""What one fetch may spend: its deadline and size cap, enforced while the body streams in."""

import socket
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from fern_pipeline.errors import Category, FetchFailed
from fern_pipeline.ingest.body import Body

#: Called as the body arrives: bytes received so far (decompressed), and the expected total or None.
ProgressCallback = Callable[[int, int | None], None]

#: zlib window bits per supported Content-Encoding; None means the body is sent as is.
WBITS: dict[str, int | None] = {
    "": None,
    "identity": None,
    "gzip": 16 + zlib.MAX_WBITS,
    "x-gzip": 16 + zlib.MAX_WBITS,
    "deflate": zlib.MAX_WBITS,
}
#: Largest piece of decompressed output produced at once, so a gzip bomb costs at most this beyond the cap.
INFLATE_STEP = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one fetch may spend, whom it tells of the bytes as they arrive, what it cuts at its deadline."""

    timeout: float
    deadline: float
    max_bytes: int
    on_progress: ProgressCallback | None
    sockets: list[socket.socket] = field(default_factory=list)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def watch(self, event: str, info: Mapping[str, Any]) -> None:
        """httpcore's trace hook: remember the socket of each new connection, for :meth:`cut`."""
        if event == "connection.connect_tcp.complete":
            self.sockets.append(info["return_value"].get_extra_info("socket"))

    def cut(self) -> None:
        """Shut every connection down, ending whatever read is waiting.

        Called at the deadline: httpx's timeouts bound each read, not their sum, so a server that
        trickles its headers, or stalls in the body, would otherwise outlast it.
        """
        for connection in self.sockets:
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def timed_out(self, shown: str) -> FetchFailed:
        return FetchFailed(
            Category.TIMEOUT,
            f"no complete answer from {shown} within the {self.timeout:g} s timeout "
            "(the source's timeout setting allows more)",
            url=shown,
        )

    def too_large(self, shown: str, http_status: int | None) -> FetchFailed:
        return FetchFailed(
            Category.TOO_LARGE,
            f"the body of {shown} is larger than the limit of {self.max_bytes} bytes "
            "(the source's max_bytes setting allows more)",
            url=shown,
            http_status=http_status,
        )

    def collect(
        self,
        chunks: Iterable[bytes],
        *,
        wbits: int | None,
        expected: int | None,
        shown: str,
        status: int | None,
    ) -> Body:
        """Join ``chunks``, decompressed if ``wbits`` is set, stopping at the size cap and the deadline."""
        decoder = None if wbits is None else zlib.decompressobj(wbits)
        body = Body()
        received = size = 0
        for chunk in chunks:
            # The raw count is capped too: a compressed stream can be long and yield next to nothing.
            received += len(chunk)
            if received > self.max_bytes:
                raise self.too_large(shown, status)
            try:
                for piece in (chunk,) if decoder is None else _inflate(decoder, chunk):
                    size += len(piece)
                    if size > self.max_bytes:
                        raise self.too_large(shown, status)
                    body.write(piece)
            except zlib.error:
                raise undecodable(shown, status, "is not valid compressed data") from None
            if self.remaining() < 0:
                raise self.timed_out(shown)
            if self.on_progress is not None:
                self.on_progress(size, expected)
        if self.remaining() < 0:  # a body read to the connection's end, cut at the deadline
            raise self.timed_out(shown)
        if decoder is not None and not decoder.eof:
            raise undecodable(shown, status, "ends before its compressed data does")
        return body


def _inflate(decoder: "zlib._Decompress", data: bytes) -> Iterator[bytes]:
    """Decompress ``data`` in pieces of at most INFLATE_STEP bytes.

    httpx's own decoders expand a whole network chunk at once, which for a gzip bomb is unbounded
    memory before any cap can be checked; ``max_length`` keeps each step small.
    """
    while True:
        piece = decoder.decompress(data, INFLATE_STEP)
        if piece:
            yield piece
        data = decoder.unconsumed_tail
        if not data and len(piece) < INFLATE_STEP:
            return


def undecodable(shown: str, status: int | None, problem: str) -> FetchFailed:
    return FetchFailed(
        Category.INVALID_JSON,
        f"the body of {shown} {problem}, so it cannot be read as JSON",
        url=shown,
        http_status=status,
    )
