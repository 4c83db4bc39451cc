"""One HTTP or file fetch with a deadline, a size cap and retries: the body, or FetchFailed."""

import logging
import os
import socket
import ssl
import stat
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import partial
from http import HTTPStatus
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import httpx

from fern_pipeline.body import Body
from fern_pipeline.errors import Category, FetchFailed
from fern_pipeline.redact import redact_url

__all__ = ["Fetched", "ProgressCallback", "fetch"]

#: Called as the body arrives: bytes received so far (decompressed), and the expected total or None.
ProgressCallback = Callable[[int, int | None], None]

HTTP_SCHEMES = frozenset({"http", "https"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
AUTH_STATUSES = frozenset({401, 403})
MAX_REDIRECTS = 5
#: Pauses before the retries of a transient failure: four attempts at most.
BACKOFF = (0.25, 0.5, 1.0)
ACCEPT_ENCODING = "gzip, deflate"
#: zlib window bits per supported Content-Encoding; None means the body is sent as is.
WBITS: dict[str, int | None] = {
    "": None,
    "identity": None,
    "gzip": 16 + zlib.MAX_WBITS,
    "x-gzip": 16 + zlib.MAX_WBITS,
    "deflate": zlib.MAX_WBITS,
}
READ_SIZE = 64 * 1024
#: Largest piece of decompressed output produced at once, so a gzip bomb costs at most this beyond the cap.
INFLATE_STEP = 1024 * 1024
#: Seconds a fetch waits past its deadline for the connections cut there to close.
DEADLINE_GRACE = 0.5


def _user_agent() -> str:
    try:
        version = metadata.version("fern_pipeline")
    except metadata.PackageNotFoundError:
        version = "0+unknown"
    return f"fern-pipeline/{version}"


USER_AGENT = _user_agent()


class _RedactedRequestLog(logging.Filter):
    """Redacts the URL httpx logs for each request at INFO, which would otherwise show its credentials."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_url(str(arg)) if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


logging.getLogger("httpx").addFilter(_RedactedRequestLog())


@dataclass(frozen=True)
class Fetched:
    """A body fetched whole, within the limits."""

    body: Body
    #: None for ``file://``.
    http_status: int | None
    content_type: str | None
    #: The final URL, after redirects, with its secrets redacted.
    url: str
    attempts: int
    #: The absolute URL of the next page from an RFC 8288 ``Link: <…>; rel="next"`` header, as sent:
    #: it may carry credentials, so it is never shown.
    next_url: str | None = None


class _RetryableError(Exception):
    """A transient failure: worth another attempt if the deadline leaves time for one."""

    def __init__(self, failure: FetchFailed, retry_after: float | None = None) -> None:
        super().__init__(failure.message)
        self.failure = failure
        self.retry_after = retry_after


@dataclass(frozen=True)
class _Limits:
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
                raise _undecodable(shown, status, "is not valid compressed data") from None
            if self.remaining() < 0:
                raise self.timed_out(shown)
            if self.on_progress is not None:
                self.on_progress(size, expected)
        if self.remaining() < 0:  # a body read to the connection's end, cut at the deadline
            raise self.timed_out(shown)
        if decoder is not None and not decoder.eof:
            raise _undecodable(shown, status, "ends before its compressed data does")
        return body


def fetch(
    url: str,
    *,
    headers: Mapping[str, str],
    timeout: float,
    max_bytes: int,
    on_progress: ProgressCallback | None = None,
) -> Fetched:
    """Fetch ``url`` (http, https or file) whole within ``timeout`` seconds and ``max_bytes``, or raise.

    ``headers`` go only to the origin of ``url``: a redirect elsewhere drops them, as they may carry tokens.
    Connection failures, 5xx and 429 answers are retried with backoff while the deadline allows.
    """
    limits = _Limits(timeout, time.monotonic() + timeout, max_bytes, on_progress)
    shown = redact_url(url)
    scheme = urlsplit(url).scheme.lower()
    if scheme == "file":
        return _fetch_file(url, shown, limits)
    if scheme not in HTTP_SCHEMES:
        raise FetchFailed(
            Category.UNREACHABLE,
            f"{shown} has the unsupported URL scheme {scheme or '(none)'!r}: use http://, https:// or file://",
            url=shown,
        )
    try:
        source = httpx.URL(url)
    except httpx.InvalidURL:
        raise FetchFailed(Category.UNREACHABLE, f"{shown} is not a valid URL", url=shown) from None
    watchdog = threading.Timer(timeout, limits.cut)
    watchdog.start()
    try:
        return _within_deadline(partial(_fetch_http, source, headers, limits), limits, shown)
    finally:
        watchdog.cancel()


def _within_deadline(work: Callable[[], Fetched], limits: _Limits, shown: str) -> Fetched:
    """``work()`` in a worker thread, waited for until the deadline (and DEADLINE_GRACE) only.

    Cutting sockets ends every wait but one: resolving the host name, which cannot be interrupted
    and has no socket yet. A resolver that hangs is left to finish on its own in the worker,
    which then finds the deadline passed and stops.
    """
    outcome: list[Fetched | BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=run, name="fern-pipeline-fetch", daemon=True)
    worker.start()
    worker.join(max(limits.remaining(), 0) + DEADLINE_GRACE)
    if not outcome:
        raise limits.timed_out(shown)
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _fetch_http(source: httpx.URL, headers: Mapping[str, str], limits: _Limits) -> Fetched:
    """Attempts of ``source``, retried with backoff while transient failures leave time for another."""
    client_headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    # Transport errors are re-raised `from None` throughout: httpx's own text can hold the raw URL.
    with httpx.Client(headers=client_headers, follow_redirects=False) as client:
        attempt = 1
        while True:
            try:
                return _attempt(client, source, headers, limits, attempt)
            except _RetryableError as retryable:
                failure, retry_after = retryable.failure, retryable.retry_after
            if attempt > len(BACKOFF):
                raise _gave_up(failure, attempt)
            pause = BACKOFF[attempt - 1] if retry_after is None else retry_after
            if pause >= limits.remaining():
                reason = f"no time left for another within the {limits.timeout:g} s timeout"
                if retry_after is not None:
                    reason = (
                        f"the server asked to retry after {retry_after:.0f} s, "
                        f"past the {limits.timeout:g} s timeout"
                    )
                raise _gave_up(failure, attempt, reason)
            time.sleep(pause)
            attempt += 1


def _attempt(
    client: httpx.Client, source: httpx.URL, headers: Mapping[str, str], limits: _Limits, attempt: int
) -> Fetched:
    """One request of ``source`` and the redirects it leads to."""
    url, seen = source, {source}
    try:
        for _ in range(MAX_REDIRECTS + 1):
            shown = redact_url(str(url))
            sent = headers if _origin(url) == _origin(source) else {}
            with _send(client, url, sent, limits) as response:
                target = _redirect_target(response, url, shown)
                if target is None:
                    return _answer(response, shown, sent, limits, attempt)
            if target in seen:
                raise FetchFailed(
                    Category.HTTP_STATUS,
                    f"the server redirects in a loop: {shown} leads back to {redact_url(str(target))}",
                    url=shown,
                    http_status=response.status_code,
                )
            url = target
            seen.add(url)
    except httpx.TimeoutException:
        raise limits.timed_out(shown) from None
    except (httpx.NetworkError, httpx.RemoteProtocolError) as error:
        if limits.remaining() <= 0:  # the watchdog cut the connection
            raise limits.timed_out(shown) from None
        failure = FetchFailed(Category.UNREACHABLE, _describe_connection_error(error, url, shown), url=shown)
        raise _RetryableError(failure) from None
    except (httpx.LocalProtocolError, UnicodeEncodeError):
        message = f"the request to {shown} could not be sent: one of the source's headers is not valid HTTP"
        raise FetchFailed(Category.UNREACHABLE, message, url=shown) from None
    except httpx.HTTPError as error:
        message = f"the request to {shown} failed ({type(error).__name__})"
        raise FetchFailed(Category.UNREACHABLE, message, url=shown) from None
    raise FetchFailed(
        Category.HTTP_STATUS,
        f"more than {MAX_REDIRECTS} redirects, starting from {redact_url(str(source))}",
        url=shown,
        http_status=response.status_code,
    )


@contextmanager
def _send(
    client: httpx.Client, url: httpx.URL, headers: Mapping[str, str], limits: _Limits
) -> Iterator[httpx.Response]:
    """A GET of ``url`` with timeouts set from the time left, its body not yet read."""
    remaining = limits.remaining()
    if remaining <= 0:
        raise httpx.TimeoutException("deadline reached before the request")
    request_headers = httpx.Headers(headers)
    # We decompress ourselves (see _inflate), so only encodings we can decode in bounded steps are accepted.
    request_headers["Accept-Encoding"] = ACCEPT_ENCODING
    timeouts = httpx.Timeout(remaining)
    extensions = {"trace": limits.watch}
    with client.stream(
        "GET", url, headers=request_headers, timeout=timeouts, extensions=extensions
    ) as response:
        yield response


def _redirect_target(response: httpx.Response, url: httpx.URL, shown: str) -> httpx.URL | None:
    """Where ``response`` redirects to: None if it is no redirect, FetchFailed if it must not be followed."""
    location = response.headers.get("Location")
    if response.status_code not in REDIRECT_STATUSES or location is None:
        return None
    answered = f"the server answered {_status_text(response.status_code)} for {shown}"
    try:
        target = url.join(location)
    except httpx.InvalidURL:
        target = None
    if target is not None and target.scheme not in HTTP_SCHEMES:
        message = (
            f"{answered} with a redirect to {redact_url(location)}, which is not followed: "
            "only redirects to http and https URLs are"
        )
    elif target is None or not target.host:
        message = f"{answered} with a redirect to an invalid URL"
    else:
        return target
    raise FetchFailed(Category.HTTP_STATUS, message, url=shown, http_status=response.status_code)


def _answer(
    response: httpx.Response, shown: str, sent: Mapping[str, str], limits: _Limits, attempt: int
) -> Fetched:
    """The fetched body of a 2xx ``response``, or the failure its status stands for."""
    status = response.status_code
    if 200 <= status < 300:
        body = _read_body(response, shown, limits)
        link = response.links.get("next", {}).get("url")
        next_url = None if link is None else str(response.url.join(link))
        return Fetched(body, status, response.headers.get("Content-Type"), shown, attempt, next_url)
    answered = f"the server answered {_status_text(status)} for {shown}"
    if status in AUTH_STATUSES:
        hint = (
            "the credentials in the source's headers were not accepted"
            if sent
            else "the endpoint needs credentials; set them in the source's headers"
        )
        raise FetchFailed(Category.AUTH_REQUIRED, f"{answered}: {hint}", url=shown, http_status=status)
    failure = FetchFailed(Category.HTTP_STATUS, answered, url=shown, http_status=status)
    if status == 429 or status >= 500:
        raise _RetryableError(failure, _retry_after(response.headers.get("Retry-After")))
    raise failure


def _read_body(response: httpx.Response, shown: str, limits: _Limits) -> Body:
    """The decompressed body, read through ``iter_raw`` so the cap holds after decompression too."""
    status = response.status_code
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding not in WBITS:
        raise _undecodable(
            shown,
            status,
            f"has the Content-Encoding {encoding!r}, which is not supported (gzip and deflate are)",
        )
    declared = response.headers.get("Content-Length", "")
    length = int(declared) if declared.isdigit() else None
    if length is not None and length > limits.max_bytes:
        raise limits.too_large(shown, status)
    wbits = WBITS[encoding]
    expected = length if wbits is None else None
    return limits.collect(response.iter_raw(), wbits=wbits, expected=expected, shown=shown, status=status)


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


def _fetch_file(url: str, shown: str, limits: _Limits) -> Fetched:
    """Read a ``file://`` URL: a local file, refused whole if larger than the cap."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        message = f"{shown} names the host {parts.hostname!r}: file URLs can only name a local file"
        raise FetchFailed(Category.UNREACHABLE, message, url=shown)
    path = Path(url2pathname(parts.path))
    try:
        # Without O_NONBLOCK, opening a FIFO waits for a writer that may never come, past any deadline.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as stream:
            status = os.fstat(stream.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(status.st_mode):
                message = f"{path} is not a regular file (a pipe, socket or device), so it is not read"
                raise FetchFailed(Category.UNREACHABLE, message, url=shown)
            size = status.st_size
            if size > limits.max_bytes:
                raise limits.too_large(shown, None)
            chunks = iter(partial(stream.read, READ_SIZE), b"")
            body = limits.collect(chunks, wbits=None, expected=size, shown=shown, status=None)
    except FileNotFoundError:
        raise FetchFailed(Category.UNREACHABLE, f"the file {path} does not exist", url=shown) from None
    except IsADirectoryError:
        raise FetchFailed(Category.UNREACHABLE, f"{path} is a directory, not a file", url=shown) from None
    except OSError as error:
        message = f"the file {path} cannot be read: {error.strerror}"
        raise FetchFailed(Category.UNREACHABLE, message, url=shown) from None
    return Fetched(body, None, None, shown, 1)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _undecodable(shown: str, status: int | None, problem: str) -> FetchFailed:
    return FetchFailed(
        Category.INVALID_JSON,
        f"the body of {shown} {problem}, so it cannot be read as JSON",
        url=shown,
        http_status=status,
    )


def _describe_connection_error(error: httpx.TransportError, url: httpx.URL, shown: str) -> str:
    """A sentence for a failed connection, from the OS error underneath, never from httpx's text."""
    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, OSError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, ConnectionRefusedError):
        port = url.port or (443 if url.scheme == "https" else 80)
        return f"could not connect to {shown}: {url.host} refused the connection on port {port}"
    if isinstance(cause, socket.gaierror):
        return f"could not connect to {shown}: the host name {url.host} could not be resolved"
    if isinstance(cause, ssl.SSLCertVerificationError):
        return f"could not connect to {shown}: the TLS certificate of {url.host} could not be verified"
    if isinstance(error, httpx.ConnectError):
        return f"could not connect to {shown}"
    return f"the connection to {shown} was closed before a complete answer came"


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait by a ``Retry-After`` header (seconds or an HTTP date); None if absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _gave_up(failure: FetchFailed, attempts: int, reason: str = "") -> FetchFailed:
    """``failure`` with a note on the attempts made and, if given, why no more were."""
    note = f"gave up after {attempts} attempt{'s' if attempts > 1 else ''}"
    message = f"{failure.message} ({note}; {reason})" if reason else f"{failure.message} ({note})"
    return FetchFailed(failure.category, message, url=failure.url, http_status=failure.http_status)
