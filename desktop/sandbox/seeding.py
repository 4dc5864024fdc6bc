"""Make the calendar look lived-in: event instances and bookings relative to *today*.

Everything comes from one RNG seeded with the sandbox seed and today's date, so the same seed
on the same day gives the same calendar. For each group-event service the first upcoming
instance is nearly full (one spot left) and, for the first event service, the second upcoming
instance is full, so the UI always has both cases to show.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.sandbox.availability import WEEKDAYS, overlaps, working_intervals
from desktop.sandbox.sample_data import Record, SampleData

DAYS_BACK = 14
DAYS_AHEAD_BOOKINGS = 21
DAYS_AHEAD_EVENTS = 42
BOOKED_SHARE = 0.42
SOURCES = ("client_portal", "front_desk", "booking_widget", "api")


def make_event_instances(data: SampleData, today: date, tz: ZoneInfo) -> dict[str, Record]:
    instances: dict[str, Record] = {}
    for service in data.services:
        if service["type"] != "EventService":
            continue
        short = service["id"].removeprefix("sv-")
        for offset in range(-DAYS_BACK, DAYS_AHEAD_EVENTS + 1):
            day = today + timedelta(days=offset)
            for entry in service.get("schedule", []):
                if WEEKDAYS[day.weekday()] != entry["weekday"]:
                    continue
                start = datetime.combine(day, time.fromisoformat(entry["time"]), tz)
                instance_id = f"ei-{short}-{start:%Y%m%d-%H%M}"
                instances[instance_id] = {
                    "id": instance_id, "service_id": service["id"],
                    "staff_id": service.get("instructor_id"), "title": service["name"],
                    "start": start, "duration": int(service["duration"]),
                    "time_zone": str(tz.key), "spots_total": int(service.get("capacity", 10)),
                }
    return instances


def make_bookings(data: SampleData, instances: dict[str, Record], rng: random.Random,
                  now: datetime, tz: ZoneInfo) -> list[Record]:
    """Appointments and event registrations; ``new_id`` is drawn from ``rng``."""
    bookings: list[Record] = []
    clients = data.clients
    business_id = data.business["id"]
    today = now.astimezone(tz).date()

    def base(client: Record, service: Record, start: datetime, kind: str) -> Record:
        cancelled = rng.random() < 0.05
        return {
            "id": f"bk-{rng.getrandbits(40):010x}", "business_id": business_id,
            "client_id": client["id"], "service_id": service["id"], "staff_id": None,
            "event_instance_id": None, "start": start, "duration": int(service["duration"]),
            "time_zone": str(tz.key), "title": service["name"],
            "status": "cancelled" if cancelled else "scheduled", "type": kind,
            "created_at": start - timedelta(days=rng.randint(1, 20), minutes=rng.randint(0, 600)),
            "source_data": {"source_name": rng.choice(SOURCES), "source_url": None,
                            "campaign": None, "channel": None, "portal_id": None},
            "meeting_details": None, "matter_uid": None,
        }

    # Group events: fill each instance; make a nearly full one and a full one upcoming.
    upcoming_seen: dict[str, int] = {}
    first_event_service = next((s["id"] for s in data.services if s["type"] == "EventService"),
                               None)
    for instance in sorted(instances.values(), key=lambda item: item["start"]):
        total = instance["spots_total"]
        taken = rng.randint(total // 5, (total * 4) // 5)
        if instance["start"] > now:
            rank = upcoming_seen.get(instance["service_id"], 0)
            upcoming_seen[instance["service_id"]] = rank + 1
            if rank == 0:
                taken = total - 1
            elif rank == 1 and instance["service_id"] == first_event_service:
                taken = total
        service = data.service(instance["service_id"]) or {}
        for client in rng.sample(clients, taken):
            booking = base(client, service, instance["start"], "event")
            booking.update(staff_id=instance["staff_id"], event_instance_id=instance["id"],
                           status="scheduled")
            bookings.append(booking)

    # Appointments: walk each working interval, booking about BOOKED_SHARE of the time.
    for staff in data.staff:
        if not staff.get("active", True):
            continue
        offered = [s for s in (data.service(sid) for sid in staff.get("services", []))
                   if s is not None and s["type"] == "AppointmentService"]
        led = [(i["start"], i["start"] + timedelta(minutes=i["duration"]))
               for i in instances.values() if i["staff_id"] == staff["id"]]
        for offset in range(-DAYS_BACK, DAYS_AHEAD_BOOKINGS + 1):
            day = today + timedelta(days=offset)
            for begin, finish in working_intervals(staff, day, tz):
                cursor = begin
                while cursor < finish:
                    fitting = [s for s in offered
                               if cursor + timedelta(minutes=s["duration"]) <= finish]
                    if not fitting:
                        break
                    service = rng.choice(fitting)
                    end = cursor + timedelta(minutes=service["duration"])
                    if rng.random() < BOOKED_SHARE and not overlaps(cursor, end, led):
                        booking = base(rng.choice(clients), service, cursor, "appointment")
                        booking["staff_id"] = staff["id"]
                        if service.get("interaction_type") == "client_location":
                            booking["meeting_details"] = {
                                "meeting_interaction_details": "Client's home address on file"}
                        bookings.append(booking)
                        cursor = end
                    else:
                        cursor += timedelta(minutes=30)
    return bookings
