"""Real, bookable requests for the sandbox: open slots fetched over HTTP, sample clients.

Shared by the drafts tests, the drills and the drafts benchmark.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

from desktop.api.client import BookingClient
from desktop.api.models import BookingRequest, Client, Slot
from desktop.booking.saved_booking import SavedBooking
from desktop.sandbox.server import SandboxServer
from tests.helpers.sample import SAMPLE_STAFF

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_data"
#: 15-minute slots of one service never overlap each other: every one can really be booked.
SERVICE_ID = "sv-phone-consult"
WINDOW_DAYS = 62


def sample_clients() -> list[dict[str, Any]]:
    clients: list[dict[str, Any]] = json.loads((SAMPLE / "clients.json").read_text())
    return clients


def open_slots(client: BookingClient, sandbox: SandboxServer, count: int,
               service_id: str = SERVICE_ID) -> list[Slot]:
    """At least ``count`` open slots from the sandbox's tomorrow on (so none slips into the
    past, whatever day the computer thinks it is)."""
    business_id = sandbox.business_id
    slots: list[Slot] = []
    first = sandbox.clock.now().astimezone(UTC).date() + timedelta(days=1)
    for _ in range(8):
        days = client.get_availability(
            business_id=business_id, service_id=service_id, start_date=first,
            end_date=first + timedelta(days=WINDOW_DAYS - 1), time_zone="UTC",
            staff_ids=SAMPLE_STAFF)
        for day in sorted(days):
            slots.extend(s for s in days[day] if not s.is_full)
        if len(slots) >= count:
            return slots[:count]
        first += timedelta(days=WINDOW_DAYS)
    raise AssertionError(f"the sandbox offers only {len(slots)} open slots")


def request_for(business_id: str, slot: Slot, client: dict[str, Any],
                service_id: str = SERVICE_ID) -> tuple[BookingRequest, SavedBooking]:
    request = BookingRequest(business_id=business_id, service_id=service_id,
                             staff_id=slot.staff_id, start_time=slot.start_time,
                             time_zone="UTC", client_id=client["id"])
    form = SavedBooking(
        service_id=service_id, staff_id=slot.staff_id, time_zone="UTC", slot=slot,
        client=Client.model_validate(client),
        client_name=f"{client['first_name']} {client['last_name']}",
        service_name="Phone consultation", staff_name=slot.staff_id or "",
        local_time=f"{slot.start_time:%Y-%m-%d %H:%M}")
    return request, form


def planned_requests(client: BookingClient, sandbox: SandboxServer,
                     count: int) -> list[tuple[BookingRequest, SavedBooking]]:
    clients = sample_clients()
    return [request_for(sandbox.business_id, slot, clients[n % len(clients)])
            for n, slot in enumerate(open_slots(client, sandbox, count))]


def duplicates(bookings: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
    """Bookings of the same client at the same time (or the same event): must be empty."""
    seen = Counter(
        (str(b.get("client_id")), str(b.get("event_instance_id") or b.get("start_time")))
        for b in bookings if b.get("status") != "cancelled")
    return {key: n for key, n in seen.items() if n > 1}
