"""Helpers of the booking-client tests: a recording sleep, open slots to book, booking
requests, and a tiny stdlib HTTP server that answers whatever a test tells it to."""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from desktop.api.client import BookingClient
from desktop.api.models import BookingRequest, FieldValue, FormData, Slot
from desktop.sandbox.server import SandboxServer
from tests.helpers.sample import CLINIC_ZONE, KNOWN_CLIENT, MASSAGE, SAMPLE_STAFF


class SleepRecorder:
    """An injectable ``sleep`` that records each wait instead of sleeping (optionally runs a
    hook, e.g. to clear a sandbox fault between two tries)."""

    def __init__(self) -> None:
        self.calls: list[float] = []
        self.hook: Callable[[float], None] | None = None

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        if self.hook is not None:
            self.hook(seconds)

    @property
    def total(self) -> float:
        return sum(self.calls)




def open_slots(client: BookingClient, sandbox: SandboxServer, service_id: str = MASSAGE,
               days: int = 14) -> list[Slot]:
    """Open appointment slots from the sandbox's tomorrow on (the clinic's), soonest first."""
    tomorrow = sandbox.clock.now().astimezone(ZoneInfo(CLINIC_ZONE)).date() + timedelta(days=1)
    by_day = client.get_availability(business_id=sandbox.business_id, service_id=service_id,
                                     start_date=tomorrow, end_date=tomorrow + timedelta(days),
                                     time_zone=CLINIC_ZONE, staff_ids=SAMPLE_STAFF)
    return [slot for day in sorted(by_day) for slot in by_day[day]]


def appointment_request(business_id: str, slot: Slot, *, client_id: str | None = KNOWN_CLIENT,
                        form_data: FormData | None = None) -> BookingRequest:
    return BookingRequest(business_id=business_id, service_id=slot.service_id or MASSAGE,
                          staff_id=slot.staff_id, start_time=slot.start_time,
                          time_zone=CLINIC_ZONE, client_id=client_id, form_data=form_data)


def new_client_form(email: str, first_name: str = "Ann") -> FormData:
    return FormData(fields=[FieldValue(field_id="q_email", type="email", new_data=email),
                            FieldValue(field_id="q_first", type="first_name",
                                       new_data=first_name)],
                    policies={"p_cancel": True})


def tomorrow_in_clinic() -> date:
    return datetime.now(ZoneInfo(CLINIC_ZONE)).date() + timedelta(days=1)


# ---------------------------------------------------------------------- the stub server


@dataclass
class StubReply:
    status: int = 200
    body: bytes = b'{"status": "OK", "data": {}}'
    headers: dict[str, str] = field(default_factory=dict)
    #: Close the connection without answering (a lost answer).
    drop: bool = False


Responder = Callable[[str, str, dict[str, list[str]], bytes], StubReply]


def json_reply(payload: Any, status: int = 200, **headers: str) -> StubReply:
    return StubReply(status, json.dumps(payload).encode(), dict(headers))


class StubServer:
    """Real HTTP/1.1 with keep-alive on 127.0.0.1; ``responder`` decides every answer."""

    def __init__(self) -> None:
        self.responder: Responder = lambda method, path, query, body: StubReply()
        self.requests: list[tuple[str, str, dict[str, list[str]], bytes, dict[str, str]]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # Headers and body go out as two writes: without this, Nagle's algorithm and
                # the peer's delayed ACK add 40 ms to every keep-alive answer.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                query = parse_qs(parts.query, keep_blank_values=True)
                stub.requests.append((self.command, parts.path, query, body,
                                      {k.lower(): v for k, v in self.headers.items()}))
                reply = stub.responder(self.command, parts.path, query, body)
                if reply.drop:
                    self.close_connection = True
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            do_GET = do_POST = do_PUT = _handle

        class QuietServer(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client hanging up mid-answer is part of what the tests stage

        self._httpd = QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def reset(self) -> None:
        self.responder = lambda method, path, query, body: StubReply()
        self.requests.clear()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def paths(self) -> list[str]:
        """The path of every request so far, in order."""
        return [request[1] for request in self.requests]

    def json_bodies(self, path: str) -> list[Any]:
        """The JSON bodies sent to ``path``, in order."""
        return [json.loads(request[3]) for request in self.requests if request[1] == path]

#: A well-formed staff token for the stub server (which never checks it).
STUB_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdGFmZi0xIn0.c2lnbmF0dXJl"


def stub_client(stub: StubServer, sleeps: SleepRecorder | None = None) -> BookingClient:
    """A client of ``stub`` whose retry waits are recorded (in ``sleeps``), never slept."""
    return BookingClient(stub.url, STUB_TOKEN, sleep=sleeps or SleepRecorder())


class RequestLog(logging.Handler):
    """The client's own one-line-per-request log (logger ``desktop.api``), as the client saw
    it: unlike the server's log, it is complete the moment a call returns."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def count(self, method: str, path: str) -> int:
        return sum(1 for line in self.lines if line.startswith(f"{method} {path} "))
