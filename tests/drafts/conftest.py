"""Helpers of the outbox tests: real files in tmp_path and a small in-process platform.

``FakeServer`` is a model of the platform's booking endpoints (bookings with their state,
idempotency keys seen, switchable failures) implementing the outbox's ``DeskApi`` Protocol.
It stands in for the calls the real ``BookingClient`` does not have yet (cancel, complete,
reschedule, waitlist, get_appointment) and for the engine's pure-logic tests; whatever the
real client can already do, the tests that matter also do against the real sandbox over HTTP.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.api.errors import (
    AlreadyRegisteredError,
    ApiError,
    InDoubtError,
    NotFoundError,
    OfflineError,
    SlotTakenError,
)
from desktop.api.models import Appointment, Booking, BookingRequest, Business, Client, Slot
from desktop.booking.saved_booking import SavedBooking
from desktop.clock import ManualClock
from desktop.outbox.store import OutboxStore
from desktop.outbox.timing import Backoff, Timing

BASE_TIME = datetime(2031, 3, 3, 9, 0, tzinfo=UTC)
#: The outbox's waits made test-sized: retries and offline probes within a fraction of a
#: second, an in-doubt send looked up at once.
FAST = Timing(backoff=Backoff(first=0.05, limit=0.2), probe_backoff=Backoff(first=0.05, limit=0.2),
              in_doubt_grace=timedelta(0))


def booking_request(n: int, *, client_id: str = "", business_id: str = "biz-1") -> BookingRequest:
    """The n-th of a family of distinct appointment requests."""
    return BookingRequest(
        business_id=business_id, service_id="svc-1", staff_id="staff-1",
        start_time=BASE_TIME + timedelta(minutes=30 * n), time_zone="UTC",
        client_id=client_id or f"client-{n}",
    )


def form(n: int) -> SavedBooking:
    """What the booking page would have kept for ``booking_request(n)``."""
    start = BASE_TIME + timedelta(minutes=30 * n)
    return SavedBooking(service_id="svc-1", staff_id="staff-1", time_zone="UTC",
                        slot=Slot(staff_id="staff-1", start_time=start, duration_minutes=30),
                        client=Client(id=f"client-{n}", first_name="Client", last_name=str(n)),
                        service_name="Haircut", staff_name="Dana",
                        local_time=f"Mon 3 Mar, {start:%H:%M}", client_name=f"Client {n}")


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the engine catches it."""


@dataclass
class FakeServer:
    """What the platform holds, plus switches. Thread-safe."""

    bookings: dict[str, dict[str, Any]] = field(default_factory=dict)
    keys_seen: list[str | None] = field(default_factory=list)
    #: (call name, booking ids or request) of every write the "server" carried out.
    writes: list[tuple[str, Any]] = field(default_factory=list)
    waitlist: set[tuple[str, str]] = field(default_factory=set)
    offline: bool = False
    #: Exceptions to raise on the next writes, in order (before anything is done).
    refuse_next: list[ApiError] = field(default_factory=list)
    #: Do the next N writes, then lose the answer (InDoubtError).
    lose_answer: int = 0
    #: Raise Crash before (``"before"``) or after (``"after"``) doing the next write.
    crash: str | None = None
    lookup_fails: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def add(self, *, client_id: str, start: datetime, staff_id: str = "staff-1",
            state: str = "scheduled") -> str:
        booking_id = f"bk-{next(self.ids)}"
        self.bookings[booking_id] = {"id": booking_id, "client_id": client_id,
                                     "start_time": start, "staff_id": staff_id,
                                     "state": state, "no_show": False}
        return booking_id

    def live(self) -> list[dict[str, Any]]:
        return [b for b in self.bookings.values() if b["state"] != "cancelled"]

    def booked(self, request: BookingRequest) -> list[dict[str, Any]]:
        return [b for b in self.live() if b["client_id"] == request.client_id
                and b["start_time"] == request.start_time]

    def _taken(self, staff_id: str | None, start: datetime | None, but: str = "") -> bool:
        return any(b["staff_id"] == staff_id and b["start_time"] == start and b["id"] != but
                   for b in self.live())

    def write(self, name: str, what: Any, action: Any, key: str | None = None) -> Any:
        """Run one write with the switches applied."""
        if self.offline:
            raise OfflineError("The booking service cannot be reached.")
        with self.lock:
            if name == "create":
                self.keys_seen.append(key)
            if self.crash == "before":
                self.crash = None
                raise Crash
            if self.refuse_next:
                raise self.refuse_next.pop(0)
            result = action()
            self.writes.append((name, what))  # carried out
            if self.crash == "after":
                self.crash = None
                raise Crash
            if self.lose_answer:
                self.lose_answer -= 1
                raise InDoubtError("The booking service did not answer in time.")
        return result


class FakeClient:
    """Speaks to a FakeServer with the BookingClient's method names and error types."""

    def __init__(self, server: FakeServer) -> None:
        self.server = server
        self.calls: list[str] = []

    def _reachable(self, name: str) -> None:
        self.calls.append(name)
        if self.server.offline:
            raise OfflineError("The booking service cannot be reached.")

    def get_business(self, business_id: str) -> Business:
        self._reachable("get_business")
        return Business(id=business_id, name="Fake", time_zone="UTC")

    def create_booking(self, request: BookingRequest,
                       idempotency_key: str | None = None) -> Booking:
        self.calls.append("create_booking")
        server = self.server

        def book() -> str:
            if server._taken(request.staff_id, request.start_time):
                raise SlotTakenError("That time is no longer free: someone else booked it.")
            assert request.client_id is not None
            assert request.start_time is not None
            return server.add(client_id=request.client_id, start=request.start_time,
                              staff_id=request.staff_id or "")

        booking_id = server.write("create", request, book, idempotency_key)
        return Booking(id=booking_id, client_id=request.client_id,
                       start_time=request.start_time)

    def find_booking(self, request: BookingRequest) -> Booking | None:
        self._reachable("find_booking")
        if self.server.lookup_fails:
            raise OfflineError("The booking service cannot be reached.")
        with self.server.lock:
            found = self.server.booked(request)
        return Booking(id=found[0]["id"]) if found else None

    def get_appointment(self, appointment_id: str) -> Appointment:
        self._reachable("get_appointment")
        if self.server.lookup_fails:
            raise OfflineError("The booking service cannot be reached.")
        with self.server.lock:
            booking = self.server.bookings.get(appointment_id)
            if booking is None:
                raise NotFoundError("Booking not found")
            return Appointment.model_validate(dict(booking))

    def _known(self, booking_ids: Sequence[str]) -> None:
        if len(booking_ids) > 50:
            raise AssertionError("more than 50 ids in one call")
        for booking_id in booking_ids:
            if booking_id not in self.server.bookings:
                raise NotFoundError("Booking not found")

    def cancel_bookings(self, business_id: str, booking_ids: Sequence[str], *,
                        message: str | None = None) -> None:
        self.calls.append("cancel_bookings")

        def cancel() -> None:
            self._known(booking_ids)
            for booking_id in booking_ids:
                self.server.bookings[booking_id]["state"] = "cancelled"
                self.server.bookings[booking_id]["message"] = message

        self.server.write("cancel", list(booking_ids), cancel)

    def complete_bookings(self, business_id: str, booking_ids: Sequence[str], *,
                          no_show: bool = False, message: str | None = None) -> None:
        self.calls.append("complete_bookings")

        def complete() -> None:
            self._known(booking_ids)
            for booking_id in booking_ids:
                self.server.bookings[booking_id].update(state="done", no_show=no_show)

        self.server.write("complete", list(booking_ids), complete)

    def reschedule_booking(self, business_id: str, booking_id: str, *, start_time: datetime,
                           duration: int | None = None, notify_client: bool = True,
                           message: str | None = None) -> None:
        self.calls.append("reschedule_booking")

        def move() -> None:
            self._known([booking_id])
            booking = self.server.bookings[booking_id]
            if self.server._taken(booking["staff_id"], start_time, but=booking_id):
                raise SlotTakenError("That time is no longer free: someone else booked it.")
            booking["start_time"] = start_time

        self.server.write("reschedule", booking_id, move)

    def join_waitlist(self, business_id: str, event_instance_id: str, client_id: str) -> None:
        self.calls.append("join_waitlist")

        def join() -> None:
            if (event_instance_id, client_id) in self.server.waitlist:
                raise AlreadyRegisteredError("The client is already on the waitlist.")
            self.server.waitlist.add((event_instance_id, client_id))

        self.server.write("waitlist", (event_instance_id, client_id), join)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "drafts.sqlite3"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(BASE_TIME - timedelta(days=1))


@pytest.fixture
def store(db_path: Path) -> Iterator[OutboxStore]:
    with OutboxStore(db_path) as opened:
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
    """Ten really bookable (request, form) pairs, fetched before any fault is switched on."""
    from tests.helpers.bookable import planned_requests

    return planned_requests(api_client, sandbox, 10)
