"""Issue 11's calendar sweep, over HTTP: the sandbox's availability and booking at chosen
moments (tests/sweep/moments.py), as the app receives them.

At every moment: the seeded calendar only has real local times inside working hours with no
double-booked staff, every offered time is later than now and inside working hours (friendly
and strict grid), and the seeding is the same at any hour of that business day. Then what is
particular to each: no time offered that does not exist (the night 02:00-03:00 is skipped on
14 Mar 2027), both 01:30s offered on 7 Nov 2027, each with its own offset (and the second
still offered when the first has passed), a zone that never changes its clocks, the year's
last ten minutes in New York and the first hours of 2028 in Tokyo, 29 February, a Sunday, a
Friday, ten minutes before closing.
"""

from __future__ import annotations

import copy
import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from desktop.clock import ManualClock
from desktop.resources_path import resource_path
from desktop.sandbox import availability
from desktop.sandbox.availability import WEEKDAYS, working_intervals
from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import BOOKINGS, BUSINESS_BOOKINGS, appointment_body, slots
from tests.sweep.conftest import Business
from tests.sweep.moments import (
    AHEAD_OF_UTC,
    BEFORE_CLOSING,
    EVERY,
    FALL_BACK_FIRST,
    FALL_BACK_SECOND,
    FRIDAY,
    LEAP_DAY,
    MADRID_BUSINESS,
    NEW_YEARS_EVE,
    NIGHT_LINE,
    NO_DST,
    SPRING_FORWARD,
    SUNDAY,
    Moment,
    each,
)

SAMPLE_STAFF = {s["id"]: s for s in
                json.loads(resource_path("sample_data", "staff.json").read_text())}
SERVICES = ("sv-initial-consult", "sv-follow-up-video", "sv-phone-consult", "sv-physio",
            "sv-home-visit", "sv-massage", "sv-nutrition")
BusinessAt = Callable[..., Business]


def staff_of(sandbox: SandboxServer) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in sandbox.state.data.staff}


def local(text: str, zone: ZoneInfo) -> datetime:
    """A start time as the API wrote it, read in ``zone``: its offset must be the real one."""
    moment = datetime.fromisoformat(text)
    assert moment.utcoffset() == moment.astimezone(zone).utcoffset(), text
    return moment.astimezone(zone)


def inside_hours(staff: dict[str, Any], start: datetime, minutes: int, zone: ZoneInfo) -> bool:
    end = start + timedelta(minutes=minutes)
    return any(begin <= start and end <= finish
               for begin, finish in working_intervals(staff, start.date(), zone))


def check_seeded_calendar(sandbox: SandboxServer) -> None:
    zone, staff = sandbox.state.tz, staff_of(sandbox)
    taken: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for booking in sandbox.state.bookings():
        start = local(booking["start_time"], zone)
        if booking["type"] == "appointment":
            assert inside_hours(staff[booking["staff_id"]], start, booking["duration"], zone), \
                booking
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
    zone, staff = sandbox.state.tz, staff_of(sandbox)
    first = now.astimezone(zone).date() - timedelta(days=1)
    for strict in (False, True):
        sandbox.mode.update(strict=strict)
        params = {"staff_ids_array": ",".join(staff)} if strict else {}
        found = offered(api, first, 5, **params)
        assert found
        for _, slot in found:
            start = local(slot["start_time"], zone)
            assert start > now
            assert inside_hours(staff[slot["staff_id"]], start, slot["duration_minutes"], zone)
    sandbox.mode.reset()


def night_line_starts(api: httpx.Client, day: date) -> list[str]:
    """Dr. Nair's phone consultations offered on the night of ``day``, as wall time+offset."""
    found = slots(api, "sv-phone-consult", 1, start=day, staff_ids_array="st-nair")
    return [slot["start_time"][11:16] + slot["start_time"][19:] for slot in found[str(day)]
            if slot["start_time"][11:13] < "05"]


def free_the_night(sandbox: SandboxServer, api: httpx.Client, day: date) -> None:
    """The night's seeded calls are cancelled at the desk (the sweep wants every time)."""
    for booking in sandbox.state.bookings():
        if booking["staff_id"] == "st-nair" and booking["status"] == "scheduled" \
                and booking["start_time"].startswith(str(day)):
            answer = api.put(BUSINESS_BOOKINGS + "/cancel", json={
                "business_id": sandbox.business_id, "booking_id": booking["id"]})
            assert answer.status_code == 201, answer.text


def book(sandbox: SandboxServer, api: httpx.Client, staff_id: str, service_id: str,
         start: str, zone: str = "America/New_York") -> httpx.Response:
    return api.post(BOOKINGS, json=appointment_body(
        sandbox, {"service_id": service_id, "staff_id": staff_id, "start_time": start},
        time_zone=zone))


# ---------------------------------------------------------------------- every moment

@each()
def test_the_calendar_holds(business_at: BusinessAt, moment: Moment) -> None:
    sandbox, api = business_at(moment)
    check_seeded_calendar(sandbox)
    check_offered_times(sandbox, api, moment.when)
    noon = datetime.combine(moment.local.date(), time(12, 0), ZoneInfo(moment.zone))
    same_day, _ = business_at(moment, clock=ManualClock(noon))
    assert same_day.state.bookings() == sandbox.state.bookings()


# ---------------------------------------------------------------------- clock changes

def test_spring_forward_offers_no_time_that_does_not_exist(business_at: BusinessAt) -> None:
    sandbox, api = business_at(SPRING_FORWARD, staff_hours=NIGHT_LINE)
    night = date(2027, 3, 14)
    free_the_night(sandbox, api, night)
    # 01:30 EST now: one more quarter before the jump, then 03:00 EDT (02:xx does not exist).
    assert night_line_starts(api, night) == [
        "01:45-05:00", "03:00-04:00", "03:15-04:00", "03:30-04:00", "03:45-04:00"]
    offsets: dict[str, set[timedelta | None]] = defaultdict(set)
    for _, slot in offered(api, date(2027, 3, 13), 3):  # the 13th is past already
        offsets[slot["start_time"][:10]].add(datetime.fromisoformat(slot["start_time"])
                                             .utcoffset())
    for booking in sandbox.state.bookings():
        offsets["seeded " + booking["start_time"][:10]].add(
            datetime.fromisoformat(booking["start_time"]).utcoffset())
    assert offsets["seeded 2027-03-13"] == {timedelta(hours=-5)}
    assert offsets["2027-03-15"] == offsets["seeded 2027-03-15"] == {timedelta(hours=-4)}
    # A wall time given without an offset must exist in the zone it is read in.
    refused = book(sandbox, api, "st-nair", "sv-phone-consult", "2027-03-14T02:30:00")
    assert refused.status_code == 400
    assert "does not exist" in refused.json()["error"]
    assert book(sandbox, api, "st-nair", "sv-phone-consult",
                "2027-03-14T03:00:00").status_code == 201  # the first real time after


def test_fall_back_offers_both_0130s_each_with_its_offset(business_at: BusinessAt) -> None:
    four_weeks_before = FALL_BACK_FIRST.later(days=-28)  # nothing seeded that far ahead yet
    _, api = business_at(FALL_BACK_FIRST, staff_hours=NIGHT_LINE,
                         clock=ManualClock(four_weeks_before))
    night = night_line_starts(api, date(2027, 11, 7))
    assert len(night) == 20  # a five-hour night: 00:00-04:00 with 01:00-02:00 twice
    assert night.count("01:30-04:00") == night.count("01:30-05:00") == 1
    assert night[:8] == ["00:00-04:00", "00:15-04:00", "00:30-04:00", "00:45-04:00",
                         "01:00-04:00", "01:15-04:00", "01:30-04:00", "01:45-04:00"]
    assert night[8:12] == ["01:00-05:00", "01:15-05:00", "01:30-05:00", "01:45-05:00"]


def test_at_the_first_0130_the_second_is_still_ahead(business_at: BusinessAt) -> None:
    sandbox, api = business_at(FALL_BACK_FIRST, staff_hours=NIGHT_LINE)
    free_the_night(sandbox, api, date(2027, 11, 7))
    night = night_line_starts(api, date(2027, 11, 7))
    assert night[:5] == ["01:45-04:00", "01:00-05:00", "01:15-05:00", "01:30-05:00",
                         "01:45-05:00"]  # 01:15 again is an hour and three quarters away
    assert book(sandbox, api, "st-nair", "sv-phone-consult",
                "2027-11-07T01:15:00-05:00").status_code == 201


def test_at_the_second_0130_the_first_is_past(business_at: BusinessAt) -> None:
    sandbox, api = business_at(FALL_BACK_SECOND, staff_hours=NIGHT_LINE)
    free_the_night(sandbox, api, date(2027, 11, 7))
    night = night_line_starts(api, date(2027, 11, 7))
    assert night[0] == "01:45-05:00"
    assert all(text.endswith("-05:00") for text in night)
    passed = book(sandbox, api, "st-nair", "sv-phone-consult", "2027-11-07T01:45:00-04:00")
    assert passed.status_code == 422  # 01:45 the first time was 45 minutes ago
    assert passed.json()["error_code"] == "TIMESLOT_UNAVAILABLE"
    # Without an offset, a wall time that happens twice is its first occurrence (past now).
    assert book(sandbox, api, "st-nair", "sv-phone-consult",
                "2027-11-07T01:45:00").status_code == 422


def test_a_zone_without_clock_changes(business_at: BusinessAt) -> None:
    sandbox, api = business_at(NO_DST, staff_hours=NIGHT_LINE,
                               clock=ManualClock(NO_DST.later(days=-28)))
    assert sandbox.state.tz.key == "America/Argentina/Buenos_Aires"
    for night in (date(2027, 11, 7), date(2028, 3, 12)):  # New York's clocks change then
        starts = night_line_starts(api, night)
        assert len(starts) == 16  # four hours, every night of the year
        assert {text[5:] for text in starts} == {"-03:00"}
    sandbox.set_now(NO_DST.when)
    check_offered_times(sandbox, api, NO_DST.when)
    for _, slot in offered(api, NO_DST.local.date(), 7):
        assert slot["start_time"].endswith("-03:00")


# ---------------------------------------------------------------------- the year turns

def test_new_years_eve_at_2350(business_at: BusinessAt) -> None:
    sandbox, api = business_at(NEW_YEARS_EVE)
    found = offered(api, date(2027, 12, 31), 4)
    assert not [s for _, s in found if s["start_time"].startswith("2027")]  # ten minutes left
    assert found
    booked = book(sandbox, api, found[0][1]["staff_id"], found[0][0], found[0][1]["start_time"])
    assert booked.status_code == 201
    assert booked.json()["data"]["booking"]["start_time"].startswith("2028-01-0")


def test_a_business_ahead_of_utc_is_already_in_the_new_year(business_at: BusinessAt) -> None:
    sandbox, api = business_at(AHEAD_OF_UTC)  # 23:50 in New York is 13:50 on 1 Jan in Tokyo
    assert sandbox.state.today() == date(2028, 1, 1)
    assert httpx.get(sandbox.url + "/__sandbox/clock").json()["data"]["today"] == "2028-01-01"
    massage = slots(api, "sv-massage", 2, start=date(2027, 12, 31))
    assert massage["2027-12-31"] == []  # yesterday, in Tokyo
    today = [datetime.fromisoformat(s["start_time"]) for s in massage["2028-01-01"]]
    assert today  # a Saturday: Sofia Ramirez works 10:00-16:00 (Tokyo time)
    assert all(s.utcoffset() == timedelta(hours=9) and s > AHEAD_OF_UTC.when for s in today)
    assert min(today).time() >= time(14, 0)
    # A desk that asks in New York time gets the same instants, on its own calendar day
    # (14:00 in Tokyo is midnight in New York), written with New York's offset.
    seen_from_ny = slots(api, "sv-massage", 2, start=date(2027, 12, 31),
                         time_zone="America/New_York")
    assert seen_from_ny["2027-12-31"] == []
    assert [datetime.fromisoformat(s["start_time"]) for s in seen_from_ny["2028-01-01"]] \
        == today
    assert {s["start_time"][19:] for s in seen_from_ny["2028-01-01"]} == {"-05:00"}
    first = massage["2028-01-01"][0]
    assert book(sandbox, api, "st-ramirez", "sv-massage", first["start_time"],
                "Asia/Tokyo").status_code == 201


def test_a_madrid_business_on_leap_day(business_at: BusinessAt) -> None:
    sandbox, api = business_at(MADRID_BUSINESS)
    assert sandbox.state.today() == date(2028, 2, 29)
    found = slots(api, "sv-initial-consult", 2, start=date(2028, 2, 29))
    starts = [local(s["start_time"], ZoneInfo("Europe/Madrid")) for s in found["2028-02-29"]]
    assert starts
    assert all(s.utcoffset() == timedelta(hours=1) and s.time() >= time(9) for s in starts)
    assert book(sandbox, api, "st-chen", "sv-initial-consult", found["2028-02-29"][0][
        "start_time"], "Europe/Madrid").status_code == 201


def test_leap_day(business_at: BusinessAt) -> None:
    sandbox, api = business_at(LEAP_DAY)
    zone = sandbox.state.tz
    days = {local(b["start_time"], zone).date() for b in sandbox.state.bookings()}
    assert {date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 1)} <= days
    found = slots(api, "sv-phone-consult", 3, start=date(2028, 2, 28))
    assert found["2028-02-28"] == []
    assert found["2028-02-29"]
    booked = book(sandbox, api, found["2028-02-29"][0]["staff_id"], "sv-phone-consult",
                  found["2028-02-29"][0]["start_time"])
    assert booked.status_code == 201
    assert booked.json()["data"]["booking"]["start_time"].startswith("2028-02-29")


# ---------------------------------------------------------------------- days of the week

def test_sunday_nobody_works(business_at: BusinessAt) -> None:
    sandbox, api = business_at(SUNDAY)
    assert all(found["2027-06-13"] == [] for found in
               (slots(api, service, 1, start=date(2027, 6, 13)) for service in SERVICES))
    booked = sandbox.another_desk("book")  # nothing free today: the next open day
    assert booked["day"] == "2027-06-14"
    assert booked["appointment"]["start_time"].startswith("2027-06-14")


def test_friday_dr_chen_works_through_lunch(business_at: BusinessAt) -> None:
    chen, zone = SAMPLE_STAFF["st-chen"], ZoneInfo("America/New_York")
    noon = datetime(2027, 6, 11, 12, 0, tzinfo=zone)
    assert availability.is_open(chen, noon, 60, zone, [], FRIDAY.when)  # ends at 13:00
    assert not availability.is_open(chen, noon + timedelta(minutes=30), 60, zone, [],
                                    FRIDAY.when)  # would end after she leaves
    _, api = business_at(FRIDAY)
    found = slots(api, "sv-follow-up-video", 1, start=date(2027, 6, 11),
                  staff_ids_array="st-chen")["2027-06-11"]
    times = {local(s["start_time"], zone).time() for s in found}
    assert times <= {time(9 + n // 2, 30 * (n % 2)) for n in range(8)}  # 09:00 ... 12:30
    assert WEEKDAYS[FRIDAY.local.weekday()] == "fri"


@pytest.mark.parametrize("strict", [False, True], ids=["friendly", "strict"])
def test_ten_minutes_before_closing(business_at: BusinessAt, strict: bool) -> None:
    sandbox, api = business_at(BEFORE_CLOSING)  # Dr. Chen works until 17:00 on Tuesdays
    sandbox.mode.update(strict=strict)
    for service in ("sv-phone-consult", "sv-follow-up-video"):
        today = slots(api, service, 1, start=date(2027, 6, 15),
                      staff_ids_array="st-chen")["2027-06-15"]
        assert today == []
    for start in ("16:50", "16:55"):
        answer = book(sandbox, api, "st-chen", "sv-phone-consult", f"2027-06-15T{start}:00-04:00")
        assert answer.status_code == 422
        assert answer.json()["error_code"] == "TIMESLOT_UNAVAILABLE"


# ---------------------------------------------------------------------- the options

def test_the_sandbox_takes_a_zone_and_staff_hours_or_refuses_them() -> None:
    week = copy.deepcopy(NIGHT_LINE)
    with SandboxServer(clock=ManualClock(SPRING_FORWARD.when), time_zone="Asia/Tokyo",
                       staff_hours=week) as sandbox:
        assert sandbox.state.data.business["time_zone"] == "Asia/Tokyo"
        assert staff_of(sandbox)["st-nair"]["working_hours"] == NIGHT_LINE["st-nair"]
        assert staff_of(sandbox)["st-chen"] == SAMPLE_STAFF["st-chen"]
        sandbox.reset()
        assert sandbox.state.tz.key == "Asia/Tokyo"  # kept through a reset
    for bad in ({"time_zone": "Mars/Olympus"}, {"staff_hours": {"st-nobody": {}}},
                {"staff_hours": {"st-nair": {"someday": []}}},
                {"staff_hours": {"st-nair": {"sun": [["late", "later"]]}}}):
        with pytest.raises(ValueError, match=r"Mars|nobody|someday|late"):
            SandboxServer(**bad)  # type: ignore[arg-type]
    assert EVERY  # the sweep's table is not empty
