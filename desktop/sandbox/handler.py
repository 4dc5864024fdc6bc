"""The sandbox's HTTP plumbing: one request in, one answer (or a fault) out.

Why the stdlib ``http.server.ThreadingHTTPServer`` and not an ASGI framework:

* socket-level control for the faults that matter to a booking client: drop the connection
  after a write is committed, promise more bytes than are sent, refuse connections on the
  very same port;
* no extra dependency in the shipped installer (the sandbox ships for ``--demo`` and
  ``--self-test``);
* it starts in well under a millisecond, so every test can have a fresh one.

It speaks HTTP/1.1 with exact Content-Length and keep-alive (httpx reuses connections), and
serves each connection on a daemon thread. The log never contains the Authorization header.
``/platform/...`` and ``/business/...`` need a token; ``/__sandbox/...`` answers this machine
only.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import logging
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from desktop.sandbox import routes
from desktop.sandbox.replies import ApiFailure, Reply
from desktop.sandbox.tokens import TokenProblem

if TYPE_CHECKING:
    from desktop.sandbox.server import SandboxServer

log = logging.getLogger("desktop.sandbox")

#: Status recorded in ``requests_log`` for a request that got no answer at all.
NO_ANSWER = 0
GARBAGE = b"<html><body>\x00\xff upstream sent an invalid response \xfe</body>"
API_PREFIXES = ("/platform/", "/business/")


class HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        self.open_connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.open_connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.open_connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up first (timeouts, fault tests) is normal here, not a crash."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            log.debug("client %s went away", client_address)
            return
        log.exception("sandbox connection failed")

    def close_connections(self) -> None:
        """End every kept-alive connection: their threads see EOF and finish."""
        with self.connections_lock:
            connections = list(self.open_connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FrontdeskSandbox/1.0"
    sys_version = ""
    #: An idle kept-alive connection is closed after this many seconds.
    timeout = 60
    #: Headers and body go out in two writes; with Nagle on, the body waits for the client's
    #: delayed ACK (~40 ms per request on Linux). TCP_NODELAY sends it at once.
    disable_nagle_algorithm = True
    server: HttpServer

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: the sandbox logs one line per request itself, without headers."""

    # ------------------------------------------------------------------ one request
    def _handle(self) -> None:
        self._started = time.perf_counter()
        self._logged = False
        parts = urlsplit(self.path)
        self._path_only = parts.path
        raw = self._read_body()
        status = self._answer(self.server.sandbox, parts.path, parts.query, raw)
        self._log_once(status)

    def _log_once(self, status: int) -> None:
        """Record the request before the answer leaves, so a client that has its answer can
        already see it in ``requests_log``."""
        if not self._logged:
            self._logged = True
            millis = (time.perf_counter() - self._started) * 1000
            self.server.sandbox._record(self.command, self._path_only, status, millis)

    def _read_body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        return self.rfile.read(length) if length > 0 else b""

    def _answer(self, sandbox: SandboxServer, path: str, query_text: str, raw: bytes) -> int:
        query = parse_qs(query_text, keep_blank_values=True)
        headers = {key.lower(): value for key, value in self.headers.items()}
        try:
            body = json.loads(raw) if raw.strip() else None
            bad_json = False
        except (ValueError, UnicodeDecodeError):
            body, bad_json = None, True
        request = routes.Request(self.command, path, query, body, headers)

        if path.startswith("/__sandbox/"):
            return self._control(sandbox, request, bad_json)
        if not path.startswith(API_PREFIXES):
            return self._send(ApiFailure(404, "NOT_FOUND", f"No such endpoint: {path}")
                              .to_reply())
        if body is not None:
            sandbox._remember_body(path, body)

        faults = sandbox.faults
        faulty = faults.applies_to(path)
        truncate = False
        if faulty:
            delay = faults.delay_seconds()
            if delay > 0:
                time.sleep(delay)
            if faults.consume("rate_limit"):
                wait = str(faults.get("rate_limit_retry_after"))
                reply = ApiFailure(429, "RATE_LIMITED", "Too many requests").to_reply()
                reply.headers["Retry-After"] = wait
                return self._send(reply)
            failing = faults.roll_error()
            if failing is not None:
                return self._send(ApiFailure(failing, "SERVER_ERROR",
                                             "The server could not handle the request")
                                  .to_reply())
            if faults.consume("garbage_body"):
                return self._send_raw(200, GARBAGE, "application/json")
            truncate = faults.consume("truncated_body")

        try:
            request.claims = sandbox.tokens.check(
                headers.get("authorization"),
                all_expired=faulty and bool(faults.get("expire_tokens")))
        except TokenProblem as problem:
            return self._send(sandbox._refusal(problem), truncate=truncate)
        if bad_json:
            return self._send(ApiFailure(400, "INVALID_PARAMETER",
                                         "The request body is not valid JSON").to_reply(),
                              truncate=truncate)

        reply = self._dispatch(sandbox, request)
        if reply.committed and faulty and faults.consume("drop_after_commit"):
            self.close_connection = True  # committed; the answer is never sent
            return NO_ANSWER
        return self._send(reply, truncate=truncate)

    def _control(self, sandbox: SandboxServer, request: routes.Request, bad_json: bool) -> int:
        # Control calls are one-shot, and must survive refuse_connections closing the others.
        with self.server.connections_lock:
            self.server.open_connections.discard(self.connection)
        self.close_connection = True
        if not ipaddress.ip_address(self.client_address[0]).is_loopback:
            return self._send(ApiFailure(403, "FORBIDDEN",
                                         "Control endpoints answer this machine only")
                              .to_reply())
        if bad_json:
            return self._send(ApiFailure(400, "INVALID_PARAMETER",
                                         "The request body is not valid JSON").to_reply())
        return self._send(self._dispatch(sandbox, request))

    def _dispatch(self, sandbox: SandboxServer, request: routes.Request) -> Reply:
        try:
            return routes.dispatch(sandbox, request)
        except Exception:
            log.exception("sandbox failure on %s %s", request.method, request.path)
            return ApiFailure(500, "SERVER_ERROR", "The sandbox failed on this request")\
                .to_reply()

    # ------------------------------------------------------------------ writing
    def _send(self, reply: Reply, *, truncate: bool = False) -> int:
        payload = json.dumps(reply.body, ensure_ascii=False).encode("utf-8")
        return self._send_raw(reply.status, payload, "application/json; charset=utf-8",
                              reply.headers, truncate=truncate)

    def _send_raw(self, status: int, payload: bytes, content_type: str,
                  extra: dict[str, str] | None = None, *, truncate: bool = False) -> int:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if truncate:
            # Promise the whole body plus more, send half of it, then hang up.
            self.send_header("Content-Length", str(len(payload) + 512))
            self.send_header("Connection", "close")
            self.close_connection = True
            self._log_once(status)
            self.end_headers()
            self.wfile.write(payload[: len(payload) // 2])
            return status
        self.send_header("Content-Length", str(len(payload)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self._log_once(status)
        self.end_headers()
        self.wfile.write(payload)
        return status
