"""Helpers of the drafts tests: real files in tmp_path and a small in-process booking server.

``FakeServer`` is a model of the platform's booking endpoint (bookings, idempotency keys seen,
switchable failures) for the engine's pure-logic tests and the fast property test. Whatever it
can do, the tests that matter also do against the real sandbox over HTTP.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.api.errors import ApiError, OfflineError, ServerError
from desktop.api.models import Booking, BookingRequest, Business
from desktop.drafts.store import DraftStore

BASE_TIME = datetime(2031, 3, 3, 9, 0, tzinfo=UTC)


def booking_request(n: int, *, client_id: str = "", business_id: str = "biz-1") -> BookingRequest:
    """The n-th of a family of distinct appointment requests."""
    return BookingRequest(
        business_id=business_id, service_id="svc-1", staff_id="staff-1",
        start_time=BASE_TIME + timedelta(minutes=30 * n), time_zone="UTC",
        client_id=client_id or f"client-{n}",
    )


def form_values(n: int) -> dict[str, Any]:
    return {"service_id": "svc-1", "staff_id": "staff-1", "client_id": f"client-{n}",
            "slot": (BASE_TIME + timedelta(minutes=30 * n)).isoformat(), "time_zone": "UTC",
            "client_name": f"Client {n}", "service_name": "Haircut", "staff_name": "Dana",
            "local_time": f"Mon 3 Mar, {9 + n // 2}:{'30' if n % 2 else '00'}"}


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the engine catches it."""


@dataclass
class FakeServer:
    """What the platform has booked, plus switches. Thread-safe."""

    bookings: list[dict[str, Any]] = field(default_factory=list)
    keys_seen: list[str | None] = field(default_factory=list)
    offline: bool = False
    #: Exceptions to raise on the next create calls, in order (before anything is booked).
    refuse_next: list[ApiError] = field(default_factory=list)
    #: Book, then lose the answer: the next N creates raise this error after committing.
    lose_answer: int = 0
    #: Raise Crash before (``"before"``) or after (``"after"``) committing the next create.
    crash: str | None = None
    lookup_fails: bool = False
    taken: set[tuple[str, str]] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @staticmethod
    def _key(request: BookingRequest) -> tuple[str, str]:
        return (request.client_id or "", request.start_time.isoformat()
                if request.start_time else request.event_instance_id or "")

    def booked(self, request: BookingRequest) -> list[dict[str, Any]]:
        return [b for b in self.bookings if b["key"] == self._key(request)]


class FakeClient:
    """Speaks to a FakeServer with the BookingClient's method names and error types."""

    def __init__(self, server: FakeServer) -> None:
        self.server = server
        self.calls: list[str] = []

    def get_business(self, business_id: str) -> Business:
        self.calls.append("get_business")
        if self.server.offline:
            raise OfflineError("The booking service cannot be reached.")
        return Business(id=business_id, name="Fake", time_zone="UTC")

    def create_booking(self, request: BookingRequest,
                       idempotency_key: str | None = None) -> Booking:
        server = self.server
        self.calls.append("create_booking")
        if server.offline:
            raise OfflineError("The booking service cannot be reached.")
        with server.lock:
            server.keys_seen.append(idempotency_key)
            if server.crash == "before":
                server.crash = None
                raise Crash
            if server.refuse_next:
                raise server.refuse_next.pop(0)
            key = server._key(request)
            booking = {"id": f"bk-{next(server.ids)}", "key": key, "idem": idempotency_key}
            server.bookings.append(booking)
            if server.crash == "after":
                server.crash = None
                raise Crash
            if server.lose_answer:
                server.lose_answer -= 1
                raise ServerError("The booking service had a problem (502).", status=502)
        return Booking(id=booking["id"], client_id=request.client_id,
                       start_time=request.start_time)

    def find_booking(self, request: BookingRequest) -> Booking | None:
        self.calls.append("find_booking")
        if self.server.offline or self.server.lookup_fails:
            raise OfflineError("The booking service cannot be reached.")
        with self.server.lock:
            found = self.server.booked(request)
        return Booking(id=found[0]["id"]) if found else None


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "drafts.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[DraftStore]:
    with DraftStore(db_path) as opened:
        yield opened


@pytest.fixture
def server() -> FakeServer:
    return FakeServer()


@pytest.fixture
def fake_client(server: FakeServer) -> FakeClient:
    return FakeClient(server)


@pytest.fixture
def api_client(sandbox: Any) -> Iterator[Any]:
    """The real BookingClient against the sandbox, with short timeouts for fault tests."""
    from desktop.api.client import BookingClient
    from desktop.api.constants import Timeouts

    client = BookingClient(sandbox.url, sandbox.staff_token(),
                           timeouts=Timeouts(connect=1, read=3, write=3, pool=1), max_tries=2)
    yield client
    client.close()


@pytest.fixture
def plan(sandbox: Any, api_client: Any) -> list[Any]:
    """Ten really bookable (request, values) pairs, fetched before any fault is switched on."""
    from tests.drafts.sandbox_helpers import planned_requests

    return planned_requests(api_client, sandbox.business_id, 10)
