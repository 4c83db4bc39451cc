"""fetch against a real local HTTP server: every failure category, the limits, retries and redirects."""

import logging
import os
import socket
import threading
import time
import traceback
import tracemalloc
import zlib
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from fern_pipeline.errors import Category, FetchFailed
from fern_pipeline.ingest.fetch import fetch
from fern_pipeline.ingest.fetched import Fetched
from fern_pipeline.ingest.limits import ProgressCallback
from fern_pipeline_tests.http_server import (
    LocalServer,
    Scenario,
    chunked,
    claim_length,
    closed_port,
    compressed_zeros,
    drop_connection,
    encoded,
    fail_then,
    gzip_bomb,
    gzipped,
    redirect,
    redirect_forever,
    respond,
    serve,
    slow_headers,
    stall,
    trickle,
    trickle_headers,
)

DOCUMENT = b'{"conversations": []}'
MIB = 1 << 20
#: What a fetch that must stop at its deadline may take beyond it (a bound check, not a benchmark).
MARGIN = 1.5
TOKEN_HEADERS = {"Authorization": "Bearer h3ader-s3cret", "X-Api-Key": "k3y-s3cret"}


@pytest.fixture
def other_server() -> Iterator[LocalServer]:
    with serve() as running:
        yield running


def fetch_with(
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    timeout: float = 10,
    max_bytes: int = MIB,
    on_progress: ProgressCallback | None = None,
) -> Fetched:
    return fetch(url, headers=headers or {}, timeout=timeout, max_bytes=max_bytes, on_progress=on_progress)


def failure_of(url: str, **options: Any) -> FetchFailed:
    with pytest.raises(FetchFailed) as caught:
        fetch_with(url, **options)
    return caught.value


# Success.


def test_fetches_a_document_over_http_with_its_headers(server: LocalServer) -> None:
    url = server.route("/support-endpoint.json", respond(200, DOCUMENT))
    progress: list[tuple[int, int | None]] = []

    fetched = fetch_with(url, headers={"X-Api-Key": "k"}, on_progress=lambda *seen: progress.append(seen))

    assert fetched == Fetched(fetched.body, 200, "application/json", url, 1)
    assert bytes(fetched.body) == DOCUMENT
    sent = server.requests[0].headers
    assert sent["user-agent"].startswith("fern-pipeline/")
    assert sent["accept-encoding"] == "gzip, deflate"
    assert sent["x-api-key"] == "k"
    assert progress[-1] == (len(DOCUMENT), len(DOCUMENT))


@pytest.mark.parametrize(
    "scenario", [gzipped(DOCUMENT), encoded(zlib.compress(DOCUMENT), "deflate")], ids=["gzip", "deflate"]
)
def test_decompresses_the_body(server: LocalServer, scenario: Scenario) -> None:
    progress: list[tuple[int, int | None]] = []
    fetched = fetch_with(server.route("/c", scenario), on_progress=lambda *seen: progress.append(seen))
    assert bytes(fetched.body) == DOCUMENT
    assert progress[-1] == (len(DOCUMENT), None)


def test_a_body_of_exactly_max_bytes_is_accepted(server: LocalServer) -> None:
    fetched = fetch_with(server.route("/c", chunked(MIB)), max_bytes=MIB)
    assert len(fetched.body) == MIB


def test_reads_a_file_url(tmp_path: Path) -> None:
    path = tmp_path / "an export.json"
    path.write_bytes(DOCUMENT)
    fetched = fetch_with(path.as_uri())
    assert fetched == Fetched(fetched.body, None, None, path.as_uri(), 1)
    assert bytes(fetched.body) == DOCUMENT


# Failures, by category.


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: tmp / "missing.json", "does not exist"),
        (lambda tmp: tmp, "is a directory"),
    ],
    ids=["missing file", "directory"],
)
def test_a_file_that_cannot_be_read_is_unreachable(
    tmp_path: Path, make: Callable[[Path], Path], expected: str
) -> None:
    failure = failure_of(make(tmp_path).as_uri())
    assert failure.category == Category.UNREACHABLE
    assert expected in failure.message
    assert failure.http_status is None


def test_a_file_larger_than_max_bytes_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (MIB + 1))
    assert failure_of(path.as_uri(), max_bytes=MIB).category == Category.TOO_LARGE


def test_an_unsupported_scheme_is_unreachable() -> None:
    failure = failure_of("ftp://example.com/support-endpoint.json")
    assert failure.category == Category.UNREACHABLE
    assert "unsupported URL scheme 'ftp'" in failure.message


def test_a_closed_port_is_unreachable() -> None:
    url = f"http://127.0.0.1:{closed_port()}/support-endpoint.json"
    started = time.monotonic()
    failure = failure_of(url, timeout=1)
    assert time.monotonic() - started < 1 + MARGIN
    assert failure.category == Category.UNREACHABLE
    assert failure.message.startswith(f"could not connect to {url}: 127.0.0.1 refused the connection")


@pytest.mark.parametrize(
    "scenario",
    [
        slow_headers(30, respond(200, DOCUMENT)),
        trickle_headers(),
        trickle(),
        stall(DOCUMENT[:5], {"Content-Length": str(len(DOCUMENT))}),
        stall(DOCUMENT[:5]),
    ],
    ids=[
        "slow headers",
        "trickled headers",
        "trickled body",
        "stalled body",
        "stalled body delimited by the connection's end",
    ],
)
def test_a_slow_server_times_out_at_the_deadline(server: LocalServer, scenario: Scenario) -> None:
    url = server.route("/slow", scenario)
    started = time.monotonic()
    failure = failure_of(url, timeout=1)
    assert time.monotonic() - started < 1 + MARGIN
    assert failure.category == Category.TIMEOUT
    assert failure.message.startswith(f"no complete answer from {url} within the 1 s timeout")


def test_not_found_names_the_status_and_the_url(server: LocalServer) -> None:
    url = server.route("/support-endpoint.json", respond(404)) + "?startDate=2025-01-01"
    failure = failure_of(url)
    assert (failure.category, failure.http_status, failure.url) == (Category.HTTP_STATUS, 404, url)
    assert failure.message == f"the server answered 404 Not Found for {url}"
    assert server.hits("/support-endpoint.json") == 1


@pytest.mark.parametrize(
    ("status", "headers", "hint"),
    [
        (
            401,
            {},
            "401 Unauthorized for {url}: the endpoint needs credentials; set them in the source's headers",
        ),
        (403, {}, "403 Forbidden for {url}: the endpoint needs credentials"),
        (401, TOKEN_HEADERS, "401 Unauthorized for {url}: the credentials in the source's headers were not"),
    ],
    ids=["401", "403", "401 with credentials"],
)
def test_refused_credentials_are_auth_required(
    server: LocalServer, status: int, headers: dict[str, str], hint: str
) -> None:
    url = server.route("/private", respond(status))
    failure = failure_of(url, headers=headers)
    assert (failure.category, failure.http_status) == (Category.AUTH_REQUIRED, status)
    assert hint.format(url=url) in failure.message
    assert server.hits("/private") == 1


@pytest.mark.parametrize(
    ("scenario", "problem"),
    [
        (encoded(DOCUMENT, "br"), "has the Content-Encoding 'br', which is not supported"),
        (encoded(b"\x1f\x8b not gzip at all", "gzip"), "is not valid compressed data"),
        (encoded(zlib.compress(DOCUMENT)[:-6], "deflate"), "ends before its compressed data does"),
    ],
    ids=["unsupported encoding", "corrupt gzip", "truncated deflate"],
)
def test_an_undecodable_body_is_invalid_json(server: LocalServer, scenario: Scenario, problem: str) -> None:
    url = server.route("/c", scenario)
    failure = failure_of(url)
    assert (failure.category, failure.http_status) == (Category.INVALID_JSON, 200)
    assert failure.message.startswith(f"the body of {url} {problem}")
    assert failure.message.endswith(", so it cannot be read as JSON")


@pytest.mark.parametrize(
    "scenario",
    [claim_length(10 * MIB), chunked(4 * MIB), gzipped(b" " * (MIB + 1))],
    ids=["content-length over the cap", "chunked over the cap", "gzip expanding over the cap"],
)
def test_a_body_over_max_bytes_is_too_large(server: LocalServer, scenario: Scenario) -> None:
    failure = failure_of(server.route("/big", scenario), max_bytes=MIB)
    assert (failure.category, failure.http_status) == (Category.TOO_LARGE, 200)
    assert "larger than the limit of 1048576 bytes" in failure.message


def test_a_gzip_bomb_stops_at_the_cap_in_bounded_memory(server: LocalServer) -> None:
    compressed_zeros(1 << 30)  # built before measuring: the server's payload is not the client's memory
    url = server.route("/bomb", gzip_bomb(1 << 30))
    tracemalloc.start()
    try:
        failure = failure_of(url, max_bytes=8 * MIB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert failure.category == Category.TOO_LARGE
    assert peak < 48 * MIB, f"peak {peak / MIB:.0f} MiB for a cap of 8 MiB"


# Retries.


@pytest.mark.parametrize(
    "failure",
    [respond(500), respond(502), drop_connection()],
    ids=["500", "502", "dropped connection"],
)
def test_transient_failures_are_retried(server: LocalServer, failure: Scenario) -> None:
    url = server.route("/flaky", fail_then(2, failure, respond(200, DOCUMENT)))
    fetched = fetch_with(url)
    assert (bytes(fetched.body), fetched.attempts) == (DOCUMENT, 3)
    assert server.hits("/flaky") == 3


def test_a_server_error_that_persists_is_http_status_after_four_attempts(server: LocalServer) -> None:
    url = server.route("/down", respond(503))
    failure = failure_of(url)
    assert (failure.category, failure.http_status) == (Category.HTTP_STATUS, 503)
    assert (
        failure.message == f"the server answered 503 Service Unavailable for {url} (gave up after 4 attempts)"
    )
    assert server.hits("/down") == 4


def test_retry_after_is_honoured(server: LocalServer) -> None:
    url = server.route(
        "/busy", fail_then(1, respond(429, headers={"Retry-After": "1"}), respond(200, DOCUMENT))
    )
    started = time.monotonic()
    fetched = fetch_with(url, timeout=5)
    assert time.monotonic() - started >= 0.95
    assert fetched.attempts == 2


@pytest.mark.parametrize(
    "retry_after",
    ["30", format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)],
    ids=["seconds", "http date"],
)
def test_retry_after_past_the_deadline_fails_at_once(server: LocalServer, retry_after: str) -> None:
    url = server.route("/busy", respond(429, headers={"Retry-After": retry_after}))
    started = time.monotonic()
    failure = failure_of(url, timeout=5)
    assert time.monotonic() - started < 1
    assert (failure.category, failure.http_status) == (Category.HTTP_STATUS, 429)
    assert "(gave up after 1 attempt; the server asked to retry after" in failure.message
    assert server.hits("/busy") == 1


# Redirects.


def test_follows_a_chain_of_redirects_keeping_headers_on_the_same_origin(server: LocalServer) -> None:
    server.route("/r1", redirect("/r2", 301))
    server.route("/r2", redirect(server.url("/r3"), 307))
    server.route("/r3", redirect("data.json", 308))
    final = server.route("/data.json", respond(200, DOCUMENT))
    fetched = fetch_with(server.url("/r1"), headers={"X-Api-Key": "k"})
    assert (bytes(fetched.body), fetched.url, fetched.attempts) == (DOCUMENT, final, 1)
    assert [seen.headers.get("x-api-key") for seen in server.requests] == ["k"] * 4


@pytest.mark.parametrize(
    ("routes", "problem"),
    [
        ({"/a": redirect("/b"), "/b": redirect("/a")}, "the server redirects in a loop"),
        ({"/a": redirect_forever()}, "more than 5 redirects, starting from"),
        (
            {"/a": redirect("file:///etc/passwd")},
            "with a redirect to file:///etc/passwd, which is not followed",
        ),
        (
            {"/a": redirect("ftp://127.0.0.1/x.json", 301)},
            "with a redirect to ftp://127.0.0.1/x.json, which is",
        ),
    ],
    ids=["loop", "too many", "to file", "to ftp"],
)
def test_a_redirect_that_is_not_followed_is_http_status(
    server: LocalServer, routes: dict[str, Scenario], problem: str
) -> None:
    for path, scenario in routes.items():
        server.route(path, scenario)
    failure = failure_of(server.url("/a"))
    assert failure.category == Category.HTTP_STATUS
    assert failure.http_status in {301, 302}
    assert problem in failure.message
    assert len(server.requests) <= 6


def test_a_redirect_to_another_origin_drops_the_configured_headers(
    server: LocalServer, other_server: LocalServer
) -> None:
    target = other_server.route("/capture", respond(200, DOCUMENT))
    fetched = fetch_with(server.route("/start", redirect(target)), headers=TOKEN_HEADERS)
    assert (bytes(fetched.body), fetched.url) == (DOCUMENT, target)
    assert server.requests[0].headers["authorization"] == TOKEN_HEADERS["Authorization"]
    received = other_server.requests[0].headers
    assert "authorization" not in received and "x-api-key" not in received
    assert received["user-agent"].startswith("fern-pipeline/")


# Secrets.

LEAKY = [
    ("404", {"/p": respond(404)}, {}),
    ("401", {"/p": respond(401)}, {}),
    ("429 past the deadline", {"/p": respond(429, headers={"Retry-After": "60"})}, {}),
    ("timeout", {"/p": trickle()}, {"timeout": 1}),
    ("too large", {"/p": chunked(2 * MIB)}, {}),
    ("redirect to file", {"/p": redirect("file:///etc/passwd?token=s3cret")}, {}),
    ("redirect loop", {"/p": redirect("/q?token=s3cret"), "/q": redirect("/p?token=s3cret")}, {}),
    ("corrupt gzip", {"/p": encoded(b"junk", "gzip")}, {}),
]


@pytest.mark.parametrize(("routes", "options"), [case[1:] for case in LEAKY], ids=[case[0] for case in LEAKY])
def test_secrets_in_the_url_and_headers_never_appear_in_a_failure(
    server: LocalServer, routes: dict[str, Scenario], options: dict[str, object]
) -> None:
    for path, scenario in routes.items():
        server.route(path, scenario)
    url = f"http://user:pa55word@127.0.0.1:{server.port}/p?token=s3cret&startDate=2025-01-01"
    failure = failure_of(url, headers=TOKEN_HEADERS, **options)
    assert_no_secret(failure)
    assert failure.url.startswith(f"http://***@127.0.0.1:{server.port}/")


def test_secrets_never_appear_when_the_server_is_unreachable() -> None:
    failure = failure_of(f"http://user:pa55word@127.0.0.1:{closed_port()}/p?token=s3cret", timeout=1)
    assert failure.category == Category.UNREACHABLE
    assert_no_secret(failure)


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": "Bearer h3ader-s3cret\nX-Injected: 1"}, {"Authorization": "Bearer h3ader-s3cret-é"}],
    ids=["line break", "not ascii"],
)
def test_a_header_that_is_not_valid_http_is_reported_without_its_value(
    server: LocalServer, headers: dict[str, str]
) -> None:
    url = server.route("/p", respond(200, DOCUMENT))
    failure = failure_of(url, headers=headers)
    assert failure.category == Category.UNREACHABLE
    assert "one of the source's headers is not valid HTTP" in failure.message
    assert_no_secret(failure)
    assert server.requests == []


def test_the_fetched_url_is_redacted(server: LocalServer) -> None:
    server.route("/p", respond(200, DOCUMENT))
    fetched = fetch_with(f"http://user:pa55word@127.0.0.1:{server.port}/p?token=s3cret&startDate=2025-01-01")
    assert fetched.url == f"http://***@127.0.0.1:{server.port}/p?token=***&startDate=2025-01-01"


def assert_no_secret(failure: FetchFailed) -> None:
    """Nothing secret in the failure, nor in the traceback a log would show (its chained exceptions too)."""
    rendered = " ".join([*traceback.format_exception(failure), repr(failure), failure.message, failure.url])
    for secret in ("s3cret", "pa55word", "h3ader", "k3y"):
        assert secret not in rendered


def test_secrets_never_appear_in_the_logs_of_a_fetch(
    server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.route("/p", fail_then(1, respond(500), respond(200, DOCUMENT)))
    url = f"http://user:pa55word@127.0.0.1:{server.port}/p?token=s3cret&startDate=2025-01-01"
    with caplog.at_level(logging.DEBUG):
        fetch_with(url, headers=TOKEN_HEADERS)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"GET http://***@127.0.0.1:{server.port}/p?token=***&startDate=2025-01-01" in logged
    for secret in ("s3cret", "pa55word", "h3ader", "k3y"):
        assert secret not in logged


def pipe_without_writer(folder: Path) -> Path:
    path = folder / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "make",
    [pipe_without_writer, lambda _: Path("/dev/zero")],
    ids=["a pipe with no writer", "a device without end"],
)
def test_a_file_url_naming_no_regular_file_fails_at_once(
    tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    started = time.monotonic()
    failure = failure_of(make(tmp_path).as_uri(), timeout=1)
    assert time.monotonic() - started < 1
    assert failure.category == Category.UNREACHABLE
    assert "is not a regular file (a pipe, socket or device), so it is not read" in failure.message


def test_a_host_name_that_never_resolves_times_out_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hanging resolver (no socket exists yet, so the deadline cannot cut one) is not waited for."""
    released = threading.Event()
    resolve = socket.getaddrinfo

    def hanging_resolver(*arguments: Any, **options: Any) -> Any:
        released.wait(60)
        return resolve(*arguments, **options)

    monkeypatch.setattr(socket, "getaddrinfo", hanging_resolver)
    try:
        started = time.monotonic()
        failure = failure_of("http://support.example.test/support-endpoint.json?token=s3cret", timeout=1)
        elapsed = time.monotonic() - started
    finally:
        released.set()
    assert elapsed < 1 + MARGIN
    assert failure.category == Category.TIMEOUT
    assert_no_secret(failure)
