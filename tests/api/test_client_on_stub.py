"""Behaviours the sandbox cannot stage on demand, checked over real HTTP against a tiny stub
server: paging, headers, HTTP-date Retry-After, look-ups that fail, redirects."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from desktop.api.client import (
    APPOINTMENTS_PATH,
    BOOKINGS_PATH,
    CLIENTS_PATH,
    FORMS_FALLBACK_PATH,
    FORMS_PATH,
)
from desktop.api.errors import (
    AmbiguousResultError,
    InDoubtError,
    NotFoundError,
    OfflineError,
    ServerError,
)
from desktop.api.models import BookingRequest, FormData
from tests.api.helpers import (
    STUB_TOKEN,
    SleepRecorder,
    StubReply,
    StubServer,
    json_reply,
    new_client_form,
    stub_client,
)

START = datetime(2030, 5, 6, 14, 0, tzinfo=UTC)
BOOKING = {"id": "bk-1", "business_id": "b1", "client_id": "c1", "service_id": "s1",
           "staff_id": "st1", "start_time": START.isoformat(), "status": "scheduled",
           "type": "appointment"}


def ok(data: object, status: int = 200) -> StubReply:
    return json_reply({"status": "OK", "data": data}, status)


def request(**changes: object) -> BookingRequest:
    fields: dict[str, object] = {"business_id": "b1", "service_id": "s1", "staff_id": "st1",
                                 "start_time": START, "client_id": "c1"}
    fields.update(changes)
    return BookingRequest.model_validate(fields)


def test_services_walk_every_page(stub: StubServer) -> None:
    catalogue = [{"id": f"s{n}", "name": f"Service {n}"} for n in range(250)]

    def answer(method: str, path: str, query: dict[str, list[str]], body: bytes) -> StubReply:
        page, per_page = int(query["page"][0]), int(query["per_page"][0])
        chunk = catalogue[(page - 1) * per_page: page * per_page]
        following = page + 1 if page * per_page < len(catalogue) else None
        return ok({"services": chunk, "next_page": following})

    stub.responder = answer
    with stub_client(stub) as client:
        services = client.list_services("b1")
    assert [s.id for s in services] == [s["id"] for s in catalogue]
    assert [r[2]["per_page"] for r in stub.requests] == [["100"]] * 3
    assert [r[2]["page"] for r in stub.requests] == [["1"], ["2"], ["3"]]


def test_services_without_next_page_stop_at_a_short_or_repeated_page(stub: StubServer) -> None:
    same_page = {"services": [{"id": f"s{n}"} for n in range(100)]}  # ignores ``page``
    stub.responder = lambda method, path, query, body: ok(same_page)
    with stub_client(stub) as client:
        assert len(client.list_services("b1")) == 100
    assert len(stub.requests) == 2


def test_headers_idempotency_keys_and_token(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: (
        ok({"booking": BOOKING}, 201) if method == "POST" else ok({"business": {"id": "b1"}}))
    with stub_client(stub) as client:
        client.create_booking(request())
        client.create_booking(request())
        client.create_booking(request(), idempotency_key="draft-42")
        client.set_token("eyJuZXc.eyJ0b2tlbg.c2ln")
        client.get_business("b1")
    keys = [r[4]["idempotency-key"] for r in stub.requests[:3]]
    assert keys[0] != keys[1]
    assert keys[2] == "draft-42"
    assert stub.requests[0][4]["authorization"] == f"Bearer {STUB_TOKEN}"
    assert stub.requests[0][4]["content-type"] == "application/json"
    assert stub.requests[3][4]["authorization"] == "Bearer eyJuZXc.eyJ0b2tlbg.c2ln"
    sent = json.loads(stub.requests[0][3])
    assert sent["start_time"] == START.isoformat()
    assert sent["source_name"] == "front_desk"


def test_the_same_key_on_every_try_of_one_create(stub: StubServer) -> None:
    replies = iter([json_reply({"status": "Error", "error_code": "RATE_LIMITED"}, 429,
                               **{"Retry-After": "1"}),
                    ok({"booking": BOOKING}, 201)])
    stub.responder = lambda method, path, query, body: next(replies)
    with stub_client(stub) as client:
        client.create_booking(request())
    assert stub.requests[0][4]["idempotency-key"] == stub.requests[1][4]["idempotency-key"]


def test_retry_after_as_an_http_date(stub: StubServer) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=5), usegmt=True)
    replies = iter([json_reply({"status": "Error"}, 429, **{"Retry-After": when}),
                    ok({"business": {"id": "b1"}})])
    stub.responder = lambda method, path, query, body: next(replies)
    sleeps = SleepRecorder()
    with stub_client(stub, sleeps) as client:
        client.get_business("b1")
    assert len(sleeps.calls) == 1
    assert 3.5 <= sleeps.calls[0] <= 5.0


def test_a_lost_answer_is_in_doubt_without_a_look_up_or_a_resend(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: StubReply(drop=True)
    with stub_client(stub) as client, pytest.raises(InDoubtError) as caught:
        client.create_booking(request())
    assert not isinstance(caught.value, AmbiguousResultError)
    assert "Frontdesk checks before sending it again" in caught.value.message
    assert stub.paths() == [BOOKINGS_PATH]


def test_a_dropped_read_is_retried_then_says_the_connection_was_lost(stub: StubServer) -> None:
    """Accepted, then dropped before any answer: for a read that is not "offline"."""
    stub.responder = lambda method, path, query, body: StubReply(drop=True)
    sleeps = SleepRecorder()
    with stub_client(stub, sleeps) as client, pytest.raises(ServerError) as caught:
        client.get_business("b1")
    assert not isinstance(caught.value, OfflineError)
    assert "connection to the booking service was lost" in caught.value.message
    assert len(stub.requests) == 3
    assert len(sleeps.calls) == 2


def test_look_up_of_a_client_without_email_is_ambiguous(stub: StubServer) -> None:
    no_email = FormData(fields=[])
    with stub_client(stub) as client, pytest.raises(AmbiguousResultError, match="e-mail"):
        client.find_booking(request(client_id=None, form_data=no_email))
    assert stub.requests == []


def test_new_client_unknown_by_email_means_not_booked(stub: StubServer) -> None:
    def answer(method: str, path: str, query: dict[str, list[str]], body: bytes) -> StubReply:
        assert path == CLIENTS_PATH
        assert query["search_by"] == ["email"]
        assert query["search_term"] == ["new.person@example.com"]
        return ok({"clients": [{"id": "c9", "email": "someone.else@example.com"}]})

    stub.responder = answer
    with stub_client(stub) as client:
        assert client.find_booking(
            request(client_id=None, form_data=new_client_form("new.person@example.com"))) is None
    assert stub.paths() == [CLIENTS_PATH]


def test_a_client_without_email_is_nobodys_match(stub: StubServer) -> None:
    """Issue 15 #3: a search hit with no e-mail used to count as the new client, so someone
    else's booking at that time marked the draft "sent" and it was never booked."""
    stranger = {**BOOKING, "id": "bk-stranger", "client_id": "c-no-mail"}

    def answer(method: str, path: str, query: dict[str, list[str]], body: bytes) -> StubReply:
        if path == CLIENTS_PATH:
            return ok({"clients": [{"id": "c-no-mail", "first_name": "Someone"},
                                   {"id": "c-blank", "email": "  "}]})
        return ok({"appointments": [stranger], "next_page": None})

    stub.responder = answer
    with stub_client(stub) as client:
        assert client.find_booking(
            request(client_id=None, form_data=new_client_form("ann@example.com"))) is None
    assert APPOINTMENTS_PATH not in stub.paths()


def test_look_up_passes_over_cancelled_and_other_peoples_bookings(stub: StubServer) -> None:
    listed = [{**BOOKING, "id": "bk-cancelled", "status": "cancelled"},
              {**BOOKING, "id": "bk-cancelled-2", "state": "cancelled_by_client"},
              {**BOOKING, "id": "bk-other-client", "client_id": "c2"},
              {**BOOKING, "id": "bk-other-staff", "staff_id": "st2"},
              {**BOOKING, "id": "bk-other-service", "service_id": "s2"},
              {**BOOKING, "id": "bk-other-time", "start_time": "2030-05-06T14:10:00+00:00"}]
    stub.responder = lambda method, path, query, body: ok({"appointments": listed,
                                                           "next_page": None})
    with stub_client(stub) as client:
        assert client.find_booking(request()) is None
        stub.responder = lambda method, path, query, body: ok(
            {"appointments": [*listed, {**BOOKING, "state": "scheduled"}], "next_page": None})
        found = client.find_booking(request())
    assert found is not None
    assert (found.id, found.state) == ("bk-1", "scheduled")


def test_an_event_look_up_needs_the_same_session(stub: StubServer) -> None:
    other_session = {**BOOKING, "id": "bk-e2", "event_instance_id": "ei-2"}
    no_session = {**BOOKING, "id": "bk-e0"}
    stub.responder = lambda method, path, query, body: ok(
        {"appointments": [other_session, no_session], "next_page": None})
    registration = BookingRequest(business_id="b1", event_instance_id="ei-1", client_id="c1")
    with stub_client(stub) as client:
        assert client.find_booking(registration) is None
        stub.responder = lambda method, path, query, body: ok(
            {"appointments": [{**BOOKING, "event_instance_id": "ei-1"}], "next_page": None})
        assert client.find_booking(registration) is not None


def test_find_booking_walks_appointment_pages(stub: StubServer) -> None:
    def answer(method: str, path: str, query: dict[str, list[str]], body: bytes) -> StubReply:
        assert query["client_id"] == ["c1"]
        if query["page"] == ["1"]:
            return ok({"appointments": [{**BOOKING, "id": "bk-0",
                                         "start_time": "2030-05-05T10:00:00+00:00"}],
                       "next_page": 2})
        # the same instant written in another zone still matches
        return ok({"appointments": [{**BOOKING, "start_time": "2030-05-06T10:00:00-04:00"}],
                   "next_page": None})

    stub.responder = answer
    with stub_client(stub) as client:
        found = client.find_booking(request())
    assert found is not None
    assert found.id == "bk-1"


def test_scheduling_form_falls_back_to_the_vendor_path(stub: StubServer) -> None:
    def answer(method: str, path: str, query: dict[str, list[str]], body: bytes) -> StubReply:
        if path == FORMS_PATH:
            return json_reply({"status": "Error", "error_code": "NOT_FOUND"}, 404)
        return ok({"type": "scheduling", "title": "Vendor form", "sections": []})

    stub.responder = answer
    with stub_client(stub) as client:
        assert client.get_scheduling_form("b1", "s1").title == "Vendor form"
    assert [r[1] for r in stub.requests] == [FORMS_PATH, FORMS_FALLBACK_PATH]
    assert stub.requests[1][2]["service_uid"] == ["s1"]


def test_redirects_are_not_followed(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: StubReply(
        302, b"", {"Location": "http://evil.example/steal"})
    with stub_client(stub) as client, pytest.raises(ServerError, match="unexpected answer"):
        client.get_business("b1")
    assert len(stub.requests) == 1


def test_unknown_keys_and_other_spellings_are_accepted(stub: StubServer) -> None:
    staff = [{"id": 7, "firstname": "Ada", "lastname": "King", "shoe": 42}]
    stub.responder = lambda method, path, query, body: ok({"staff": staff})
    with stub_client(stub) as client:
        member = client.list_staff("b1")[0]
    assert (member.id, member.first_name, member.last_name) == ("7", "Ada", "King")
    assert member.model_extra == {"shoe": 42}


def test_log_lines_have_no_query_string(stub: StubServer,
                                        caplog: pytest.LogCaptureFixture) -> None:
    stub.responder = lambda method, path, query, body: ok({"clients": []})
    caplog.set_level(logging.INFO, logger="desktop.api")
    with stub_client(stub) as client:
        client.search_clients("b1", "ann@example.com", search_by="email")
    lines = [r.getMessage() for r in caplog.records if r.name == "desktop.api"]
    assert len(lines) == 1
    assert lines[0].startswith(f"GET {CLIENTS_PATH} 200 ")
    assert lines[0].endswith(" ms")
    assert "ann@example.com" not in lines[0]


def test_an_unknown_business_on_the_stub_is_not_found(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: json_reply(
        {"status": "Error", "error": "Business not found", "error_code": "NOT_FOUND"}, 404)
    with stub_client(stub) as client, pytest.raises(NotFoundError):
        client.get_business("zz")
