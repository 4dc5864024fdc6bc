"""Issue 16, the sandbox: the day at the desk with API.md's shapes and errors, over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest

from desktop.clock import ManualClock
from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import (
    APPOINTMENTS,
    AVAILABILITY,
    BOOKINGS,
    BUSINESS_BOOKINGS,
    NEW_YORK,
    TUESDAY_MORNING,
    Pinned,
    appointment_body,
    first_slot,
    slots,
)

ITEM_KEYS = {"id", "start_time", "end_time", "duration", "client_id", "client_first_name",
             "client_last_name", "service_id", "title", "staff_id", "staff_display_name",
             "state", "no_show", "notes", "interaction_type", "interaction_details",
             "updated_at", "time_zone", "event_instance_id"}


def page(api: httpx.Client, **params: Any) -> dict[str, Any]:
    answer = api.get(APPOINTMENTS, params=params)
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()["data"]
    return data


def walk(api: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    found, number = [], 1
    while number:
        data = page(api, page=number, per_page=100, **params)
        found += data["appointments"]
        number = data["next_page"]
    return found


def item(api: httpx.Client, booking_id: str) -> dict[str, Any]:
    answer = api.get(f"{APPOINTMENTS}/{booking_id}")
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()["data"]["appointment"]
    return found


def upcoming_today(sandbox: SandboxServer, state: str = "scheduled") -> list[dict[str, Any]]:
    now = sandbox.clock.now()
    return [a for a in (sandbox.state.appointment(b["id"]) for b in sandbox.state.bookings())
            if a and a["state"] == state and a["type"] == "appointment"
            and datetime.fromisoformat(a["start_time"]) > now
            and datetime.fromisoformat(a["start_time"]).astimezone(NEW_YORK).date()
            == sandbox.state.today()]


def refused(answer: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    body: dict[str, Any] = answer.json()
    assert body["status"] == "Error"
    assert body["error_code"] == code
    return body


# ----------------------------------------------------------------------------- the seeded week


@pytest.mark.parametrize("moment", [TUESDAY_MORNING, datetime(2027, 10, 3, 9, tzinfo=NEW_YORK),
                                    datetime(2028, 1, 20, 15, tzinfo=NEW_YORK)])
def test_the_seeded_week_is_realistic(pinned: Callable[..., Pinned], moment: datetime) -> None:
    sandbox, api = pinned(moment)
    today = sandbox.state.today()
    week = [a for a in walk(api)
            if abs((datetime.fromisoformat(a["start_time"]).astimezone(NEW_YORK).date()
                    - today).days) <= 3]
    assert len(week) >= 150
    staff_days = {(a["staff_id"], a["start_time"][:10]) for a in week
                  if a["event_instance_id"] is None}
    assert len(staff_days) >= 12
    past = [a for a in week if datetime.fromisoformat(a["start_time"]).astimezone(NEW_YORK)
            .date() < today]
    assert {"done", "cancelled"} <= {a["state"] for a in past}
    assert any(a["no_show"] for a in past)
    assert any(a["state"] == "pending" for a in week)
    assert any(a["notes"] for a in week)
    assert any(a["event_instance_id"] for a in week)
    assert all(a.keys() >= ITEM_KEYS for a in week)


# ----------------------------------------------------------------------------- the list


def test_list_sorted_and_paged_both_ways(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    ascending = walk(api, sort="start_at:ASC")
    assert len(ascending) == sandbox.state.count()
    starts = [datetime.fromisoformat(a["start_time"]) for a in ascending]
    assert starts == sorted(starts)
    descending = walk(api, sort="start_at:DESC")
    assert [a["id"] for a in descending] == [a["id"] for a in reversed(ascending)]
    first = page(api, per_page=500)  # more than 100 is quietly capped
    assert len(first["appointments"]) == 100
    assert first["next_page"] == 2
    assert page(api)["appointments"] == first["appointments"][:25]  # default page size
    last_page = len(ascending) // 100 + 1
    assert page(api, page=last_page, per_page=100)["next_page"] is None
    assert page(api, page=last_page + 5, per_page=100)["appointments"] == []
    for bad in ({"per_page": 0}, {"page": "x"}, {"sort": "price:ASC"}, {"sort": "start_at:UP"},
                {"state": "scheduled,sleeping"}):
        refused(api.get(APPOINTMENTS, params=bad), 400, "INVALID_PARAMETER")


def test_list_by_state_and_client(pinned: Callable[..., Pinned]) -> None:
    _, api = pinned()
    chosen = walk(api, state="done,cancelled")
    assert {a["state"] for a in chosen} == {"done", "cancelled"}
    assert len(chosen) == len(walk(api, state="done")) + len(walk(api, state="cancelled"))
    assert {a["state"] for a in walk(api, state="pending")} == {"pending"}
    someone = chosen[0]["client_id"]
    mine = walk(api, client_id=someone, sort="start_at:DESC")
    assert mine
    assert {a["client_id"] for a in mine} == {someone}
    starts = [datetime.fromisoformat(a["start_time"]) for a in mine]
    assert starts == sorted(starts, reverse=True)
    assert walk(api, client_id=someone, state="scheduled") == \
        [a for a in walk(api, client_id=someone) if a["state"] == "scheduled"]


def test_item_and_unknown_booking(pinned: Callable[..., Pinned]) -> None:
    _, api = pinned()
    listed = page(api, per_page=5)["appointments"][3]
    assert item(api, listed["id"]) == listed
    body = refused(api.get(f"{APPOINTMENTS}/bk-nobody"), 404, "NOT_FOUND")
    assert body["error"] == "Booking not found"


def test_fresh_booking_is_found_by_the_look_up_before_resend(
        pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    client = sandbox.state.clients()[7]
    body = appointment_body(sandbox, first_slot(api), client_id=client["id"])
    del body["form_data"]
    booking = api.post(BOOKINGS, json=body).json()["data"]["booking"]
    mine = walk(api, business_id=sandbox.business_id, client_id=client["id"])
    assert booking["id"] in {a["id"] for a in mine}
    latest = page(api, sort="updated:DESC", per_page=1)["appointments"][0]
    assert latest["id"] == booking["id"]


# ----------------------------------------------------------------------------- cancel


def test_cancel_on_the_platform_path(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    target = upcoming_today(sandbox)[0]
    answer = api.post(BOOKINGS + "/cancel", json={"business_id": sandbox.business_id,
                                                  "booking_id": target["id"]})
    assert answer.status_code == 200
    assert answer.json()["data"]["booking"]["status"] == "cancelled"
    assert item(api, target["id"])["state"] == "cancelled"
    assert target["id"] in {a["id"] for a in walk(api, state="cancelled")}


def test_cancel_with_a_message_moves_updated_at(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    assert isinstance(sandbox.clock, ManualClock)
    target = upcoming_today(sandbox)[0]
    sandbox.clock.advance(timedelta(minutes=3))
    answer = api.put(BUSINESS_BOOKINGS + "/cancel", json={
        "business_id": sandbox.business_id, "booking_id": target["id"],
        "message": "Dr. Chen is ill today, we will call you to find a new time."})
    assert answer.status_code == 201
    assert answer.json()["data"]["booking"]["status"] == "cancelled"
    after = item(api, target["id"])
    assert after["state"] == "cancelled"
    assert datetime.fromisoformat(after["updated_at"]) == TUESDAY_MORNING + timedelta(minutes=3)
    assert [m["message"] for m in sandbox.state.sent_messages(target["id"])] == \
        ["Dr. Chen is ill today, we will call you to find a new time."]
    assert page(api, sort="updated:DESC", per_page=1)["appointments"][0]["id"] == target["id"]
    # Cancelling again changes nothing (a desk re-sending after a lost answer).
    sandbox.clock.advance(timedelta(minutes=3))
    again = api.put(BUSINESS_BOOKINGS + "/cancel", json={"business_id": sandbox.business_id,
                                                         "booking_id": target["id"]})
    assert again.status_code == 201
    assert item(api, target["id"])["updated_at"] == after["updated_at"]


def test_cancel_a_batch(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    done = next(a for a in walk(api, state="done"))
    targets = [a["id"] for a in upcoming_today(sandbox)[:3]]
    answer = api.put(BUSINESS_BOOKINGS + "/cancel", json={
        "business_id": sandbox.business_id, "booking_id": [*targets, done["id"]]})
    assert answer.status_code == 200
    entries = answer.json()["data"]["batch_response"]
    assert [(e["id"], e["success"]) for e in entries] == \
        [*((t, True) for t in targets), (done["id"], False)]
    assert "done" in entries[-1]["error"]
    assert all(item(api, t)["state"] == "cancelled" for t in targets)
    assert item(api, done["id"])["state"] == "done"
    refused(api.put(BUSINESS_BOOKINGS + "/cancel", json={
        "business_id": sandbox.business_id, "booking_id": done["id"]}), 422, "INVALID_STATE")


def test_cancel_refusals_change_nothing(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    scheduled = upcoming_today(sandbox)[0]["id"]
    path = BUSINESS_BOOKINGS + "/cancel"
    body = refused(api.put(path, json={"business_id": sandbox.business_id,
                                       "booking_id": [scheduled, "bk-nobody"]}),
                   404, "NOT_FOUND")
    assert body["error"] == "Booking not found"
    assert item(api, scheduled)["state"] == "scheduled"  # all or nothing
    many = [a["id"] for a in walk(api, state="scheduled")[:51]]
    refused(api.put(path, json={"business_id": sandbox.business_id, "booking_id": many}),
            400, "INVALID_PARAMETER")
    refused(api.put(path, json={"business_id": sandbox.business_id}), 400, "PARAMETER_MISSING")
    refused(api.put(path, json={"booking_id": scheduled}), 400, "PARAMETER_MISSING")
    refused(api.put(path, json={"business_id": "b-x", "booking_id": scheduled}), 404,
            "NOT_FOUND")
    assert item(api, scheduled)["state"] == "scheduled"


def test_a_dropped_answer_after_a_cancel_still_cancelled(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    target = upcoming_today(sandbox)[0]["id"]
    sandbox.faults.update(drop_after_commit=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.put(BUSINESS_BOOKINGS + "/cancel", json={"business_id": sandbox.business_id,
                                                     "booking_id": target})
    assert item(api, target)["state"] == "cancelled"  # the look-up finds it done


# ----------------------------------------------------------------------------- complete


def test_complete_and_no_show(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    arrived, missing = (a["id"] for a in upcoming_today(sandbox)[:2])
    path = BUSINESS_BOOKINGS + "/complete"
    answer = api.post(path, json={"business_id": sandbox.business_id, "booking_id": arrived})
    assert answer.status_code == 201
    assert answer.json()["data"]["booking"]["uid"] == arrived
    assert answer.json()["data"]["booking"]["status"] == "completed"
    assert (item(api, arrived)["state"], item(api, arrived)["no_show"]) == ("done", False)
    no_show = api.post(path, json={"business_id": sandbox.business_id, "booking_id": [missing],
                                   "mark_as_no_show": "true"})
    assert no_show.status_code == 200
    assert no_show.json()["data"]["batch_response"] == [
        {"id": missing, "success": True, "error": None}]
    assert (item(api, missing)["state"], item(api, missing)["no_show"]) == ("done", True)
    assert missing in {a["id"] for a in walk(api, state="done")}
    cancelled = walk(api, state="cancelled")[0]["id"]
    refused(api.post(path, json={"business_id": sandbox.business_id, "booking_id": cancelled}),
            422, "INVALID_STATE")
    refused(api.post(path, json={"business_id": sandbox.business_id, "booking_id": "bk-x"}),
            404, "NOT_FOUND")


# ----------------------------------------------------------------------------- reschedule


def free_and_taken(api: httpx.Client, sandbox: SandboxServer) -> tuple[dict[str, Any], str,
                                                                        str]:
    """A scheduled massage later than today, a free start and a taken start of its staff."""
    free = slots(api, "sv-massage", 14)
    free_starts = {s["start_time"] for day in free.values() for s in day}
    now = sandbox.clock.now()
    massages = [a for a in walk(api, state="scheduled") if a["service_id"] == "sv-massage"
                and datetime.fromisoformat(a["start_time"]) > now + timedelta(days=1)]
    target, other = massages[0], massages[1]
    free_start = next(s for s in sorted(free_starts)
                      if datetime.fromisoformat(s) > datetime.fromisoformat(target["start_time"]))
    return target, free_start, other["start_time"]


def test_reschedule_onto_a_free_and_a_taken_time(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    target, free_start, taken_start = free_and_taken(api, sandbox)
    path = f"{BUSINESS_BOOKINGS}/{target['id']}"
    body = {"business_id": sandbox.business_id, "booking_id": target["id"],
            "allow_double_booking": False, "notify_client": True,
            "message": "Moved as you asked on the phone."}
    refused(api.put(path, json={**body, "start_time": taken_start}), 422,
            "TIMESLOT_UNAVAILABLE")
    assert item(api, target["id"])["start_time"] == target["start_time"]

    moved = api.put(path, json={**body, "start_time": free_start})
    assert moved.status_code == 201
    assert moved.json()["data"]["booking"]["uid"] == target["id"]
    after = item(api, target["id"])
    assert datetime.fromisoformat(after["start_time"]) == datetime.fromisoformat(free_start)
    assert datetime.fromisoformat(after["end_time"]) - datetime.fromisoformat(free_start) \
        == timedelta(minutes=60)
    assert after["state"] == "scheduled"
    assert sandbox.state.sent_messages(target["id"])[-1] == {
        "action": "reschedule", "message": "Moved as you asked on the phone.", "notify": True,
        "at": after["updated_at"]}
    old_free = {s["start_time"] for d in slots(api, "sv-massage", 14).values() for s in d}
    assert target["start_time"] in old_free or \
        datetime.fromisoformat(target["start_time"]) <= sandbox.clock.now()


def test_double_booking_is_allowed_unless_refused(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    target, _, taken_start = free_and_taken(api, sandbox)
    answer = api.put(f"{BUSINESS_BOOKINGS}/{target['id']}", json={
        "business_id": sandbox.business_id, "start_time": taken_start})
    assert answer.status_code == 201  # allow_double_booking defaults to true, as on the platform
    assert datetime.fromisoformat(item(api, target["id"])["start_time"]) == \
        datetime.fromisoformat(taken_start)


def test_reschedule_refusals(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    target, free_start, _ = free_and_taken(api, sandbox)
    path = f"{BUSINESS_BOOKINGS}/{target['id']}"
    business = {"business_id": sandbox.business_id, "start_time": free_start}
    refused(api.put(path, json={**business, "staff_id": "st-chen"}), 400, "INVALID_PARAMETER")
    refused(api.put(f"{BUSINESS_BOOKINGS}/bk-nobody", json=business), 404, "NOT_FOUND")
    refused(api.put(path, json={**business, "booking_id": "bk-other"}), 400,
            "INVALID_PARAMETER")
    refused(api.put(path, json={**business, "start_time": "soon"}), 400, "INVALID_PARAMETER")
    registration = next(a for a in walk(api, state="scheduled") if a["event_instance_id"])
    refused(api.put(f"{BUSINESS_BOOKINGS}/{registration['id']}", json=business), 400,
            "INVALID_PARAMETER")
    cancelled = walk(api, state="cancelled")[0]
    refused(api.put(f"{BUSINESS_BOOKINGS}/{cancelled['id']}", json=business), 422,
            "INVALID_STATE")


def test_availability_counts_the_bookings_own_time_as_free(
        pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    target, _, _ = free_and_taken(api, sandbox)
    day = datetime.fromisoformat(target["start_time"]).astimezone(NEW_YORK).date()
    params = {"start_date": day.isoformat(), "end_date": day.isoformat(),
              "service_id": "sv-massage", "staff_ids_array": target["staff_id"]}

    def starts(**extra: str) -> set[datetime]:
        answer = api.get(AVAILABILITY, params={**params, **extra}).json()["data"]
        return {datetime.fromisoformat(s["start_time"]) for s in answer["availabilities"][
            day.isoformat()]}

    own = datetime.fromisoformat(target["start_time"])
    assert own not in starts()
    assert own in starts(booking_instance_id=target["id"])
    refused(api.get(AVAILABILITY, params={**params, "booking_instance_id": "bk-x"}), 404,
            "NOT_FOUND")


# ----------------------------------------------------------------------------- accept, waitlist


def test_accept_a_pending_request(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    pending = walk(api, state="pending")[0]
    path = BUSINESS_BOOKINGS + "/accept"
    answer = api.post(path, json={"business_id": sandbox.business_id,
                                  "booking_id": pending["id"]})
    assert answer.status_code == 201
    assert answer.json()["data"]["booking"]["state"] == "scheduled"
    assert item(api, pending["id"])["state"] == "scheduled"
    assert api.post(path, json={"business_id": sandbox.business_id,
                                "booking_id": pending["id"]}).status_code == 201
    refused(api.post(path, json={"business_id": sandbox.business_id, "booking_id": "bk-x"}),
            404, "NOT_FOUND")


def test_waitlist_of_a_full_event(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    events = [s for d in slots(api, "sv-yoga", 21, type="event").values() for s in d]
    full = next(s["event_instance_id"] for s in events if s["spots_open"] == 0)
    open_one = next(s["event_instance_id"] for s in events if s["spots_open"] > 0)
    registered = {b["client_id"] for b in sandbox.state.bookings()
                  if b["event_instance_id"] == full}
    client = next(c["id"] for c in sandbox.state.clients() if c["id"] not in registered)
    path = "/platform/v1/scheduling/waitlist"
    body = {"business_id": sandbox.business_id, "event_instance_id": full, "client_id": client}
    joined = api.post(path, json=body)
    assert joined.status_code == 201
    entry = joined.json()["data"]["waitlist"]
    assert (entry["status"], entry["spot"], entry["event_instance_uid"]) == ("pending", 1, full)
    again = api.post(path, json={"business_uid": sandbox.business_id,
                                 "event_instance_uid": full, "client_uid": client})
    assert again.status_code == 200
    assert again.json()["data"]["waitlist"]["uid"] == entry["uid"]
    for nothing_to_wait_for in (open_one, "ei-none"):
        body422 = refused(api.post(path, json={**body, "event_instance_id": nothing_to_wait_for}),
                          422, "INVALID_EVENT_INSTANCE")
        assert body422["error"] == "Invalid event instance"
    refused(api.post(path, json={**body, "client_id": next(iter(registered))}), 422,
            "ALREADY_REGISTERED")
    refused(api.post(path, json={"business_id": sandbox.business_id, "client_id": client}),
            400, "PARAMETER_MISSING")

    left = api.put(path + "/cancel", json=body)
    assert left.status_code == 200
    assert left.json()["data"]["waitlist"]["status"] == "cancelled"
    assert api.put(path + "/cancel", json=body).status_code == 200
    assert [e["status"] for e in sandbox.state.waitlist(full)] == ["cancelled"]
    other = next(c["id"] for c in sandbox.state.clients()
                 if c["id"] not in registered and c["id"] != client)
    refused(api.put(path + "/cancel", json={**body, "client_id": other}), 404, "NOT_FOUND")


# ----------------------------------------------------------------------------- another desk


def test_another_desk_books_and_cancels_now(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    booked = httpx.post(sandbox.url + "/__sandbox/another_desk", json={"action": "book"})
    assert booked.status_code == 200
    change = booked.json()["data"]
    assert change["day"] == "2027-06-15"
    appointment = change["appointment"]
    assert appointment["state"] == "scheduled"
    assert datetime.fromisoformat(appointment["start_time"]) > sandbox.clock.now()
    assert page(api, sort="updated:DESC", per_page=1)["appointments"][0]["id"] == \
        appointment["id"]
    cancelled = sandbox.another_desk("cancel")["appointment"]
    assert cancelled["state"] == "cancelled"
    assert datetime.fromisoformat(cancelled["start_time"]).astimezone(NEW_YORK).date() == \
        date(2027, 6, 15)
    assert item(api, cancelled["id"])["state"] == "cancelled"
    assert httpx.post(sandbox.url + "/__sandbox/another_desk",
                      json={"action": "dance"}).status_code == 400
