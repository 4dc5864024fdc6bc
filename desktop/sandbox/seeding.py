"""Make the calendar look lived-in: event instances and bookings around the business's *today*.

Deterministic for (seed, business day): everything comes from one RNG seeded with both, and
nothing depends on the time of day, so a reset at 09:00 and one at 17:00 give the same
calendar. Past days hold what a clinic's past holds (done visits, no-shows, cancellations);
today and the days ahead are scheduled (a few pending requests and cancellations), fuller near
today and emptier further out. Every time, created or changed, lies before today's start,
so a change made now is always the latest one.

Each group-event instance today and the first one after today are nearly full (one spot
left) and, for the first event service, the second one after today is full, so the UI always
has both cases whatever the hour.
All instants are UTC, computed through :func:`availability.wall_instant`, so a day when the
clocks change never gets a time that does not exist.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.sandbox.availability import WEEKDAYS, overlaps, wall_instant, working_intervals
from desktop.sandbox.records import BookingRecord, Record, source_data
from desktop.sandbox.sample_data import SampleData

DAYS_BACK = 14
DAYS_AHEAD_BOOKINGS = 21
DAYS_AHEAD_EVENTS = 42
STEP = timedelta(minutes=30)
SOURCES = ("client_portal", "front_desk", "booking_widget", "api")
NOTES = ("Prefers the window room", "Bring previous X-rays", "Uses a wheelchair: ground floor",
         "First visit: arrive 10 minutes early", "Allergic to lavender oil",
         "Asked for a reminder call the day before", "Insurance card to be checked",
         "Running late last time: call if not here by the hour", "Left knee, not right",
         "Interpreter needed (Portuguese)")


def fill_share(offset: int) -> float:
    """How much of a day's working time is booked, by days from today."""
    return 0.95 if offset <= 0 else max(0.25, 0.72 - 0.04 * offset)


def new_id(rng: random.Random, prefix: str, taken: set[str]) -> str:
    while True:
        candidate = f"{prefix}-{rng.getrandbits(40):010x}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate


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
                start = wall_instant(day, time.fromisoformat(entry["time"]), tz)
                instance_id = f"ei-{short}-{day:%Y%m%d}-{entry['time'].replace(':', '')}"
                instances[instance_id] = {
                    "id": instance_id, "service_id": service["id"],
                    "staff_id": service.get("instructor_id"), "title": service["name"],
                    "start": start, "duration": int(service["duration"]),
                    "time_zone": str(tz.key), "spots_total": int(service.get("capacity", 10)),
                }
    return instances


class _Seeder:
    def __init__(self, data: SampleData, rng: random.Random, today: date, tz: ZoneInfo) -> None:
        self.data, self.rng, self.today, self.tz = data, rng, today, tz
        self.midnight = wall_instant(today, time(0), tz)
        self.ids: set[str] = set()
        self.bookings: list[BookingRecord] = []
        #: Where each client already is: nobody is booked in two places at once.
        self.busy: dict[str, list[tuple[datetime, datetime]]] = {}

    def free_client(self, clients: list[Record], start: datetime, end: datetime
                    ) -> Record | None:
        """A client with nothing else at that time (a few draws; None if all were busy)."""
        for _ in range(8):
            client = clients[int(self.rng.random() * len(clients))]
            if not overlaps(start, end, self.busy.get(client["id"], ())):
                return client
        return None

    def book(self, client: Record, service: Record, staff_id: str | None, start: datetime,
             duration: int, kind: str, offset: int) -> BookingRecord:
        draw = self.rng.random  # cheaper than randint/choice: this runs on every reset
        created = min(start - timedelta(days=1 + int(draw() * 20)), self.midnight) \
            - timedelta(minutes=5 + int(draw() * 595))
        booking = BookingRecord(
            id=new_id(self.rng, "bk", self.ids), business_id=str(self.data.business["id"]),
            client_id=client["id"], service_id=service["id"], staff_id=staff_id, start=start,
            duration=duration, time_zone=str(self.tz.key), title=service["name"], type=kind,
            created_at=created, updated_at=created,
            source_data=source_data(SOURCES[int(draw() * len(SOURCES))]),
            notes=NOTES[int(draw() * len(NOTES))] if draw() < 0.15 else None)
        self._settle(booking, offset)
        self.bookings.append(booking)
        self.busy.setdefault(booking.client_id, []).append((start, booking.end))
        return booking

    def _settle(self, booking: BookingRecord, offset: int) -> None:
        """Its state, and when it last changed (always before today began)."""
        draw = self.rng.random
        roll = draw()
        if roll < 0.07:
            booking.status = "cancelled"
            latest = min(booking.start, self.midnight)
            booking.updated_at = booking.created_at + (latest - booking.created_at) * draw()
        elif offset < 0:
            booking.status = "done"
            booking.no_show = roll < 0.13
            booking.updated_at = min(booking.end + timedelta(minutes=1 + int(draw() * 90)),
                                     self.midnight - timedelta(minutes=1))
        elif booking.type == "appointment" and roll < 0.10:
            booking.status = "pending"  # a request from the client portal, to accept

    def vary_recent_days(self, days: int = 3) -> None:
        """Each of the last few days has at least one cancellation and one no-show, and the
        next few a pending request, so the desk always has each to show (chance alone leaves
        them out now and then)."""
        first = self.today - timedelta(days=days)
        recent: dict[date, list[BookingRecord]] = {}
        for booking in self.bookings:
            day = booking.start.astimezone(self.tz).date()
            if first <= day < self.today:
                recent.setdefault(day, []).append(booking)
        for mine in recent.values():
            done = [b for b in mine if b.type == "appointment" and b.status == "done"]
            if len(done) < 2:
                continue
            if not any(b.status == "cancelled" for b in mine):
                done[0].status, done[0].updated_at = "cancelled", done[0].created_at
            if not any(b.no_show for b in mine):
                done[-1].no_show = True
        # And a request to accept in the days ahead.
        ahead = [b for b in self.bookings if b.type == "appointment" and b.status == "scheduled"
                 and 0 < (b.start.astimezone(self.tz).date() - self.today).days <= days]
        if ahead and not any(b.status == "pending" for b in self.bookings
                             if 0 <= (b.start.astimezone(self.tz).date() - self.today).days
                             <= days):
            ahead[len(ahead) // 2].status = "pending"


def make_bookings(data: SampleData, instances: dict[str, Record], rng: random.Random,
                  today: date, tz: ZoneInfo) -> list[BookingRecord]:
    """Appointments and event registrations from DAYS_BACK before ``today`` to
    DAYS_AHEAD_BOOKINGS after it."""
    seeder = _Seeder(data, rng, today, tz)
    clients = data.clients

    # Group events: fill each instance; today's and the next nearly full, then one full.
    rank_after_today: dict[str, int] = {}
    first_event_service = next((s["id"] for s in data.services if s["type"] == "EventService"),
                               None)
    for instance in sorted(instances.values(), key=lambda item: item["start"]):
        total = instance["spots_total"]
        taken = rng.randint(total // 2, (total * 5) // 6)
        offset = (instance["start"].astimezone(tz).date() - today).days
        if offset == 0:
            taken = total - 1  # whatever the hour, the first one still to come has one spot
        elif offset > 0:
            rank = rank_after_today.get(instance["service_id"], 0)
            rank_after_today[instance["service_id"]] = rank + 1
            if rank == 0:
                taken = total - 1
            elif rank == 1 and instance["service_id"] == first_event_service:
                taken = total
        service = data.service(instance["service_id"]) or {}
        for client in rng.sample(clients, taken):
            booking = seeder.book(client, service, instance["staff_id"], instance["start"],
                                  instance["duration"], "event", offset)
            booking.event_instance_id = instance["id"]
            if booking.status == "cancelled" and offset >= 0:
                booking.status = "scheduled"  # keeps the full / nearly full counts exact

    # Appointments: walk each working interval, booking about fill_share of the time.
    for staff in data.staff:
        if not staff.get("active", True):
            continue
        offered = [(s, timedelta(minutes=int(s["duration"])))
                   for s in (data.service(sid) for sid in staff.get("services", []))
                   if s is not None and s["type"] == "AppointmentService"]
        led = [(i["start"], i["start"] + timedelta(minutes=i["duration"]))
               for i in instances.values() if i["staff_id"] == staff["id"]]
        for offset in range(-DAYS_BACK, DAYS_AHEAD_BOOKINGS + 1):
            day = today + timedelta(days=offset)
            share = fill_share(offset)
            for begin, finish in working_intervals(staff, day, tz):
                cursor = begin
                while cursor < finish:
                    room = finish - cursor
                    fitting = [pair for pair in offered if pair[1] <= room]
                    if not fitting:
                        break
                    service, length = fitting[int(rng.random() * len(fitting))]
                    end = cursor + length
                    visitor = seeder.free_client(clients, cursor, end) \
                        if rng.random() < share and not overlaps(cursor, end, led) else None
                    if visitor is not None:
                        booking = seeder.book(visitor, service, staff["id"],
                                              cursor, int(service["duration"]), "appointment",
                                              offset)
                        if service.get("interaction_type") == "client_location":
                            booking.meeting_details = {
                                "meeting_interaction_details": _address(rng)}
                        cursor = end
                    else:
                        cursor += STEP
    seeder.vary_recent_days()
    return seeder.bookings


def _address(rng: random.Random) -> str:
    streets = ("Beacon Street", "Tremont Street", "Harrison Avenue", "Summer Street",
               "Cambridge Street", "Commonwealth Avenue")
    return f"{rng.randint(3, 480)} {rng.choice(streets)}, Boston, MA"
