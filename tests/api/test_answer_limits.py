"""Hostile answers (issue 15 #8): an endless body and a 1-byte-per-second answer, served by a
raw socket server. The size cap and the call's deadline hold; both end as "unreadable / too
slow" (ServerError for reads, InDoubtError for writes); memory stays bounded."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from desktop.api.client import BookingClient
from desktop.api.constants import MAX_ANSWER_BYTES, Timeouts
from desktop.api.errors import InDoubtError, ServerError
from desktop.api.models import BookingRequest
from tests.api.helpers import STUB_TOKEN, SleepRecorder, StubServer, json_reply

SAMPLE = Path(__file__).parents[2] / "resources" / "sample_data"
BOOKING = BookingRequest(business_id="b1", service_id="s1", staff_id="st1",
                         start_time=datetime(2030, 5, 6, 14, tzinfo=UTC), client_id="c1")
Play = Callable[[socket.socket], None]


class RawServer:
    """127.0.0.1; reads each request (head and Content-Length body), then ``play``s the
    answer on the bare socket. ``sent`` counts the body bytes that went out."""

    def __init__(self, play: Play) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.sent = 0
        self.requests = 0
        #: Set when an answer has ended (the client hung up): ``sent`` is final then.
        self.answered = threading.Event()
        self._play = play
        self._stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                head += chunk
            length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            body = head.split(b"\r\n\r\n", 1)[1]
            while len(body) < length:
                body += connection.recv(65536)
            self.requests += 1
            with contextlib.suppress(OSError):  # the client hung up: what these tests expect
                self._play(connection)
            self.answered.set()

    def send(self, connection: socket.socket, data: bytes) -> None:
        # send(), not sendall(): a chunk cut short by the client's hang-up still counts the
        # bytes that did go out, so ``sent`` is never less than what the client read.
        view = memoryview(data)
        while view:
            count = connection.send(view)
            self.sent += count
            view = view[count:]

    def close(self) -> None:
        self._stop.set()
        self._listener.close()


@pytest.fixture
def raw() -> Iterator[Callable[[Callable[[RawServer, socket.socket], None]], RawServer]]:
    servers: list[RawServer] = []

    def start(play: Callable[[RawServer, socket.socket], None]) -> RawServer:
        server = RawServer(lambda connection: play(server, connection))
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"


def endless(server: RawServer, connection: socket.socket) -> None:
    connection.sendall(HEAD)
    server.send(connection, b'{"status":"OK","data":{"services":[')
    item = b'{"id":"s","name":"' + b"x" * 200 + b'"},'
    chunk = item * 300
    while True:  # until the client hangs up
        server.send(connection, chunk)


def one_byte_a_second(seconds: float) -> Callable[[RawServer, socket.socket], None]:
    def play(server: RawServer, connection: socket.socket) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 1000\r\n\r\n")
        for _ in range(1000):
            server.send(connection, b" ")
            time.sleep(seconds)
    return play


def test_an_endless_body_stops_at_the_cap(raw: Callable[..., RawServer]) -> None:
    server = raw(endless)
    cap = 1024 * 1024
    tracemalloc.start()
    try:
        with BookingClient(server.url, STUB_TOKEN, sleep=SleepRecorder(),
                           max_answer_bytes=cap) as client:
            started = time.monotonic()
            with pytest.raises(ServerError, match="too large to read") as caught:
                client.list_services("b1")
            elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not isinstance(caught.value, InDoubtError)
    assert elapsed < 5.0
    assert server.requests == 1  # an oversized answer is not asked for again
    assert peak < 4 * cap  # the body buffer and one chunk, never the endless stream
    assert server.answered.wait(5)
    assert server.sent < 64 * 1024 * 1024  # the client stopped reading


def test_an_endless_answer_to_a_write_is_in_doubt(raw: Callable[..., RawServer]) -> None:
    server = raw(endless)
    with BookingClient(server.url, STUB_TOKEN, sleep=SleepRecorder(),
                       max_answer_bytes=256 * 1024) as client, \
            pytest.raises(InDoubtError, match="could not be read"):
        client.create_booking(BOOKING)
    assert server.requests == 1


def test_the_default_cap_holds_without_a_memory_error(raw: Callable[..., RawServer]) -> None:
    server = raw(endless)
    with BookingClient(server.url, STUB_TOKEN, sleep=SleepRecorder()) as client, \
            pytest.raises(ServerError, match="too large"):
        client.get_business("b1")
    assert server.answered.wait(5)  # the server has counted its last chunk
    assert MAX_ANSWER_BYTES <= server.sent < MAX_ANSWER_BYTES + 64 * 1024 * 1024


def test_a_one_byte_a_second_answer_ends_at_the_deadline(
        raw: Callable[..., RawServer]) -> None:
    """Every byte comes well within the 2 s read timeout, so only the deadline ends it."""
    server = raw(one_byte_a_second(1.0))
    with BookingClient(server.url, STUB_TOKEN, sleep=SleepRecorder(),
                       timeouts=Timeouts(read=2.0, deadline=2.5)) as client:
        started = time.monotonic()
        with pytest.raises(ServerError, match=r"more than 2\.5 seconds"):
            client.get_business("b1")
        elapsed = time.monotonic() - started
    assert 2.5 <= elapsed < 4.5
    assert server.requests == 1


def test_a_trickling_answer_to_a_write_is_in_doubt(raw: Callable[..., RawServer]) -> None:
    server = raw(one_byte_a_second(0.2))
    with BookingClient(server.url, STUB_TOKEN, sleep=SleepRecorder(),
                       timeouts=Timeouts(read=1.0, deadline=1.0)) as client:
        started = time.monotonic()
        with pytest.raises(InDoubtError):
            client.cancel_bookings("b1", ["bk-1"])
        assert time.monotonic() - started < 2.5
    assert server.requests == 1


def test_a_memory_error_while_reading_is_an_unreadable_answer(
        stub: StubServer, monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(self: httpx.Response, chunk_size: int | None = None) -> Iterator[bytes]:
        raise MemoryError
        yield b""  # pragma: no cover - makes this a generator like the real one

    stub.responder = lambda method, path, query, body: json_reply({"status": "OK", "data": {}})
    monkeypatch.setattr(httpx.Response, "iter_bytes", exhausted)
    with BookingClient(stub.url, STUB_TOKEN, sleep=SleepRecorder()) as client:
        with pytest.raises(ServerError, match="too large"):
            client.get_business("b1")
        with pytest.raises(InDoubtError):
            client.accept_booking("b1", "bk-1")


# ---------------------------------------------------------------------- what answers weigh


def ten_thousand_services() -> bytes:
    sample = json.loads((SAMPLE / "services.json").read_text(encoding="utf-8"))
    services = [{**sample[n % len(sample)], "id": f"sv-{n:05d}",
                 "name": f"{sample[n % len(sample)]['name']} {n}"} for n in range(10_000)]
    return json.dumps({"status": "OK", "data": {"services": services,
                                                "next_page": None}}).encode()


def test_ten_thousand_services_fit_well_under_the_cap(stub: StubServer) -> None:
    """Measured: about 3.0 MB; the cap leaves five times that."""
    body = ten_thousand_services()
    assert 2_000_000 < len(body) < MAX_ANSWER_BYTES / 5
    stub.responder = lambda method, path, query, payload: json_reply(json.loads(body))
    with BookingClient(stub.url, STUB_TOKEN, sleep=SleepRecorder()) as client:
        assert len(client.list_services("b1")) == 10_000  # one page, served whole


def test_a_month_of_ten_minute_cells_fits_under_the_cap() -> None:
    """20 staff x 31 days x 9 working hours of free 10-minute cells: about 6 MB."""
    first = datetime(2030, 5, 1, 9, tzinfo=UTC)
    days = {}
    for day in range(31):
        start = first + timedelta(days=day)
        days[start.date().isoformat()] = [
            {"staff_id": f"st-{staff:02d}", "start_time": (start + timedelta(minutes=m))
             .isoformat(), "duration_minutes": 10, "spots_total": 1, "spots_open": 1,
             "event_instance_id": None, "service_id": "sv-massage"}
            for staff in range(20) for m in range(0, 9 * 60, 10)]
    size = len(json.dumps({"status": "OK", "data": {"availabilities": days}}).encode())
    assert 5_000_000 < size < MAX_ANSWER_BYTES
