"""One booking as the sandbox keeps it, and the API's shapes it is rendered in.

A :class:`BookingRecord` holds aware UTC datetimes; rendering puts times in the booking's own
zone (``start_time``, ``end_time``) or in UTC (``created_at``, ``updated_at``). Records use
``__slots__`` because a big history holds 100,000 of them.

Two shapes (../shared/API.md):

* :func:`public_booking` - ``data.booking`` of create / cancel (``status``, ``type``,
  ``source_data``...), also what ``sandbox.state.bookings()`` lists;
* :func:`appointment_item` - an item of ``GET /platform/v1/scheduling/appointments`` and
  ``data.appointment``: ``state``, ``no_show``, client and staff names, ``notes``,
  ``interaction_type``/``interaction_details``, ``end_time``, ``updated_at`` (field list
  from API.md, "The day at the desk", and the example in the vendor's
  ``swagger/scheduling/legacy/legacy_v1_scheduling.json``). It also carries ``status`` (the
  same value as ``state``) and the booking fields, so older readers keep working.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

Record = dict[str, Any]

#: States of the appointments list's ``state`` filter (API.md) plus ``pending`` (a request
#: waiting to be accepted).
STATES = ("rejected", "scheduled", "done", "cancelled", "pending_reschedule", "reschedule",
          "pending")
#: States in which an appointment still holds its time.
HOLDING = frozenset({"scheduled", "pending", "pending_reschedule", "reschedule", "done"})
#: States from which a booking can still be cancelled, completed or moved.
OPEN = frozenset({"scheduled", "pending", "pending_reschedule", "reschedule"})


@dataclass(slots=True, eq=False)
class BookingRecord:
    id: str
    business_id: str
    client_id: str
    service_id: str
    staff_id: str | None
    start: datetime  # aware, UTC
    duration: int
    time_zone: str
    title: str
    type: str  # "appointment" | "event"
    created_at: datetime  # aware, UTC
    updated_at: datetime  # aware, UTC; moved by the store on every change
    status: str = "scheduled"
    no_show: bool = False
    event_instance_id: str | None = None
    notes: str | None = None
    #: Shared between records (never mutated); rendering copies it.
    source_data: Record | None = None
    meeting_details: Record | None = None
    matter_uid: str | None = None
    #: What was sent to the client with a change: {"action", "message", "notify", "at"}.
    messages: list[Record] | None = None
    #: Kept by the store: the insertion number, and the business day the booking starts on.
    seq: int = field(default=-1)
    day: date | None = None

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration)


@cache
def source_data(name: str | None) -> Record:
    """The ``source_data`` of a booking made through ``name`` (shared, read-only)."""
    return {"source_name": name, "source_url": None, "campaign": None, "channel": None,
            "portal_id": None}


def iso(moment: datetime, tz: ZoneInfo | None = None) -> str:
    return (moment.astimezone(tz) if tz else moment).isoformat(timespec="seconds")


def iso_ms(moment: datetime) -> str:
    """A UTC moment with milliseconds, as the platform writes ``updated_at``."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def public_booking(booking: BookingRecord) -> Record:
    return {
        "id": booking.id, "business_id": booking.business_id, "client_id": booking.client_id,
        "service_id": booking.service_id, "staff_id": booking.staff_id,
        "event_instance_id": booking.event_instance_id,
        "start_time": iso(booking.start, ZoneInfo(booking.time_zone)),
        "duration": booking.duration, "time_zone": booking.time_zone, "title": booking.title,
        "status": booking.status, "type": booking.type,
        "created_at": iso(booking.created_at.astimezone(UTC)),
        "source_data": _copy(booking.source_data),
        "meeting_details": _copy(booking.meeting_details),
        "matter_uid": booking.matter_uid,
    }


def _copy(value: Record | None) -> Record | None:
    """A copy the caller may change: flat dicts (the usual case) cheaply, others deeply."""
    if value is None:
        return None
    if all(v is None or isinstance(v, str | int | float | bool) for v in value.values()):
        return dict(value)
    return copy.deepcopy(value)


def public_client(client: Record) -> Record:
    return {key: client.get(key) for key in ("id", "first_name", "last_name", "email", "phone")}


@dataclass(frozen=True)
class Lookups:
    """What rendering an appointment needs besides the record (live dicts, not copies)."""

    clients: dict[str, Record]
    staff: dict[str, Record]
    services: dict[str, Record]
    business: Record


def interaction_details(booking: BookingRecord, lookups: Lookups) -> str | None:
    """Where the meeting happens, as the platform shows it for the service's kind."""
    given = (booking.meeting_details or {}).get("meeting_interaction_details")
    if isinstance(given, str) and given.strip():
        return given
    kind = (lookups.services.get(booking.service_id) or {}).get("interaction_type")
    if kind == "business_location":
        return str(lookups.business.get("address") or "") or None
    if kind == "phone_call":
        return (lookups.clients.get(booking.client_id) or {}).get("phone")
    if kind == "video":
        return f"https://meet.harborwellness.example/{booking.id}"
    return None


def appointment_item(booking: BookingRecord, lookups: Lookups) -> Record:
    tz = ZoneInfo(booking.time_zone)
    client = lookups.clients.get(booking.client_id) or {}
    staff = lookups.staff.get(booking.staff_id or "") or {}
    service = lookups.services.get(booking.service_id) or {}
    return {
        "id": booking.id, "start_time": iso(booking.start, tz), "end_time": iso(booking.end, tz),
        "duration": booking.duration, "time_zone": booking.time_zone,
        "client_id": booking.client_id, "client_first_name": client.get("first_name"),
        "client_last_name": client.get("last_name"), "service_id": booking.service_id,
        "title": booking.title, "staff_id": booking.staff_id,
        "staff_display_name": staff.get("display_name"), "state": booking.status,
        "status": booking.status, "no_show": booking.no_show, "notes": booking.notes,
        "interaction_type": service.get("interaction_type"),
        "interaction_details": interaction_details(booking, lookups),
        "event_instance_id": booking.event_instance_id, "type": booking.type,
        "business_id": booking.business_id, "created_at": iso_ms(booking.created_at),
        "updated_at": iso_ms(booking.updated_at),
    }
