"""The sandbox's in-memory business: clients, event instances and bookings behind one lock.

Bookings are kept with an aware ``start`` datetime; :func:`public_booking` renders the API's
shape. Spots of an event instance are counted from its scheduled registrations, so booking
and cancelling can never disagree with availability.
"""

from __future__ import annotations

import copy
import random
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desktop.sandbox import availability, seeding
from desktop.sandbox.replies import ApiFailure, not_found
from desktop.sandbox.sample_data import Record, SampleData, load_sample_data


def iso(moment: datetime, tz: ZoneInfo | None = None) -> str:
    return (moment.astimezone(tz) if tz else moment).isoformat(timespec="seconds")


def public_booking(booking: Record) -> Record:
    tz = ZoneInfo(booking["time_zone"])
    out = {key: copy.deepcopy(value) for key, value in booking.items()
           if key not in ("start", "created_at")}
    out["start_time"] = iso(booking["start"], tz)
    out["created_at"] = iso(booking["created_at"].astimezone(UTC))
    return out


def public_client(client: Record) -> Record:
    return {key: client.get(key) for key in ("id", "first_name", "last_name", "email", "phone")}


@dataclass
class BookingPlan:
    """A create-booking request that passed the body checks (see validation.py)."""

    kind: str  # "appointment" | "event"
    time_zone: str
    service_id: str | None = None
    staff_id: str | None = None
    start: datetime | None = None
    event_instance_id: str | None = None
    client_id: str | None = None
    new_client: Record | None = None
    source_data: Record = field(default_factory=dict)
    meeting_details: Record | None = None
    matter_uid: str | None = None


class SandboxState:
    """Thread-safe: every public method takes the lock and returns copies."""

    def __init__(self, seed: int = 1234) -> None:
        self._lock = threading.RLock()
        self._seed = seed
        self.reset()

    # ------------------------------------------------------------------ lifecycle
    def reset(self, now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        data = load_sample_data()
        tz = ZoneInfo(data.business["time_zone"])
        today = now.astimezone(tz).date()
        rng = random.Random(f"{self._seed}:{today.isoformat()}")
        instances = seeding.make_event_instances(data, today, tz)
        bookings = seeding.make_bookings(data, instances, rng, now, tz)
        with self._lock:
            self.data: SampleData = data
            self.tz = tz
            self._clients: dict[str, Record] = {c["id"]: c for c in data.clients}
            self._instances = instances
            self._bookings: dict[str, Record] = {b["id"]: b for b in bookings}
            self._idempotency: dict[str, str] = {}
            self._rng = random.Random(f"{self._seed}:runtime")

    # ------------------------------------------------------------------ reading
    @property
    def business_id(self) -> str:
        return str(self.data.business["id"])

    def bookings(self) -> list[Record]:
        """Every booking (scheduled and cancelled), in the API's shape, oldest first."""
        with self._lock:
            ordered = sorted(self._bookings.values(), key=lambda b: (b["start"], b["id"]))
            return [public_booking(b) for b in ordered]

    def booking(self, booking_id: str) -> Record | None:
        with self._lock:
            found = self._bookings.get(booking_id)
            return public_booking(found) if found else None

    def client(self, client_id: str) -> Record | None:
        with self._lock:
            found = self._clients.get(client_id)
            return public_client(found) if found else None

    def clients(self) -> list[Record]:
        with self._lock:
            return [public_client(c) for c in self._clients.values()]

    def appointments(self, client_id: str | None, when: str | None) -> list[Record]:
        now = datetime.now(UTC)
        with self._lock:
            chosen = []
            for booking in self._bookings.values():
                if client_id and booking["client_id"] != client_id:
                    continue
                cancelled = booking["status"] == "cancelled"
                if when == "cancelled" and not cancelled:
                    continue
                if when == "upcoming" and (cancelled or booking["start"] < now):
                    continue
                if when == "past" and (cancelled or booking["start"] >= now):
                    continue
                chosen.append(booking)
            chosen.sort(key=lambda b: (b["start"], b["id"]))
            return [public_booking(b) for b in chosen]

    def event_instance(self, instance_id: str, tz: ZoneInfo | None = None) -> Record | None:
        with self._lock:
            instance = self._instances.get(instance_id)
            return self._public_instance(instance, tz) if instance else None

    def event_instances(self, service_id: str | None, staff_ids: list[str] | None,
                        start: datetime, end: datetime) -> list[Record]:
        """Future instances starting in [start, end), with their open spots."""
        now = datetime.now(UTC)
        with self._lock:
            chosen = [i for i in self._instances.values()
                      if start <= i["start"] < end and i["start"] > now
                      and (service_id is None or i["service_id"] == service_id)
                      and (not staff_ids or i["staff_id"] in staff_ids)]
            chosen.sort(key=lambda i: (i["start"], i["id"]))
            return [self._public_instance(i, None) for i in chosen]

    def open_slots(self, service: Record, staff_ids: list[str] | None, first_day: date,
                   last_day: date) -> list[tuple[str, datetime]]:
        """(staff_id, start) of every open slot on business-zone days in range."""
        now = datetime.now(UTC)
        with self._lock:
            found: list[tuple[str, datetime]] = []
            for staff in self.data.staff:
                if not staff.get("active", True) or service["id"] not in staff.get("services", []):
                    continue
                if staff_ids and staff["id"] not in staff_ids:
                    continue
                busy = self._busy(staff["id"])
                for start in availability.slot_starts(staff, service, first_day, last_day,
                                                      self.tz, busy, now):
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
                return public_booking(self._bookings[self._idempotency[idempotency_key]]), False
            client_id = self._client_for(plan)
            if plan.kind == "event":
                booking = self._event_booking(plan, client_id)
            else:
                booking = self._appointment_booking(plan, client_id)
            if plan.new_client is not None and plan.new_client.get("id") == client_id:
                self._clients[client_id] = plan.new_client
            self._bookings[booking["id"]] = booking
            if idempotency_key:
                self._idempotency[idempotency_key] = booking["id"]
            return public_booking(booking), True

    def cancel(self, booking_id: str) -> Record:
        with self._lock:
            booking = self._bookings.get(booking_id)
            if booking is None:
                raise not_found("Booking")
            booking["status"] = "cancelled"
            return public_booking(booking)

    def take_slot(self, staff_id: str, start_time: str | datetime,
                  service_id: str | None = None) -> Record:
        """Book a slot for some other client (the "someone took it meanwhile" fault)."""
        start = datetime.fromisoformat(start_time) if isinstance(start_time, str) else start_time
        if start.tzinfo is None:
            raise ValueError("start_time must carry a UTC offset")
        with self._lock:
            staff = self.data.staff_member(staff_id)
            if staff is None:
                raise not_found("Staff")
            if service_id is None:
                service_id = next(sid for sid in staff["services"]
                                  if (self.data.service(sid) or {}).get("type")
                                  == "AppointmentService")
            other = self._rng.choice(list(self._clients.values()))
            plan = BookingPlan(kind="appointment", time_zone=str(self.tz.key),
                               service_id=service_id, staff_id=staff_id, start=start,
                               client_id=other["id"],
                               source_data={"source_name": "client_portal", "source_url": None,
                                            "campaign": None, "channel": None,
                                            "portal_id": None})
            booking, _ = self.commit(plan)
            return booking

    # ------------------------------------------------------------------ internals
    def _public_instance(self, instance: Record, tz: ZoneInfo | None) -> Record:
        taken = sum(1 for b in self._bookings.values()
                    if b["event_instance_id"] == instance["id"] and b["status"] == "scheduled")
        out = {key: value for key, value in instance.items() if key != "start"}
        out["start_time"] = iso(instance["start"], tz or ZoneInfo(instance["time_zone"]))
        out["spots_open"] = max(0, instance["spots_total"] - taken)
        return out

    def _busy(self, staff_id: str) -> list[availability.Interval]:
        busy = [(b["start"], b["start"] + timedelta(minutes=b["duration"]))
                for b in self._bookings.values()
                if b["staff_id"] == staff_id and b["status"] == "scheduled"
                and b["type"] == "appointment"]
        busy += [(i["start"], i["start"] + timedelta(minutes=i["duration"]))
                 for i in self._instances.values() if i["staff_id"] == staff_id]
        return busy

    def _new_id(self, prefix: str, taken: dict[str, Any]) -> str:
        while True:
            candidate = f"{prefix}-{self._rng.getrandbits(40):010x}"
            if candidate not in taken:
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
        plan.new_client["id"] = self._new_id("cl", self._clients)
        return str(plan.new_client["id"])

    def _skeleton(self, plan: BookingPlan, client_id: str, service: Record) -> Record:
        return {
            "id": self._new_id("bk", self._bookings), "business_id": self.business_id,
            "client_id": client_id, "service_id": service["id"], "staff_id": plan.staff_id,
            "event_instance_id": None, "start": plan.start, "duration": int(service["duration"]),
            "time_zone": plan.time_zone, "title": service["name"], "status": "scheduled",
            "type": plan.kind, "created_at": datetime.now(UTC).replace(microsecond=0),
            "source_data": dict(plan.source_data), "meeting_details": plan.meeting_details,
            "matter_uid": plan.matter_uid,
        }

    def _appointment_booking(self, plan: BookingPlan, client_id: str) -> Record:
        assert plan.service_id
        assert plan.staff_id
        assert plan.start
        service = self.data.service(plan.service_id)
        staff = self.data.staff_member(plan.staff_id)
        if service is None:
            raise not_found("Service")
        if staff is None:
            raise not_found("Staff")
        if service["type"] != "AppointmentService":
            raise ApiFailure(422, "INVALID_PARAMETER",
                             f"{service['name']} is a group event: book it with event_instance_id")
        offered = service["id"] in staff.get("services", [])
        if not offered or not availability.is_open(staff, service, plan.start, self.tz,
                                                   self._busy(staff["id"]), datetime.now(UTC)):
            raise ApiFailure(422, "TIMESLOT_UNAVAILABLE",
                             "The requested time slot is not available")
        return self._skeleton(plan, client_id, service)

    def _event_booking(self, plan: BookingPlan, client_id: str) -> Record:
        assert plan.event_instance_id
        instance = self._instances.get(plan.event_instance_id)
        if instance is None:
            raise not_found("Event instance")
        service = self.data.service(instance["service_id"]) or {}
        if instance["start"] <= datetime.now(UTC):
            raise ApiFailure(422, "TIMESLOT_UNAVAILABLE", "This event has already started")
        registered = [b for b in self._bookings.values()
                      if b["event_instance_id"] == instance["id"] and b["status"] == "scheduled"]
        if any(b["client_id"] == client_id for b in registered):
            raise ApiFailure(422, "ALREADY_REGISTERED",
                             "The client is already registered for this event")
        if len(registered) >= instance["spots_total"]:
            raise ApiFailure(422, "EVENT_FULL", "This event is full")
        plan.staff_id = instance["staff_id"]
        plan.start = instance["start"]
        booking = self._skeleton(plan, client_id, service)
        booking["event_instance_id"] = instance["id"]
        booking["duration"] = instance["duration"]
        return booking
