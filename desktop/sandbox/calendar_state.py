"""The sandbox's in-memory business: clients, event instances and bookings behind one lock,
with "now" read from one clock (issue 11: nothing here reads the computer's clock itself).

Reading, seeding and creating bookings live here; the desk's changes (cancel, complete,
reschedule, waitlist, "another desk") in desk.py. Spots of an event instance are counted
from its registrations, and busy time from the bookings themselves, so booking, cancelling
and availability can never disagree.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.sandbox import availability, seeding
from desktop.sandbox.history import make_history
from desktop.sandbox.records import (
    HOLDING,
    OPEN,
    BookingRecord,
    Lookups,
    Record,
    appointment_item,
    iso,
    public_booking,
    public_client,
    source_data,
)
from desktop.sandbox.replies import ApiFailure, not_found, unavailable
from desktop.sandbox.sample_data import SampleData, WeeklyHours, load_sample_data
from desktop.sandbox.store import BookingStore, Keep
from desktop.sandbox.validation import BookingPlan


class CalendarState:
    """Thread-safe: every public method takes the lock and returns copies."""

    def __init__(self, seed: int = 1234, clock: Clock = SYSTEM_CLOCK,
                 history: int | None = None, *, time_zone: str | None = None,
                 staff_hours: Mapping[str, WeeklyHours] | None = None) -> None:
        if history is not None and history < 0:
            raise ValueError("history must be 0 or more appointments")
        self._lock = threading.RLock()
        self._seed = seed
        self.clock = clock
        self.history = history or 0
        #: The business's zone and staff hours when not the sample data's (sample_data.py).
        self._changes = (time_zone, dict(staff_hours) if staff_hours else None)
        load_sample_data(*self._changes)  # a bad zone or week raises here, not on reset
        self.reset()

    # ------------------------------------------------------------------ lifecycle
    def reset(self) -> None:
        """Fresh sample data around the clock's *today* (deterministic for seed and day)."""
        data = load_sample_data(*self._changes)
        tz = ZoneInfo(data.business["time_zone"])
        today = self.clock.now().astimezone(tz).date()
        rng = random.Random(f"{self._seed}:{today.isoformat()}")
        instances = seeding.make_event_instances(data, today, tz)
        bookings = seeding.make_bookings(data, instances, rng, today, tz)
        if self.history:
            past = make_history(data, random.Random(f"{self._seed}:{today.isoformat()}:history"),
                                today - timedelta(days=seeding.DAYS_BACK), tz, self.history,
                                {b.id for b in bookings})
            bookings = past + bookings
        store = BookingStore(tz)
        store.load(bookings)
        with self._lock:
            self.data: SampleData = data
            self.tz = tz
            self._clients: dict[str, Record] = {c["id"]: c for c in data.clients}
            self._instances = instances
            self._store = store
            self._idempotency: dict[str, str] = {}
            self._waitlist: dict[str, list[Record]] = {}
            self._rng = random.Random(f"{self._seed}:runtime")
            self._lookups = Lookups(self._clients, {s["id"]: s for s in data.staff},
                                    {s["id"]: s for s in data.services}, data.business)

    # ------------------------------------------------------------------ reading
    @property
    def business_id(self) -> str:
        return str(self.data.business["id"])

    def today(self) -> date:
        """The business's day now, by the sandbox's clock."""
        return self.clock.now().astimezone(self.tz).date()

    def bookings(self) -> list[Record]:
        """Every booking in the create-booking shape (``status``), oldest start first."""
        with self._lock:
            return [public_booking(b) for b in self._store.by_start()]

    def booking(self, booking_id: str) -> Record | None:
        with self._lock:
            found = self._store.get(booking_id)
            return public_booking(found) if found else None

    def appointment(self, booking_id: str) -> Record | None:
        """One booking in the appointments list's shape (``state``, names, ``updated_at``)."""
        with self._lock:
            found = self._store.get(booking_id)
            return appointment_item(found, self._lookups) if found else None

    def appointments(self, *, client_id: str | None = None, keep: Keep | None = None,
                     order: str = "start_at", descending: bool = False, page: int = 1,
                     per_page: int = 25) -> tuple[list[Record], int | None]:
        """A page of the appointments list and the next page's number."""
        with self._lock:
            found, next_page = self._store.page(order=order, descending=descending, keep=keep,
                                                client_id=client_id, page=page,
                                                per_page=per_page)
            return [appointment_item(b, self._lookups) for b in found], next_page

    def count(self) -> int:
        with self._lock:
            return len(self._store)

    def sent_messages(self, booking_id: str) -> list[Record]:
        """What was sent to the client with changes of this booking, oldest first."""
        with self._lock:
            found = self._store.get(booking_id)
            return [dict(m) for m in (found.messages or [])] if found else []

    def client(self, client_id: str) -> Record | None:
        with self._lock:
            found = self._clients.get(client_id)
            return public_client(found) if found else None

    def clients(self) -> list[Record]:
        with self._lock:
            return [public_client(c) for c in self._clients.values()]

    def event_instance(self, instance_id: str, tz: ZoneInfo | None = None) -> Record | None:
        with self._lock:
            instance = self._instances.get(instance_id)
            return self._public_instance(instance, tz) if instance else None

    def event_instances(self, service_id: str | None, staff_ids: list[str] | None,
                        start: datetime, end: datetime) -> list[Record]:
        """Future instances starting in [start, end), with their open spots."""
        now = self.clock.now()
        with self._lock:
            chosen = [i for i in self._instances.values()
                      if start <= i["start"] < end and i["start"] > now
                      and (service_id is None or i["service_id"] == service_id)
                      and (not staff_ids or i["staff_id"] in staff_ids)]
            chosen.sort(key=lambda i: (i["start"], i["id"]))
            return [self._public_instance(i, None) for i in chosen]

    def registrations(self, instance_id: str) -> list[str]:
        """Ids of the registrations of an event instance that are still open."""
        with self._lock:
            return [b.id for b in self._store.of_instance(instance_id) if b.status in OPEN]

    def open_slots(self, service: Record, staff_ids: list[str] | None, first_day: date,
                   last_day: date, *, grid: bool = False, ignore_booking: str | None = None
                   ) -> list[tuple[str, datetime]]:
        """(staff_id, UTC start) of every open time on business days in range; with
        ``ignore_booking`` that booking's own time counts as free (a reschedule)."""
        now = self.clock.now()
        with self._lock:
            found: list[tuple[str, datetime]] = []
            for staff in self.data.staff:
                if not staff.get("active", True) or service["id"] not in staff.get("services", []):
                    continue
                if staff_ids and staff["id"] not in staff_ids:
                    continue
                busy = self._busy(staff["id"], first_day, last_day, ignore_booking)
                for start in availability.slot_starts(staff, service, first_day, last_day,
                                                      self.tz, busy, now, grid=grid):
                    found.append((staff["id"], start))
            found.sort(key=lambda item: (item[1], item[0]))
            return found

    # ------------------------------------------------------------------ writing
    def commit(self, plan: BookingPlan, idempotency_key: str | None = None
               ) -> tuple[Record, bool]:
        """Book ``plan``; returns (booking, created). A repeated idempotency key returns the
        first booking with ``created`` False. Raises ApiFailure when it cannot be booked."""
        with self._lock:
            if idempotency_key and idempotency_key in self._idempotency:
                first = self._store.get(self._idempotency[idempotency_key])
                assert first is not None
                return public_booking(first), False
            client_id = self._client_for(plan)
            if plan.kind == "event":
                booking = self._event_booking(plan, client_id)
            else:
                booking = self._appointment_booking(plan, client_id)
            if plan.new_client is not None and plan.new_client.get("id") == client_id:
                self._clients[client_id] = plan.new_client  # searchable from now on
            self._store.add(booking)
            if idempotency_key:
                self._idempotency[idempotency_key] = booking.id
            return public_booking(booking), True

    def take_slot(self, staff_id: str, start_time: str | datetime,
                  service_id: str | None = None) -> Record:
        """Book a slot for some other client (the "someone took it meanwhile" fault)."""
        start = datetime.fromisoformat(start_time) if isinstance(start_time, str) else start_time
        if start.tzinfo is None:
            raise ValueError("start_time must carry a UTC offset")
        with self._lock:
            staff = self._lookups.staff.get(staff_id)
            if staff is None:
                raise not_found("Staff")
            if service_id is None:
                service_id = next(sid for sid in staff["services"]
                                  if self._lookups.services.get(sid, {}).get("type")
                                  == "AppointmentService")
            other = self._rng.choice(list(self._clients.values()))
            plan = BookingPlan(kind="appointment", time_zone=str(self.tz.key),
                               service_id=service_id, staff_id=staff_id, start=start,
                               client_id=other["id"],
                               source_data=dict(source_data("client_portal")))
            booking, _ = self.commit(plan)
            return booking

    # ------------------------------------------------------------------ internals
    def _spots_taken(self, instance_id: str) -> int:
        return sum(1 for b in self._store.of_instance(instance_id) if b.status in HOLDING)

    def _public_instance(self, instance: Record, tz: ZoneInfo | None) -> Record:
        out = {key: value for key, value in instance.items() if key != "start"}
        out["start_time"] = iso(instance["start"], tz or ZoneInfo(instance["time_zone"]))
        out["spots_open"] = max(0, instance["spots_total"] - self._spots_taken(instance["id"]))
        return out

    def _busy(self, staff_id: str, first_day: date, last_day: date,
              ignore_booking: str | None = None) -> availability.BusyTimes:
        """What keeps ``staff_id`` busy on business days around ``first_day``..``last_day``."""
        nearby = self._store.on_days(first_day - timedelta(days=1), last_day + timedelta(days=1))
        busy = [(b.start, b.end) for b in nearby
                if b.staff_id == staff_id and b.type == "appointment" and b.status in HOLDING
                and b.id != ignore_booking]
        busy += [(i["start"], i["start"] + timedelta(minutes=i["duration"]))
                 for i in self._instances.values() if i["staff_id"] == staff_id]
        return availability.BusyTimes(busy)

    def _new_id(self, prefix: str) -> str:
        while True:
            candidate = f"{prefix}-{self._rng.getrandbits(40):010x}"
            if self._store.get(candidate) is None and candidate not in self._clients:
                return candidate

    def _client_for(self, plan: BookingPlan) -> str:
        if plan.client_id:
            if plan.client_id not in self._clients:
                raise not_found("Client")
            return plan.client_id
        assert plan.new_client is not None
        email = (plan.new_client.get("email") or "").lower()
        if email:
            for client in self._clients.values():
                if (client.get("email") or "").lower() == email:
                    return str(client["id"])  # vcita reuses the client with that e-mail
        plan.new_client["id"] = self._new_id("cl")
        return str(plan.new_client["id"])

    def _record(self, plan: BookingPlan, client_id: str, service: Record, start: datetime,
                duration: int) -> BookingRecord:
        now = self.clock.now().astimezone(UTC)
        return BookingRecord(
            id=self._new_id("bk"), business_id=self.business_id, client_id=client_id,
            service_id=service["id"], staff_id=plan.staff_id, start=start.astimezone(UTC),
            duration=duration, time_zone=plan.time_zone, title=service["name"], type=plan.kind,
            created_at=now.replace(microsecond=0), updated_at=now,
            source_data=dict(plan.source_data), meeting_details=plan.meeting_details,
            matter_uid=plan.matter_uid, notes=plan.notes)

    def _appointment_booking(self, plan: BookingPlan, client_id: str) -> BookingRecord:
        assert plan.service_id
        assert plan.staff_id
        assert plan.start
        service = self._lookups.services.get(plan.service_id)
        staff = self._lookups.staff.get(plan.staff_id)
        if service is None:
            raise not_found("Service")
        if staff is None:
            raise not_found("Staff")
        if service["type"] != "AppointmentService":
            raise ApiFailure(422, "INVALID_PARAMETER",
                             f"{service['name']} is a group event: book it with event_instance_id")
        duration = int(service["duration"])
        day = plan.start.astimezone(self.tz).date()
        offered = service["id"] in staff.get("services", [])
        if not offered or not availability.is_open(staff, plan.start, duration, self.tz,
                                                   self._busy(staff["id"], day, day),
                                                   self.clock.now()):
            raise unavailable()
        return self._record(plan, client_id, service, plan.start, duration)

    def _event_booking(self, plan: BookingPlan, client_id: str) -> BookingRecord:
        assert plan.event_instance_id
        instance = self._instances.get(plan.event_instance_id)
        if instance is None:
            raise not_found("Event instance")
        service = self._lookups.services.get(instance["service_id"]) or {}
        if instance["start"] <= self.clock.now():
            raise unavailable("This event has already started")
        registered = [b for b in self._store.of_instance(instance["id"]) if b.status in HOLDING]
        if any(b.client_id == client_id for b in registered):
            raise ApiFailure(422, "ALREADY_REGISTERED",
                             "The client is already registered for this event")
        if len(registered) >= instance["spots_total"]:
            raise ApiFailure(422, "EVENT_FULL", "This event is full")
        plan.staff_id = instance["staff_id"]
        booking = self._record(plan, client_id, service, instance["start"],
                               int(instance["duration"]))
        booking.event_instance_id = instance["id"]
        return booking
