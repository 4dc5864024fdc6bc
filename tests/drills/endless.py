"""A stand-in API in front of the sandbox whose booking answers never end.

Every request is passed to the sandbox as it is. A create-booking request is carried out by
the sandbox, and then answered with ``201`` and a body that goes on and on (an answer the
client must give up on: issue 15 #8). "Endless" is bounded at ``ceiling`` bytes, far above any
sane answer and above the client's cap, so that a client without a cap cannot take the
machine down with it; ``sent`` tells how far each endless answer got before the client hung up.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from desktop.api.client import BOOKINGS_PATH

CHUNK = b'{"status":"OK","data":{"booking":{"id":"' + b"9" * (64 * 1024 - 40)


class EndlessFront:
    def __init__(self, sandbox_url: str, ceiling: int = 32 * 1024 * 1024) -> None:
        self.sandbox_url = sandbox_url
        self.ceiling = ceiling
        #: Bytes of each endless answer written before the client hung up (or the ceiling).
        self.sent: list[int] = []
        self.posts = 0
        front = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                front.forward(self)

            def do_POST(self) -> None:
                front.forward(self)

            def do_PUT(self) -> None:
                front.forward(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._http = httpx.Client(timeout=30)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> EndlessFront:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._http.close()

    def forward(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else None
        headers = {k: v for k, v in handler.headers.items()
                   if k.lower() in ("authorization", "content-type", "idempotency-key")}
        answer = self._http.request(handler.command, self.sandbox_url + handler.path,
                                    content=body, headers=headers)
        endless = handler.command == "POST" and \
            handler.path.split("?")[0].rstrip("/") == BOOKINGS_PATH and answer.is_success
        if not endless:
            handler.send_response(answer.status_code)
            handler.send_header("Content-Type", answer.headers.get("content-type", ""))
            handler.send_header("Content-Length", str(len(answer.content)))
            handler.end_headers()
            handler.wfile.write(answer.content)
            return
        self.posts += 1
        handler.close_connection = True
        handler.send_response(201)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Connection", "close")
        handler.end_headers()
        sent = 0
        try:
            while sent < self.ceiling:
                handler.wfile.write(CHUNK)
                sent += len(CHUNK)
        except OSError:
            pass  # the client gave up: what an endless answer should make it do
        self.sent.append(sent)
