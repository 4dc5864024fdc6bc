"""The day-at-the-desk calls over real HTTP against the stub server (the sandbox gains these
endpoints separately): what each sends, what each answer becomes, and the write rule
(re-sent only when nothing can have reached the server)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.api.client import (
    APPOINTMENTS_PATH,
    AVAILABILITY_PATH,
    BUSINESS_ACCEPT_PATH,
    BUSINESS_CANCEL_PATH,
    BUSINESS_COMPLETE_PATH,
    WAITLIST_CANCEL_PATH,
    WAITLIST_PATH,
    BookingClient,
)
from desktop.api.constants import MAX_IDS_PER_CALL
from desktop.api.errors import (
    InDoubtError,
    NotFoundError,
    OfflineError,
    SlotTakenError,
    ValidationError,
)
from desktop.api.models import Appointment
from tests.api.helpers import (
    STUB_TOKEN,
    SleepRecorder,
    StubReply,
    StubServer,
    json_reply,
    stub_client,
)

NEW_TIME = datetime(2030, 5, 7, 15, 30, tzinfo=UTC)
ITEM = {"id": "bk-1", "start_time": "2030-05-06T14:00:00+00:00",
        "end_time": "2030-05-06T15:00:00+00:00", "duration": 60, "client_id": "c1",
        "client_first_name": "Ann", "client_last_name": "Lee", "service_id": "s1",
        "title": "Massage", "staff_id": "st1", "staff_display_name": "Dr. Ramirez",
        "state": "done", "no_show": True, "notes": "late", "interaction_type": "business",
        "interaction_details": None, "updated_at": "2030-05-06T15:05:00+00:00"}


def ok(data: object, status: int = 200) -> StubReply:
    return json_reply({"status": "OK", "data": data}, status)


# ---------------------------------------------------------------------- reads


def test_appointments_with_states_sort_and_the_item_model(stub: StubServer) -> None:
    older = {key: value for key, value in ITEM.items() if key != "state"}
    older.update(id="bk-2", status="scheduled", no_show=None)  # an older answer's spelling
    stub.responder = lambda method, path, query, body: ok(
        {"appointments": [ITEM, older], "next_page": 2})
    with stub_client(stub) as client:
        page = client.list_appointments("b1", states=["scheduled", "done", "scheduled"],
                                        sort="start_at:ASC", page=3, per_page=500)
    first, second = page.appointments
    assert isinstance(first, Appointment)
    assert (first.client_name, first.state, first.no_show, first.staff_display_name) == \
        ("Ann Lee", "done", True, "Dr. Ramirez")
    assert (second.state, second.no_show) == ("scheduled", False)
    assert page.next_page == 2
    query = stub.requests[0][2]
    assert query["state"] == ["scheduled,done"]
    assert query["sort"] == ["start_at:ASC"]
    assert (query["page"], query["per_page"]) == (["3"], ["100"])


def test_one_appointment_and_a_missing_one(stub: StubServer) -> None:
    def answer(method: str, path: str, query: dict[str, list[str]], body: bytes) -> StubReply:
        if path == f"{APPOINTMENTS_PATH}/bk-1":
            return ok({"appointment": ITEM})
        return json_reply({"status": "Error", "error": "Booking not found",
                           "error_code": "NOT_FOUND"}, 404)

    stub.responder = answer
    with stub_client(stub) as client:
        assert client.get_appointment("bk-1").updated_at == datetime(2030, 5, 6, 15, 5,
                                                                     tzinfo=UTC)
        with pytest.raises(NotFoundError, match="that appointment"):
            client.get_appointment("bk/../x")
    assert stub.requests[1][1] == f"{APPOINTMENTS_PATH}/bk%2F..%2Fx"


def test_availability_sends_staff_as_a_comma_list_for_events_too(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: ok({"availabilities": {}})
    with stub_client(stub) as client:
        client.get_availability(business_id="b1", service_id="s1", start_date=date(2030, 5, 6),
                                end_date=date(2030, 5, 6), time_zone="UTC",
                                staff_ids=["st1", "st2"], kind="event")
        client.get_availability(business_id="b1", service_id="s1", start_date=date(2030, 5, 6),
                                end_date=date(2030, 5, 7), time_zone="UTC", staff_ids=["st1"],
                                booking_instance_id="bk-1")
        with pytest.raises(ValueError, match="comma"):
            client.get_availability(business_id="b1", service_id="s1",
                                    start_date=date(2030, 5, 6), end_date=date(2030, 5, 6),
                                    time_zone="UTC", staff_ids=["st1,st2"])
    event, reschedule = (request[2] for request in stub.requests)
    assert stub.paths() == [AVAILABILITY_PATH] * 2
    assert event["staff_ids_array"] == ["st1,st2"]
    assert "staff_ids_array[]" not in event
    assert event["type"] == ["event"]
    assert "booking_instance_id" not in event
    assert reschedule["staff_ids_array"] == ["st1"]
    assert reschedule["booking_instance_id"] == ["bk-1"]


# ---------------------------------------------------------------------- writes


def test_cancel_in_batches_of_fifty_with_a_message(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: ok({"booking": {"status": "cancelled"}})
    ids = [f"bk-{n}" for n in range(120)]
    with stub_client(stub) as client:
        client.cancel_bookings("b1", [*ids, "bk-0"], message="Dr. Ramirez is ill today.")
        client.cancel_bookings("b1", ["bk-solo"])
    bodies = stub.json_bodies(BUSINESS_CANCEL_PATH)
    assert [r[0] for r in stub.requests] == ["PUT"] * 4
    assert [len(b["booking_id"]) for b in bodies[:3]] == [MAX_IDS_PER_CALL, MAX_IDS_PER_CALL, 20]
    assert [one for b in bodies[:3] for one in b["booking_id"]] == ids  # in order, once each
    assert all(b["message"] == "Dr. Ramirez is ill today." for b in bodies[:3])
    assert bodies[3] == {"business_id": "b1", "booking_id": "bk-solo"}
    with stub_client(stub) as client, pytest.raises(ValueError, match="No booking"):
        client.cancel_bookings("b1", [])


def test_complete_and_no_show(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: ok({"booking": {"uid": "x",
                                                                       "status": "done"}}, 201)
    with stub_client(stub) as client:
        client.complete_bookings("b1", ["bk-1", "bk-2"])
        client.complete_bookings("b1", ["bk-3"], no_show=True, message="  ")
    assert stub.json_bodies(BUSINESS_COMPLETE_PATH) == [
        {"business_id": "b1", "booking_id": ["bk-1", "bk-2"], "mark_as_no_show": False},
        {"business_id": "b1", "booking_id": "bk-3", "mark_as_no_show": True}]


def test_reschedule_never_allows_double_booking(stub: StubServer) -> None:
    replies = iter([ok({}), json_reply({"status": "Error", "error": "The requested time slot "
                                        "is not available",
                                        "error_code": "TIMESLOT_UNAVAILABLE"}, 422)])
    stub.responder = lambda method, path, query, body: next(replies)
    with stub_client(stub) as client:
        client.reschedule_booking("b1", "bk-1", start_time=NEW_TIME, duration=45,
                                  notify_client=False, message="See you then")
        with pytest.raises(SlotTakenError):
            client.reschedule_booking("b1", "bk-1", start_time=NEW_TIME + timedelta(hours=1))
        with pytest.raises(ValueError, match="start_time"):
            client.reschedule_booking("b1", "bk-1", start_time=datetime(2030, 5, 7, 15))
    assert [(r[0], r[1]) for r in stub.requests] == \
        [("PUT", "/business/scheduling/v1/bookings/bk-1")] * 2
    first, second = stub.json_bodies("/business/scheduling/v1/bookings/bk-1")
    assert first == {"business_id": "b1", "booking_id": "bk-1",
                     "start_time": "2030-05-07T15:30:00+00:00", "duration": 45,
                     "notify_client": False, "message": "See you then",
                     "allow_double_booking": False}
    assert second["allow_double_booking"] is False
    assert second["notify_client"] is True


def test_accept_and_the_waitlist(stub: StubServer) -> None:
    def answer(method: str, path: str, query: dict[str, list[str]], body: bytes) -> StubReply:
        if path == WAITLIST_PATH and b"ei-open" in body:
            return json_reply({"status": "Error", "error": "Invalid event instance"}, 422)
        return ok({}, 201)

    stub.responder = answer
    with stub_client(stub) as client:
        client.accept_booking("b1", "bk-9")
        client.join_waitlist("b1", "ei-full", "c1")
        client.leave_waitlist("b1", "ei-full", "c1")
        with pytest.raises(ValidationError, match="Invalid event instance"):
            client.join_waitlist("b1", "ei-open", "c1")
    assert [(r[0], r[1]) for r in stub.requests] == [
        ("POST", BUSINESS_ACCEPT_PATH), ("POST", WAITLIST_PATH), ("PUT", WAITLIST_CANCEL_PATH),
        ("POST", WAITLIST_PATH)]
    assert stub.json_bodies(WAITLIST_CANCEL_PATH) == [
        {"business_id": "b1", "event_instance_id": "ei-full", "client_id": "c1"}]


@pytest.mark.parametrize("reply", [
    StubReply(drop=True),
    json_reply({"status": "Error", "error": "boom"}, 502),
    StubReply(200, b"<html>Welcome to the hotel wifi</html>"),
], ids=["dropped", "5xx", "unreadable 2xx"])
def test_desk_writes_are_in_doubt_and_sent_once(stub: StubServer, reply: StubReply) -> None:
    stub.responder = lambda method, path, query, body: reply
    sleeps = SleepRecorder()
    calls = [
        lambda c: c.cancel_bookings("b1", ["bk-1"]),
        lambda c: c.complete_bookings("b1", ["bk-1"], no_show=True),
        lambda c: c.reschedule_booking("b1", "bk-1", start_time=NEW_TIME),
        lambda c: c.accept_booking("b1", "bk-1"),
        lambda c: c.join_waitlist("b1", "ei-1", "c1"),
        lambda c: c.leave_waitlist("b1", "ei-1", "c1"),
    ]
    with stub_client(stub, sleeps) as client:
        for call in calls:
            with pytest.raises(InDoubtError):
                call(client)
    assert len(stub.requests) == len(calls)  # each sent once
    assert sleeps.calls == []


def test_a_rate_limited_desk_write_is_sent_again(stub: StubServer) -> None:
    replies = iter([json_reply({"status": "Error"}, 429, **{"Retry-After": "2"}), ok({})])
    stub.responder = lambda method, path, query, body: next(replies)
    sleeps = SleepRecorder()
    with stub_client(stub, sleeps) as client:
        client.cancel_bookings("b1", ["bk-1"])
    assert sleeps.calls == [2.0]
    assert len(stub.requests) == 2


def test_an_empty_success_answer_is_done(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: StubReply(204, b"")
    with stub_client(stub) as client:
        client.accept_booking("b1", "bk-1")
    stub.responder = lambda method, path, query, body: json_reply({"status": "OK"})
    with stub_client(stub) as client:
        client.accept_booking("b1", "bk-1")


def test_a_refused_connection_is_offline_after_three_tries(closed_port_url: str) -> None:
    sleeps = SleepRecorder()
    with BookingClient(closed_port_url, STUB_TOKEN, sleep=sleeps) as client, \
            pytest.raises(OfflineError):
        client.cancel_bookings("b1", ["bk-1"])
    assert len(sleeps.calls) == 2
