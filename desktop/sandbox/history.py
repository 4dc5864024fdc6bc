"""A big past: ``SandboxServer(history=N)`` adds N appointments before the seeded weeks.

A clinic with ten years of appointments must not make the desk page through all of them
(issue 16): this is the history that proves it. The walk goes back one business day at a time
from the day before the seeded weeks, filling each staff member's working hours (as the sample
data has them today) about 85 % full, until N appointments exist: 1,000 cover about six
weeks, 100,000 about a dozen years. Most are done; some are no-shows or cancelled.

Speed matters (tests start such sandboxes): the per-day working intervals are computed once
per (staff, day) and every appointment is a few RNG draws and one slotted record.
Deterministic for (seed, business day) like the rest of the seeding.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.sandbox.availability import working_intervals
from desktop.sandbox.records import BookingRecord, source_data
from desktop.sandbox.sample_data import SampleData
from desktop.sandbox.seeding import NOTES, SOURCES

FILL = 0.85
STEP = timedelta(minutes=30)


def make_history(data: SampleData, rng: random.Random, before: date, tz: ZoneInfo, count: int,
                 taken_ids: set[str]) -> list[BookingRecord]:
    """``count`` past appointments on the days before ``before`` (newest first)."""
    business_id = str(data.business["id"])
    zone = str(tz.key)
    clients = [c["id"] for c in data.clients]
    sources = [source_data(name) for name in SOURCES]
    plans = []
    for staff in data.staff:
        if not staff.get("active", True):
            continue
        offered = [(s["id"], int(s["duration"]), s["name"], timedelta(minutes=int(s["duration"])))
                   for s in (data.service(sid) for sid in staff.get("services", []))
                   if s is not None and s["type"] == "AppointmentService"]
        if offered and staff.get("working_hours"):
            plans.append((staff, offered))
    if not plans:
        return []

    found: list[BookingRecord] = []
    draw = rng.random  # one cheap draw per decision: 100,000 visits must seed in a second
    day = before
    while len(found) < count:
        day -= timedelta(days=1)
        for staff, offered in plans:
            for begin, finish in working_intervals(staff, day, tz):
                cursor = begin
                while cursor < finish and len(found) < count:
                    service_id, minutes, title, length = offered[int(draw() * len(offered))]
                    end = cursor + length
                    if end > finish:
                        break
                    if draw() >= FILL:
                        cursor += STEP
                        continue
                    booking = _visit(rng, taken_ids, business_id, zone, service_id,
                                     staff["id"], cursor, minutes, title)
                    booking.client_id = clients[int(draw() * len(clients))]
                    booking.source_data = sources[int(draw() * len(sources))]
                    booking.day = day
                    found.append(booking)
                    cursor = end
    return found


def _visit(rng: random.Random, taken_ids: set[str], business_id: str, zone: str,
           service_id: str, staff_id: str, start: datetime, minutes: int,
           title: str) -> BookingRecord:
    while True:
        booking_id = f"bk-{rng.getrandbits(40):010x}"
        if booking_id not in taken_ids:
            taken_ids.add(booking_id)
            break
    draw = rng.random
    created = start - timedelta(minutes=int(1440 + draw() * 57_000))  # 1 to 40 days before
    roll = draw()
    booking = BookingRecord(
        id=booking_id, business_id=business_id, client_id="", service_id=service_id,
        staff_id=staff_id, start=start, duration=minutes, time_zone=zone, title=title,
        type="appointment", created_at=created, updated_at=created,
        notes=NOTES[int(draw() * len(NOTES))] if roll < 0.05 else None)
    if roll < 0.07:
        booking.status = "cancelled"
        booking.updated_at = created + (start - created) * draw()
    else:
        booking.status = "done"
        booking.no_show = roll < 0.12
        booking.updated_at = start + timedelta(minutes=minutes + 1 + int(draw() * 90))
    return booking
