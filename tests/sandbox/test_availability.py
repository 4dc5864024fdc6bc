"""Open slots: working hours minus bookings, only the future, in the requested time zone."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from desktop.resources_path import resource_path
from desktop.sandbox.availability import WEEKDAYS
from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import (
    AVAILABILITY,
    BOOKINGS,
    NEW_YORK,
    all_slots,
    appointment_body,
    business_today,
    event_slots,
    first_slot,
    slots,
)

STAFF = {s["id"]: s for s in json.loads(resource_path("sample_data", "staff.json").read_text())}


def test_slot_shape_and_days(api: httpx.Client) -> None:
    days = slots(api, "sv-initial-consult", days=7)
    assert len(days) == 7  # every day of the range, empty or not
    slot = next(s for day in days.values() for s in day)
    assert slot.keys() == {"staff_id", "start_time", "duration_minutes", "spots_total",
                           "spots_open", "event_instance_id", "service_id"}
    assert slot["duration_minutes"] == 60
    assert slot["spots_open"] == slot["spots_total"] == 1
    assert slot["event_instance_id"] is None
    assert slot["service_id"] == "sv-initial-consult"


def test_working_hours_and_services_are_respected(api: httpx.Client) -> None:
    found = all_slots(api, "sv-initial-consult", days=21)
    assert found
    for slot in found:
        staff = STAFF[slot["staff_id"]]
        assert "sv-initial-consult" in staff["services"]
        start = datetime.fromisoformat(slot["start_time"]).astimezone(NEW_YORK)
        end = start + timedelta(minutes=slot["duration_minutes"])
        hours = staff["working_hours"].get(WEEKDAYS[start.weekday()], [])
        assert any(time.fromisoformat(a) <= start.time() and end.time() <= time.fromisoformat(b)
                   for a, b in hours), slot
        assert start.minute % 30 == 0
    # Breaks are the gaps between a day's working intervals (Dr. Chen's lunch exists
    # Monday to Thursday only; on Fridays she works 09:00-13:00 straight): no visit may
    # overlap any break, whatever weekday the suite runs on.
    for slot in found:
        staff = STAFF[slot["staff_id"]]
        start = datetime.fromisoformat(slot["start_time"]).astimezone(NEW_YORK)
        end = start + timedelta(minutes=slot["duration_minutes"])
        hours = staff["working_hours"].get(WEEKDAYS[start.weekday()], [])
        for (_, break_start), (break_end, _) in itertools.pairwise(hours):
            gap = (time.fromisoformat(break_start), time.fromisoformat(break_end))
            assert not (start.time() < gap[1] and gap[0] < end.time()), (slot, gap)


def test_lunch_break_is_monday_to_thursday_only() -> None:
    """The sample data's rule that the assertion above relies on, stated once."""
    chen = STAFF["st-chen"]["working_hours"]
    assert all(len(chen[day]) == 2 for day in ("mon", "tue", "wed", "thu"))
    assert chen["fri"] == [["09:00", "13:00"]]


def test_inactive_and_filtered_staff(api: httpx.Client) -> None:
    assert {s["staff_id"] for s in all_slots(api, "sv-physio")} == {"st-okafor"}  # not on leave
    only = all_slots(api, "sv-phone-consult", **{"staff_ids_array[]": "st-nair"})
    assert only
    assert {s["staff_id"] for s in only} == {"st-nair"}
    both = {s["staff_id"] for s in all_slots(api, "sv-phone-consult")}
    assert both == {"st-chen", "st-nair"}


def test_only_future_slots(sandbox: SandboxServer, api: httpx.Client) -> None:
    now = sandbox.clock.now()
    yesterday = business_today(api) - timedelta(days=1)
    days = slots(api, "sv-phone-consult", days=3, start=yesterday)
    assert days[yesterday.isoformat()] == []
    for day in days.values():
        assert all(datetime.fromisoformat(s["start_time"]) > now for s in day)


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "UTC"])
def test_time_zone_of_the_answer(api: httpx.Client, zone: str) -> None:
    tz = ZoneInfo(zone)
    start = business_today(api) + timedelta(days=2)
    home = slots(api, "sv-massage", days=5, start=start)
    there = slots(api, "sv-massage", days=5, start=start, time_zone=zone)
    for day, found in there.items():
        for slot in found:
            moment = datetime.fromisoformat(slot["start_time"])
            assert moment.utcoffset() == moment.astimezone(tz).utcoffset()
            assert moment.astimezone(tz).date().isoformat() == day
    for found in home.values():
        for slot in found:
            moment = datetime.fromisoformat(slot["start_time"])
            assert moment.utcoffset() == moment.astimezone(NEW_YORK).utcoffset()
    # The same instants, cut into days differently: only the window edges may differ.
    home_instants = {datetime.fromisoformat(s["start_time"]) for d in home.values() for s in d}
    there_instants = {datetime.fromisoformat(s["start_time"]) for d in there.values() for s in d}
    middle = [i for i in home_instants
              if start + timedelta(days=1) <= i.astimezone(NEW_YORK).date()
              <= start + timedelta(days=3)]
    assert middle
    assert set(middle) <= there_instants


def test_booked_slot_disappears_and_cancel_frees_it(sandbox: SandboxServer,
                                                   api: httpx.Client) -> None:
    slot = first_slot(api, "sv-massage")
    created = api.post(BOOKINGS, json=appointment_body(sandbox, slot))
    assert created.status_code == 201
    starts = {(s["staff_id"], s["start_time"]) for s in all_slots(api, "sv-massage")}
    assert (slot["staff_id"], slot["start_time"]) not in starts
    # Overlapping starts of the same staff member are gone too.
    booked = datetime.fromisoformat(slot["start_time"])
    for staff_id, start in starts:
        if staff_id == slot["staff_id"]:
            other = datetime.fromisoformat(start)
            assert abs(other - booked) >= timedelta(minutes=60)

    cancel = api.post(BOOKINGS + "/cancel", json={
        "business_id": sandbox.business_id, "booking_id": created.json()["data"]["booking"]["id"]})
    assert cancel.status_code == 200
    assert cancel.json()["data"]["booking"]["status"] == "cancelled"
    again = {(s["staff_id"], s["start_time"]) for s in all_slots(api, "sv-massage")}
    assert (slot["staff_id"], slot["start_time"]) in again


def test_events_include_full_and_nearly_full(api: httpx.Client) -> None:
    found = event_slots(api)
    assert found
    assert all(s["event_instance_id"] and s["service_id"] == "sv-yoga" for s in found)
    opens = [s["spots_open"] for s in found]
    assert 0 in opens  # the full one is listed, with no spot open
    assert 1 in opens
    assert all(0 <= s["spots_open"] <= s["spots_total"] for s in found)


@pytest.mark.parametrize(("params", "code"), [
    ({"end_date": "2030-01-02"}, "PARAMETER_MISSING"),
    ({"start_date": "2030-01-02"}, "PARAMETER_MISSING"),
    ({"start_date": "02/01/2030", "end_date": "2030-01-03"}, "INVALID_PARAMETER"),
    ({"start_date": "2030-01-05", "end_date": "2030-01-03"}, "INVALID_PARAMETER"),
    ({"start_date": "2030-01-01", "end_date": "2030-03-05"}, "INVALID_PARAMETER"),
    ({"start_date": "2030-01-01", "end_date": "2030-01-03", "time_zone": "Mars/Base"},
     "INVALID_PARAMETER"),
    ({"start_date": "2030-01-01", "end_date": "2030-01-03", "type": "party"},
     "INVALID_PARAMETER"),
])
def test_bad_parameters_are_400(api: httpx.Client, params: dict[str, str], code: str) -> None:
    answer = api.get(AVAILABILITY, params={"service_id": "sv-massage", **params})
    assert answer.status_code == 400
    assert answer.json()["error_code"] == code


def test_62_days_is_the_limit(api: httpx.Client) -> None:
    start = business_today(api)
    assert len(slots(api, "sv-massage", days=62, start=start)) == 62
    answer = api.get(AVAILABILITY, params={
        "service_id": "sv-massage", "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=62)).isoformat()})
    assert answer.status_code == 400
