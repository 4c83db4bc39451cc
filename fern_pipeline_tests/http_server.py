"""A local threaded HTTP server for tests, whose routes are scenarios: one small function each.

Example::

    with serve() as server:
        url = server.route("/data.json", respond(200, b'{"conversations": []}'))
        ...  # fetch url
        assert server.requests[0].headers["user-agent"].startswith("fern-pipeline/")

A scenario is a function that receives the :class:`Exchange` (the request handler) and answers
through it; the factories below build the common ones. To add a fault, write one more factory.
"""

import gzip
import itertools
import json
import socket
import struct
import sys
import threading
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MIB = 1 << 20
GIB = 1 << 30

Scenario = Callable[["Exchange"], None]


@dataclass(frozen=True)
class SeenRequest:
    """A request the server received."""

    #: Path with its query string, as sent.
    path: str
    #: Header names lower-cased.
    headers: Mapping[str, str]


class LocalServer:
    """A server on 127.0.0.1 at a free port, answering each path with its registered scenario."""

    def __init__(self) -> None:
        self.requests: list[SeenRequest] = []
        #: Set on shutdown: scenarios that wait or stream forever stop when it is.
        self.stopping = threading.Event()
        self._routes: dict[str, Scenario] = {}
        self._lock = threading.Lock()
        self._httpd = _HTTPServer(("127.0.0.1", 0), Exchange)
        self._httpd.local = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, scenario: Scenario) -> str:
        """Answer requests of ``path`` (query ignored) with ``scenario``; return its URL."""
        self._routes[path] = scenario
        return self.url(path)

    def hits(self, path: str) -> int:
        """How many requests of ``path`` (query ignored) arrived."""
        with self._lock:
            return sum(urlsplit(seen.path).path == path for seen in self.requests)

    def dispatch(self, seen: SeenRequest) -> Scenario:
        """Record ``seen`` and return the scenario that answers it."""
        with self._lock:
            self.requests.append(seen)
        return self._routes.get(urlsplit(seen.path).path, respond(404, b"no scenario for this path"))

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    local: LocalServer

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that leaves mid-answer (the point of several scenarios) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class Exchange(BaseHTTPRequestHandler):
    """One request and its answer, with helpers for scenarios."""

    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    @property
    def local(self) -> LocalServer:
        return self.server.local

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)

    def do_GET(self) -> None:
        headers = {name.lower(): value for name, value in self.headers.items()}
        self.local.dispatch(SeenRequest(self.path, headers))(self)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def reply(self, status: int, body: bytes = b"", headers: Mapping[str, str] | None = None) -> None:
        """A whole answer with a Content-Length."""
        self.start(status, {"Content-Length": str(len(body)), **(headers or {})})
        self.wfile.write(body)

    def start(self, status: int, headers: Mapping[str, str]) -> None:
        """The status line and headers; the scenario writes the body."""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def send_chunk(self, data: bytes) -> None:
        """One chunk of a ``Transfer-Encoding: chunked`` body; ``b""`` ends it."""
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()


@contextmanager
def serve() -> Iterator[LocalServer]:
    """A running :class:`LocalServer`, shut down on exit."""
    server = LocalServer()
    server.start()
    try:
        yield server
    finally:
        server.close()


def closed_port() -> int:
    """A local port nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def silent_listener() -> Iterator[str]:
    """The URL of a port that takes connections into its backlog but never accepts or answers one."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/support-endpoint.json"


# Endpoints: where a scenario is served, for tables of scenarios.

#: Builds the URL of an endpoint: routes on the server, or a resource kept open until the stack closes.
Endpoint = Callable[[LocalServer, ExitStack], str]


def at(scenario: "Scenario", path: str = "/support-endpoint.json") -> Endpoint:
    """``scenario`` served at ``path``."""
    return lambda server, _: server.route(path, scenario)


def refused(_: LocalServer, __: ExitStack) -> str:
    """A URL whose connection is refused."""
    return f"http://127.0.0.1:{closed_port()}/support-endpoint.json"


def never_accepted(_: LocalServer, stack: ExitStack) -> str:
    """A URL whose port takes the connection into its backlog and never answers."""
    return stack.enter_context(silent_listener())


# Scenarios.

JSON = {"Content-Type": "application/json"}
CHUNKED = {"Transfer-Encoding": "chunked", **JSON}


def respond(status: int = 200, body: bytes = b"", headers: Mapping[str, str] | None = None) -> Scenario:
    """Answer ``status`` with ``body``."""
    return lambda exchange: exchange.reply(status, body, {**JSON, **(headers or {})})


def document(value: object, headers: Mapping[str, str] | None = None) -> Scenario:
    """Answer 200 with ``value`` as JSON."""
    return respond(200, json.dumps(value).encode(), headers)


def html_page() -> Scenario:
    """Answer 200 with a sign-in page, as a misconfigured endpoint or a captive portal does."""
    page = b"<!DOCTYPE html><html><head><title>Sign in</title></head><body><form></form></body></html>"
    return respond(200, page, {"Content-Type": "text/html; charset=utf-8"})


def truncated(value: object, keep: float = 0.5) -> Scenario:
    """Answer 200 with the first ``keep`` share of ``value``'s JSON, its Content-Length matching the cut."""
    body = json.dumps(value).encode()
    return respond(200, body[: int(len(body) * keep)])


def empty_body() -> Scenario:
    """Answer 200 with nothing."""
    return respond(200, b"")


def with_bom(value: object) -> Scenario:
    """Answer 200 with ``value``'s JSON after a UTF-8 byte-order mark."""
    return respond(200, b"\xef\xbb\xbf" + json.dumps(value).encode())


def nested_arrays(depth: int) -> Scenario:
    """Answer 200 with one conversation that is an array nested ``depth`` levels deep."""
    return respond(200, b'{"conversations": [' + b"[" * depth + b"]" * depth + b"]}")


def informational_forever(interval: float = 0.05) -> Scenario:
    """``102 Processing`` interim answers every ``interval`` seconds, never a final one."""

    def scenario(exchange: Exchange) -> None:
        exchange.close_connection = True
        while not exchange.local.stopping.wait(interval):
            exchange.wfile.write(b"HTTP/1.1 102 Processing\r\n\r\n")
            exchange.wfile.flush()

    return scenario


def requires(headers: Mapping[str, str], then: Scenario) -> Scenario:
    """``then`` when the request carries every one of ``headers`` with its value, else 401."""

    def scenario(exchange: Exchange) -> None:
        sent = {name: exchange.headers.get(name) for name in headers}
        (then if sent == dict(headers) else respond(401))(exchange)

    return scenario


def fail_then(failures: int, failure: Scenario, success: Scenario) -> Scenario:
    """``failure`` for the first ``failures`` requests, ``success`` after."""
    count = itertools.count()
    return lambda exchange: (failure if next(count) < failures else success)(exchange)


def drop_connection() -> Scenario:
    """Close the connection without answering."""

    def scenario(exchange: Exchange) -> None:
        exchange.close_connection = True

    return scenario


def slow_headers(seconds: float, then: Scenario) -> Scenario:
    """Wait ``seconds`` (or until shutdown) before answering with ``then``."""

    def scenario(exchange: Exchange) -> None:
        exchange.close_connection = True
        if not exchange.local.stopping.wait(seconds):
            then(exchange)

    return scenario


def trickle_headers(interval: float = 0.05) -> Scenario:
    """A status line, then header bytes one at a time every ``interval`` seconds, never ending the headers."""

    def scenario(exchange: Exchange) -> None:
        exchange.close_connection = True
        exchange.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        while not exchange.local.stopping.wait(interval):
            exchange.wfile.write(b"a")
            exchange.wfile.flush()

    return scenario


def stall(prefix: bytes, headers: Mapping[str, str] | None = None) -> Scenario:
    """A 200 that sends the start of its body, ``prefix``, then nothing more until shutdown.

    Without a Content-Length in ``headers`` the body is delimited by the connection's end.
    """

    def scenario(exchange: Exchange) -> None:
        exchange.close_connection = True
        exchange.start(200, {**JSON, "Connection": "close", **(headers or {})})
        exchange.wfile.write(prefix)
        exchange.wfile.flush()
        exchange.local.stopping.wait()

    return scenario


def trickle(piece: bytes = b" ", interval: float = 0.05) -> Scenario:
    """A 200 whose chunked body never ends: ``piece`` every ``interval`` seconds until the client leaves."""

    def scenario(exchange: Exchange) -> None:
        exchange.close_connection = True
        exchange.start(200, CHUNKED)
        while not exchange.local.stopping.wait(interval):
            exchange.send_chunk(piece)

    return scenario


def chunked(size: int, piece: int = 64 * 1024) -> Scenario:
    """A 200 with a chunked body (no Content-Length) of ``size`` bytes."""

    def scenario(exchange: Exchange) -> None:
        exchange.start(200, CHUNKED)
        block = b" " * piece
        for start in range(0, size, piece):
            exchange.send_chunk(block[: size - start])
        exchange.send_chunk(b"")

    return scenario


def claim_length(length: int) -> Scenario:
    """A 200 announcing a Content-Length of ``length`` and sending almost none of it."""

    def scenario(exchange: Exchange) -> None:
        exchange.close_connection = True
        exchange.start(200, {"Content-Length": str(length), **JSON})
        exchange.wfile.write(b"{")

    return scenario


def encoded(body: bytes, encoding: str) -> Scenario:
    """A 200 with ``body`` sent as is under ``Content-Encoding: encoding``."""
    return respond(200, body, {"Content-Encoding": encoding})


def gzipped(body: bytes) -> Scenario:
    """A 200 with ``body`` gzip-compressed."""
    return encoded(gzip.compress(body), "gzip")


def gzip_bomb(size: int = GIB) -> Scenario:
    """A 200 whose gzip body expands to ``size`` zero bytes (1 GiB from about 1 MiB)."""
    return encoded(compressed_zeros(size), "gzip")


@cache
def compressed_zeros(size: int) -> bytes:
    """``size`` zero bytes (a whole number of MiB), gzip-compressed without ever being held decompressed.

    After a full flush the compressor starts afresh, so its output for each further 1 MiB block of
    zeros is the same bytes: those are repeated instead of compressing 1 GiB (seconds) each session.
    """
    block, blocks = bytes(MIB), size // MIB
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first, repeated = (compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH) for _ in range(2))
    last_block = compressor.flush()[:-8]  # without the gzip trailer, which covers two blocks only
    crc = 0
    for _ in range(blocks):
        crc = zlib.crc32(block, crc)
    return b"".join([first, repeated * (blocks - 1), last_block, struct.pack("<II", crc, size % (1 << 32))])


def redirect(location: str, status: int = 302) -> Scenario:
    """Redirect to ``location`` (relative or absolute)."""
    return respond(status, b"", {"Location": location})


def redirect_forever(status: int = 302) -> Scenario:
    """Redirect to the same path with ``?hop=`` one higher, forever: never a loop, always one more."""

    def scenario(exchange: Exchange) -> None:
        hop = int(exchange.query.get("hop", ["0"])[0]) + 1
        redirect(f"{urlsplit(exchange.path).path}?hop={hop}", status)(exchange)

    return scenario
