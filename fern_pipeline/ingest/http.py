"""An HTTP(S) fetch with httpx: redirects followed by hand, retries with backoff, one deadline."""

import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import partial
from http import HTTPStatus
from importlib import metadata

import httpx

from fern_pipeline.errors import Category, FetchFailed
from fern_pipeline.ingest.body import Body
from fern_pipeline.ingest.fetched import Fetched
from fern_pipeline.ingest.limits import WBITS, Limits, undecodable
from fern_pipeline.redact import SecretUrl, redact_url

HTTP_SCHEMES = frozenset({"http", "https"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
AUTH_STATUSES = frozenset({401, 403})
MAX_REDIRECTS = 5
#: Pauses before the retries of a transient failure: four attempts at most.
BACKOFF = (0.25, 0.5, 1.0)
ACCEPT_ENCODING = "gzip, deflate"
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


class _RetryableError(Exception):
    """A transient failure: worth another attempt if the deadline leaves time for one."""

    def __init__(self, failure: FetchFailed, retry_after: float | None = None) -> None:
        super().__init__(failure.message)
        self.failure = failure
        self.retry_after = retry_after


def fetch_http(target: SecretUrl, headers: Mapping[str, str], limits: Limits) -> Fetched:
    """Fetch an http(s) URL within ``limits``, cutting its connections at the deadline."""
    try:
        source = httpx.URL(target.value)
    except httpx.InvalidURL:
        raise FetchFailed(
            Category.UNREACHABLE, f"{target.shown} is not a valid URL", url=target.shown
        ) from None
    watchdog = threading.Timer(limits.timeout, limits.cut)
    watchdog.start()
    try:
        return _within_deadline(partial(_fetch_http, source, target, headers, limits), limits, target.shown)
    finally:
        watchdog.cancel()


def _within_deadline(work: Callable[[], Fetched], limits: Limits, shown: str) -> Fetched:
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


def _fetch_http(source: httpx.URL, target: SecretUrl, headers: Mapping[str, str], limits: Limits) -> Fetched:
    """Attempts of ``source``, retried with backoff while transient failures leave time for another."""
    client_headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    # Transport errors are re-raised `from None` throughout: httpx's own text can hold the raw URL.
    with httpx.Client(headers=client_headers, follow_redirects=False) as client:
        attempt = 1
        while True:
            try:
                return _attempt(client, source, target, headers, limits, attempt)
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
    client: httpx.Client,
    source: httpx.URL,
    target: SecretUrl,
    headers: Mapping[str, str],
    limits: Limits,
    attempt: int,
) -> Fetched:
    """One request of ``source`` and the redirects it leads to, each new URL redacted once."""
    url, shown, seen = source, target.shown, {source}
    try:
        for _ in range(MAX_REDIRECTS + 1):
            sent = headers if _origin(url) == _origin(source) else {}
            with _send(client, url, sent, limits) as response:
                following = _redirect_target(response, url, shown)
                if following is None:
                    return _answer(response, shown, sent, limits, attempt)
            followed = SecretUrl.of(str(following))
            if following in seen:
                raise FetchFailed(
                    Category.HTTP_STATUS,
                    f"the server redirects in a loop: {shown} leads back to {followed.shown}",
                    url=shown,
                    http_status=response.status_code,
                )
            url, shown = following, followed.shown
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
        f"more than {MAX_REDIRECTS} redirects, starting from {target.shown}",
        url=shown,
        http_status=response.status_code,
    )


@contextmanager
def _send(
    client: httpx.Client, url: httpx.URL, headers: Mapping[str, str], limits: Limits
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
    response: httpx.Response, shown: str, sent: Mapping[str, str], limits: Limits, attempt: int
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


def _read_body(response: httpx.Response, shown: str, limits: Limits) -> Body:
    """The decompressed body, read through ``iter_raw`` so the cap holds after decompression too."""
    status = response.status_code
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding not in WBITS:
        raise undecodable(
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


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


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
