"""Fixtures for the sandbox's own tests: an httpx client holding a valid staff token, and
sandboxes pinned at a chosen moment (a ``ManualClock``) for what depends on the calendar."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from desktop.clock import ManualClock, today_in
from desktop.sandbox.server import SandboxServer

BOOKINGS = "/platform/v1/scheduling/bookings"
AVAILABILITY = "/platform/v1/staff/availability"
APPOINTMENTS = "/platform/v1/scheduling/appointments"
BUSINESS_BOOKINGS = "/business/scheduling/v1/bookings"
NEW_YORK = ZoneInfo("America/New_York")
#: A Tuesday in June 2027, mid-morning: every staff member but one works (tests that need
#: "a normal day" pin it, instead of depending on the day the suite runs).
TUESDAY_MORNING = datetime(2027, 6, 15, 10, 0, tzinfo=NEW_YORK)

Pinned = tuple[SandboxServer, httpx.Client]


@pytest.fixture
def pinned() -> Iterator[Callable[..., Pinned]]:
    """``pinned(moment, **options)``: a started sandbox whose clock is a ManualClock at
    ``moment``, and a client with a token of it. Stopped after the test."""
    with ExitStack() as stack:
        def start(moment: datetime = TUESDAY_MORNING, **options: Any) -> Pinned:
            server = stack.enter_context(SandboxServer(clock=ManualClock(moment), **options))
            client = stack.enter_context(httpx.Client(
                base_url=server.url, timeout=10,
                headers={"Authorization": f"Bearer {server.staff_token(expires_in=86400)}"}))
            return server, client
        yield start


def today_of(sandbox: SandboxServer) -> date:
    return today_in(sandbox.clock, NEW_YORK)


@pytest.fixture
def api(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {sandbox.staff_token()}"}
    with httpx.Client(base_url=sandbox.url, headers=headers, timeout=5) as client:
        yield client


def business_today(api: httpx.Client) -> date:
    """The business day by the clock of the sandbox ``api`` talks to."""
    return date.fromisoformat(api.get("/__sandbox/clock").json()["data"]["today"])


def slots(api: httpx.Client, service_id: str, days: int = 14, *, start: date | None = None,
          **params: Any) -> dict[str, list[dict[str, Any]]]:
    first = start or business_today(api)
    answer = api.get(AVAILABILITY, params={
        "start_date": first.isoformat(), "end_date": (first + timedelta(days=days - 1)).isoformat(),
        "service_id": service_id, **params})
    assert answer.status_code == 200, answer.text
    found: dict[str, list[dict[str, Any]]] = answer.json()["data"]["availabilities"]
    return found


def all_slots(api: httpx.Client, service_id: str, days: int = 14,
              **params: Any) -> list[dict[str, Any]]:
    return [slot for day in slots(api, service_id, days, **params).values() for slot in day]


def first_slot(api: httpx.Client, service_id: str = "sv-massage") -> dict[str, Any]:
    found = all_slots(api, service_id)
    assert found, f"no open slot for {service_id} in two weeks"
    return found[0]


def new_client_form(email: str = "ann.new@example.com", first: str = "Ann",
                    first_type: str = "firstname", **extra: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "fields": [{"field_id": "q_email", "type": "email", "new_data": email},
                   {"field_id": "q_first", "type": first_type, "new_data": first},
                   {"field_id": "q_last", "type": "lastname", "new_data": "Example"}],
        "service_fields": [], "others": {"notes": None}, "policies": {"p_cancel": True}}
    form.update(extra)
    return form


def appointment_body(sandbox: SandboxServer, slot: dict[str, Any], **overrides: Any
                     ) -> dict[str, Any]:
    body: dict[str, Any] = {
        "business_id": sandbox.business_id, "service_id": slot["service_id"],
        "staff_id": slot["staff_id"], "start_time": slot["start_time"],
        "time_zone": "America/New_York", "form_data": new_client_form(),
        "source_name": "front_desk"}
    body.update(overrides)
    return body


def event_slots(api: httpx.Client, days: int = 21) -> list[dict[str, Any]]:
    return all_slots(api, "sv-yoga", days, type="event")
