"""Issue 11: one injectable clock. The sandbox takes every "now" from the clock it is given."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import jwt
import time_machine

from desktop.clock import ManualClock, StartedClock
from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import (
    APPOINTMENTS,
    BOOKINGS,
    BUSINESS_BOOKINGS,
    NEW_YORK,
    TUESDAY_MORNING,
    Pinned,
    appointment_body,
    first_slot,
    slots,
    today_of,
)

SANDBOX_SOURCE = Path(__file__).resolve().parents[2] / "desktop" / "sandbox"


def seeded_days(sandbox: SandboxServer) -> set[date]:
    return {datetime.fromisoformat(b["start_time"]).astimezone(NEW_YORK).date()
            for b in sandbox.state.bookings()}


def test_seeding_and_availability_follow_the_given_clock(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(TUESDAY_MORNING)
    assert isinstance(sandbox.clock, ManualClock)
    assert today_of(sandbox) == date(2027, 6, 15)
    days = seeded_days(sandbox)
    assert min(days) == date(2027, 6, 1)  # two weeks back
    assert max(days) >= date(2027, 7, 5)  # three weeks ahead
    found = slots(api, "sv-phone-consult", days=3, start=date(2027, 6, 14))
    assert found["2027-06-14"] == []  # yesterday
    moments = [datetime.fromisoformat(s["start_time"]) for day in found.values() for s in day]
    assert moments
    assert min(moments) > TUESDAY_MORNING


def test_created_and_updated_times_come_from_the_clock(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(TUESDAY_MORNING)
    clock = sandbox.clock
    assert isinstance(clock, ManualClock)
    booking = api.post(BOOKINGS, json=appointment_body(sandbox, first_slot(api))).json()[
        "data"]["booking"]
    assert datetime.fromisoformat(booking["created_at"]) == TUESDAY_MORNING
    item = api.get(f"{APPOINTMENTS}/{booking['id']}").json()["data"]["appointment"]
    assert datetime.fromisoformat(item["updated_at"]) == TUESDAY_MORNING

    clock.advance(timedelta(minutes=5))
    api.put(BUSINESS_BOOKINGS + "/cancel", json={"business_id": sandbox.business_id,
                                                 "booking_id": booking["id"]})
    item = api.get(f"{APPOINTMENTS}/{booking['id']}").json()["data"]["appointment"]
    assert datetime.fromisoformat(item["updated_at"]) == TUESDAY_MORNING + timedelta(minutes=5)


def test_tokens_expire_by_the_sandbox_clock(pinned: Callable[..., Pinned]) -> None:
    sandbox, _ = pinned(TUESDAY_MORNING)
    token = sandbox.staff_token(expires_in=60)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["iat"] == int(TUESDAY_MORNING.timestamp())
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(sandbox.url + "/platform/v1/services", headers=headers).status_code == 200
    assert isinstance(sandbox.clock, ManualClock)
    sandbox.clock.advance(61)
    assert httpx.get(sandbox.url + "/platform/v1/services", headers=headers).status_code == 401


def test_seeding_is_deterministic_for_seed_and_business_day(
        pinned: Callable[..., Pinned]) -> None:
    morning, _ = pinned(TUESDAY_MORNING.replace(hour=7))
    evening, _ = pinned(TUESDAY_MORNING.replace(hour=22, minute=59))
    assert morning.state.bookings() == evening.state.bookings()
    other_seed, _ = pinned(TUESDAY_MORNING, seed=99)
    assert other_seed.state.bookings() != morning.state.bookings()
    next_day, _ = pinned(TUESDAY_MORNING + timedelta(days=1))
    assert next_day.state.bookings() != morning.state.bookings()


def test_reset_reseeds_around_the_clocks_new_day(pinned: Callable[..., Pinned]) -> None:
    sandbox, _ = pinned(TUESDAY_MORNING)
    assert isinstance(sandbox.clock, ManualClock)
    sandbox.clock.advance(timedelta(days=10))
    assert min(seeded_days(sandbox)) == date(2027, 6, 1)  # nothing moved by itself
    sandbox.reset()
    assert min(seeded_days(sandbox)) == date(2027, 6, 11)


def test_clock_over_http_reads_and_jumps(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(TUESDAY_MORNING)
    read = httpx.get(sandbox.url + "/__sandbox/clock").json()["data"]
    assert datetime.fromisoformat(read["now"]) == TUESDAY_MORNING
    assert read["today"] == "2027-06-15"
    assert read["business_now"] == "2027-06-15T10:00:00-04:00"

    later = httpx.post(sandbox.url + "/__sandbox/clock",
                       json={"now": "2027-06-15T16:50-04:00"}).json()["data"]
    assert later["reseeded"] is False  # same business day: the calendar stays as it is
    assert later["business_now"] == "2027-06-15T16:50:00-04:00"

    booked = api.post(BOOKINGS, json=appointment_body(sandbox, first_slot(api))).json()
    jump = httpx.post(sandbox.url + "/__sandbox/clock",
                      json={"now": "2027-12-31T23:50-05:00"}).json()["data"]
    assert jump["reseeded"] is True  # another day: a lived-in calendar around it
    assert jump["today"] == "2027-12-31"
    assert sandbox.state.booking(booked["data"]["booking"]["id"]) is None
    assert min(seeded_days(sandbox)) == date(2027, 12, 17)

    kept = httpx.post(sandbox.url + "/__sandbox/clock",
                      json={"now": "2028-01-02T09:00-05:00", "reseed": False}).json()["data"]
    assert kept["reseeded"] is False
    assert min(seeded_days(sandbox)) == date(2027, 12, 17)
    bad = httpx.post(sandbox.url + "/__sandbox/clock", json={"now": "tomorrow-ish"})
    assert bad.status_code == 400
    assert "2027-03-14T01:30-05:00" in bad.json()["error"]


def test_a_system_clock_becomes_a_started_clock_when_moved() -> None:
    with SandboxServer() as sandbox:
        moved_day = sandbox.state.today() != date(2027, 3, 14)  # unless the machine is there
        assert sandbox.set_now(datetime(2027, 3, 14, 1, 30, tzinfo=NEW_YORK)) is moved_day
        assert isinstance(sandbox.clock, StartedClock)
        assert sandbox.state.today() == date(2027, 3, 14)
        assert abs(sandbox.clock.now() - datetime(2027, 3, 14, 6, 30, tzinfo=UTC)) \
            < timedelta(seconds=5)


def test_time_machine_moves_a_sandbox_on_the_system_clock() -> None:
    leap_morning = datetime(2028, 2, 29, 9, 0, tzinfo=NEW_YORK)
    with time_machine.travel(leap_morning, tick=False), SandboxServer() as sandbox:
        assert sandbox.state.today() == date(2028, 2, 29)
        headers = {"Authorization": f"Bearer {sandbox.staff_token()}"}
        with httpx.Client(base_url=sandbox.url, headers=headers) as api:
            found = slots(api, "sv-massage", days=3, start=date(2028, 2, 29))
        moments = [datetime.fromisoformat(s["start_time"]) for d in found.values() for s in d]
        assert moments
        assert min(moments) > leap_morning


def test_nothing_in_the_sandbox_reads_the_wall_clock_itself() -> None:
    calls = re.compile(r"datetime\.now\(|date\.today\(|time\.time\(|datetime\.utcnow\(")
    offenders = [f"{path.name}:{number}" for path in sorted(SANDBOX_SOURCE.glob("*.py"))
                 for number, line in enumerate(path.read_text().splitlines(), 1)
                 if calls.search(line)]
    assert offenders == []
