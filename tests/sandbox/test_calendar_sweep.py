"""Issue 11's calendar sweep, sandbox side: the same rules at chosen moments.

Dates swept (business zone America/New_York): both clock changes of 2027 (14 Mar, when 02:00-03:00
does not exist, and 7 Nov, when 01:00-02:00 happens twice - at both 01:30s), 31 Dec 23:50,
29 Feb 2028, a Sunday, a Friday (Dr. Chen works 09:00-13:00 straight) and ten minutes before
Dr. Chen closes. At each: the seeded calendar only has real local times inside working hours
with no double-booked staff, every offered time is later than now and inside working hours
(friendly and strict grid), and the seeding is the same at any hour of that business day.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import httpx
import pytest

from desktop.resources_path import resource_path
from desktop.sandbox import availability
from desktop.sandbox.availability import WEEKDAYS, working_intervals
from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import BOOKINGS, NEW_YORK, Pinned, appointment_body, slots

STAFF = {s["id"]: s for s in json.loads(resource_path("sample_data", "staff.json").read_text())}
SERVICES = ("sv-initial-consult", "sv-follow-up-video", "sv-phone-consult", "sv-physio",
            "sv-home-visit", "sv-massage", "sv-nutrition")
MOMENTS = {
    "spring-forward": datetime.fromisoformat("2027-03-14T01:30-05:00"),
    "fall-back-first-0130": datetime.fromisoformat("2027-11-07T01:30-04:00"),
    "fall-back-second-0130": datetime.fromisoformat("2027-11-07T01:30-05:00"),
    "new-years-eve-2350": datetime.fromisoformat("2027-12-31T23:50-05:00"),
    "leap-day": datetime.fromisoformat("2028-02-29T09:00-05:00"),
    "sunday": datetime.fromisoformat("2027-06-13T11:00-04:00"),
    "friday": datetime.fromisoformat("2027-06-11T08:30-04:00"),
    "ten-before-closing": datetime.fromisoformat("2027-06-15T16:50-04:00"),
}


def local(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    assert moment.utcoffset() == moment.astimezone(NEW_YORK).utcoffset(), text  # real offset
    return moment.astimezone(NEW_YORK)


def inside_hours(staff_id: str, start: datetime, minutes: int) -> bool:
    day = start.date()
    end = start + timedelta(minutes=minutes)
    return any(begin <= start and end <= finish
               for begin, finish in working_intervals(STAFF[staff_id], day, NEW_YORK))


def check_seeded_calendar(sandbox: SandboxServer) -> None:
    taken: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for booking in sandbox.state.bookings():
        start = local(booking["start_time"])
        if booking["type"] == "appointment":
            assert inside_hours(booking["staff_id"], start, booking["duration"]), booking
            if booking["status"] != "cancelled":
                taken[booking["staff_id"]].append(
                    (start, start + timedelta(minutes=booking["duration"])))
    for staff_id, intervals in taken.items():
        intervals.sort()
        for (_, end), (next_start, _) in itertools.pairwise(intervals):
            assert end <= next_start, f"{staff_id} double-booked at {next_start}"


def offered(api: httpx.Client, first: date, days: int, **params: Any
            ) -> list[tuple[str, dict[str, Any]]]:
    return [(service, slot) for service in SERVICES
            for day in slots(api, service, days, start=first, **params).values() for slot in day]


def check_offered_times(sandbox: SandboxServer, api: httpx.Client, now: datetime) -> None:
    first = now.astimezone(NEW_YORK).date() - timedelta(days=1)
    for strict in (False, True):
        sandbox.mode.update(strict=strict)
        params = {"staff_ids_array": ",".join(STAFF)} if strict else {}
        found = offered(api, first, 5, **params)
        assert found
        for _, slot in found:
            start = local(slot["start_time"])
            assert start > now
            assert inside_hours(slot["staff_id"], start, slot["duration_minutes"]), slot
    sandbox.mode.reset()


@pytest.mark.parametrize("name", list(MOMENTS))
def test_the_calendar_holds_at_chosen_moments(pinned: Callable[..., Pinned], name: str) -> None:
    moment = MOMENTS[name]
    sandbox, api = pinned(moment)
    check_seeded_calendar(sandbox)
    check_offered_times(sandbox, api, moment)
    day = moment.astimezone(NEW_YORK)
    same_day, _ = pinned(datetime.combine(day.date(), time(12, 0), NEW_YORK))
    assert same_day.state.bookings() == sandbox.state.bookings()


def test_spring_forward_has_no_time_that_does_not_exist(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(MOMENTS["spring-forward"])
    offsets: dict[str, set[timedelta | None]] = defaultdict(set)
    for _, slot in offered(api, date(2027, 3, 13), 3):  # the 13th is past already
        offsets[slot["start_time"][:10]].add(datetime.fromisoformat(slot["start_time"])
                                             .utcoffset())
    for booking in sandbox.state.bookings():
        offsets["seeded " + booking["start_time"][:10]].add(
            datetime.fromisoformat(booking["start_time"]).utcoffset())
    assert offsets["seeded 2027-03-13"] == {timedelta(hours=-5)}
    assert offsets["2027-03-15"] == offsets["seeded 2027-03-15"] == {timedelta(hours=-4)}
    # A time given without an offset must exist in the zone it is read in.
    body = appointment_body(sandbox, {"service_id": "sv-massage", "staff_id": "st-ramirez",
                                      "start_time": "2027-03-14T02:30:00"})
    refused = api.post(BOOKINGS, json=body)
    assert refused.status_code == 400
    assert "does not exist" in refused.json()["error"]


def test_a_night_shift_across_both_clock_changes() -> None:
    """The sample staff work by day; a night shift shows what the rules do at 01:00-03:00."""
    night = {"active": True, "working_hours": {"sun": [["00:00", "04:00"]]}}
    service = {"duration": 30, "slot_step_minutes": 30}
    long_ago = datetime(2000, 1, 1, tzinfo=NEW_YORK)

    def shown(day: date) -> list[str]:
        return [s.astimezone(NEW_YORK).strftime("%H:%M%z")
                for s in availability.slot_starts(night, service, day, day, NEW_YORK, [],
                                                  long_ago)]

    spring = shown(date(2027, 3, 14))
    assert spring == ["00:00-0500", "00:30-0500", "01:00-0500", "01:30-0500", "03:00-0400",
                      "03:30-0400"]  # no 02:xx: those times do not exist that night
    autumn = shown(date(2027, 11, 7))
    assert autumn.count("01:30-0400") == autumn.count("01:30-0500") == 1  # both 01:30s
    assert len(autumn) == 10  # a five-hour night
    late = {"active": True, "working_hours": {"sun": [["02:30", "05:00"]]}}
    begin, _ = working_intervals(late, date(2027, 3, 14), NEW_YORK)[0]
    assert begin.astimezone(NEW_YORK).isoformat() == "2027-03-14T03:00:00-04:00"


def test_fall_back_the_two_0130s_are_the_same_business_day(
        pinned: Callable[..., Pinned]) -> None:
    first, _ = pinned(MOMENTS["fall-back-first-0130"])
    second, api = pinned(MOMENTS["fall-back-second-0130"])
    assert first.state.today() == second.state.today() == date(2027, 11, 7)
    assert first.state.bookings() == second.state.bookings()
    found = slots(api, "sv-phone-consult", 3, start=date(2027, 11, 6))
    assert {datetime.fromisoformat(s["start_time"]).utcoffset() for s in found["2027-11-08"]} \
        == {timedelta(hours=-5)}


def test_new_years_eve_at_2350(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(MOMENTS["new-years-eve-2350"])
    found = offered(api, date(2027, 12, 31), 4)
    assert not [s for _, s in found if s["start_time"].startswith("2027")]  # ten minutes left
    assert found
    booked = api.post(BOOKINGS, json=appointment_body(sandbox, found[0][1]))
    assert booked.status_code == 201
    tokyo = slots(api, "sv-massage", 2, start=date(2028, 1, 1), time_zone="Asia/Tokyo")
    assert all(s["start_time"].endswith("+09:00") for day in tokyo.values() for s in day)


def test_leap_day(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(MOMENTS["leap-day"])
    days = {local(b["start_time"]).date() for b in sandbox.state.bookings()}
    assert {date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 1)} <= days
    found = slots(api, "sv-phone-consult", 3, start=date(2028, 2, 28))
    assert found["2028-02-29"]
    booked = api.post(BOOKINGS, json=appointment_body(sandbox, found["2028-02-29"][0]))
    assert booked.status_code == 201
    assert booked.json()["data"]["booking"]["start_time"].startswith("2028-02-29")


def test_sunday_nobody_works(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(MOMENTS["sunday"])
    assert all(found["2027-06-13"] == [] for found in
               (slots(api, service, 1, start=date(2027, 6, 13)) for service in SERVICES))
    booked = sandbox.another_desk("book")  # nothing free today: the next open day
    assert booked["day"] == "2027-06-14"
    assert booked["appointment"]["start_time"].startswith("2027-06-14")


def test_friday_dr_chen_works_through_lunch(pinned: Callable[..., Pinned]) -> None:
    moment = MOMENTS["friday"]
    chen = STAFF["st-chen"]
    noon = datetime(2027, 6, 11, 12, 0, tzinfo=NEW_YORK)
    assert availability.is_open(chen, noon, 60, NEW_YORK, [], moment)  # ends at 13:00
    assert not availability.is_open(chen, noon + timedelta(minutes=30), 60, NEW_YORK, [],
                                    moment)  # would end after she leaves
    _, api = pinned(moment)
    found = slots(api, "sv-follow-up-video", 1, start=date(2027, 6, 11),
                  staff_ids_array="st-chen")["2027-06-11"]
    times = {local(s["start_time"]).time() for s in found}
    assert times <= {time(9 + n // 2, 30 * (n % 2)) for n in range(8)}  # 09:00 ... 12:30
    assert WEEKDAYS[moment.weekday()] == "fri"


def test_ten_minutes_before_closing(pinned: Callable[..., Pinned]) -> None:
    moment = MOMENTS["ten-before-closing"]  # Dr. Chen works until 17:00 on Tuesdays
    sandbox, api = pinned(moment)
    for strict in (False, True):
        sandbox.mode.update(strict=strict)
        for service in ("sv-phone-consult", "sv-follow-up-video"):
            today = slots(api, service, 1, start=date(2027, 6, 15),
                          staff_ids_array="st-chen")["2027-06-15"]
            assert today == []
    sandbox.mode.reset()
    for start in ("16:50", "16:55"):
        body = appointment_body(sandbox, {"service_id": "sv-phone-consult",
                                          "staff_id": "st-chen",
                                          "start_time": f"2027-06-15T{start}:00-04:00"})
        answer = api.post(BOOKINGS, json=body)
        assert answer.status_code == 422
        assert answer.json()["error_code"] == "TIMESLOT_UNAVAILABLE"
