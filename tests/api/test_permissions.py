"""A 403 is a genuine token without a right: PermissionDeniedError naming the refused action
in the receptionist's words, never an AuthError (which would ask to sign in again)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from desktop import i18n
from desktop.api.client import BookingClient
from desktop.api.errors import AuthError, PermissionDeniedError
from desktop.api.models import BookingRequest
from desktop.auth.messages import sign_in_failure
from tests.api.helpers import STUB_TOKEN, SleepRecorder, StubServer, json_reply

START = datetime(2030, 5, 6, 14, 0, tzinfo=UTC)

CALLS: list[tuple[str, Callable[[BookingClient], object]]] = [
    ("search clients", lambda c: c.search_clients("b1", "ann")),
    ("see the appointments", lambda c: c.list_appointments("b1")),
    ("see the appointments", lambda c: c.get_appointment("bk-1")),
    ("see open times", lambda c: c.get_availability(
        business_id="b1", service_id="s1", start_date=date(2030, 5, 6),
        end_date=date(2030, 5, 6), time_zone="UTC", staff_ids=["st1"])),
    ("see the services", lambda c: c.list_services("b1")),
    ("see the staff list", lambda c: c.list_staff("b1")),
    ("read the booking forms", lambda c: c.get_scheduling_form("b1", "s1")),
    ("make bookings", lambda c: c.create_booking(BookingRequest(
        business_id="b1", service_id="s1", staff_id="st1", start_time=START, client_id="c1"))),
    ("cancel bookings", lambda c: c.cancel_bookings("b1", ["bk-1"])),
    ("mark bookings as completed", lambda c: c.complete_bookings("b1", ["bk-1"])),
    ("mark no-shows", lambda c: c.complete_bookings("b1", ["bk-1"], no_show=True)),
    ("reschedule bookings", lambda c: c.reschedule_booking("b1", "bk-1", start_time=START)),
    ("accept booking requests", lambda c: c.accept_booking("b1", "bk-1")),
    ("put clients on a waitlist", lambda c: c.join_waitlist("b1", "ei-1", "c1")),
    ("take clients off a waitlist", lambda c: c.leave_waitlist("b1", "ei-1", "c1")),
]


@pytest.mark.parametrize(("action", "call"), CALLS, ids=[f"{n}-{a}" for n, (a, _) in
                                                         enumerate(CALLS)])
def test_a_403_names_what_this_account_may_not_do(stub: StubServer, action: str,
                                                  call: Callable[[BookingClient], object]
                                                  ) -> None:
    stub.responder = lambda method, path, query, body: json_reply(
        {"status": "Error", "error": "Forbidden", "error_code": "FORBIDDEN"}, 403)
    sleeps = SleepRecorder()
    with BookingClient(stub.url, STUB_TOKEN, sleep=sleeps) as client, \
            pytest.raises(PermissionDeniedError) as caught:
        call(client)
    error = caught.value
    assert not isinstance(error, AuthError)
    assert (error.status, error.action) == (403, action)
    assert error.message == (f"This account is not allowed to {action}. "
                             "Ask the business owner to give it that right.")
    assert len(stub.requests) == 1  # never retried
    assert sleeps.calls == []


def test_the_sentence_goes_through_translate(stub: StubServer) -> None:
    german = {"search clients": "Kunden suchen",
              "This account is not allowed to {action}. Ask the business owner to give it "
              "that right.": "Dieses Konto darf nicht {action}. Bitten Sie den Inhaber um "
                             "dieses Recht."}
    stub.responder = lambda method, path, query, body: json_reply({}, 403)
    i18n.install(lambda context, text: german.get(text, text))
    try:
        with BookingClient(stub.url, STUB_TOKEN) as client, \
                pytest.raises(PermissionDeniedError) as caught:
            client.search_clients("b1", "ann")
    finally:
        i18n.install(None)
    assert caught.value.message == ("Dieses Konto darf nicht Kunden suchen. Bitten Sie den "
                                    "Inhaber um dieses Recht.")
    assert caught.value.action == "Kunden suchen"


def test_sign_in_still_says_the_token_is_of_another_business(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: json_reply(
        {"status": "Error", "error": "Forbidden"}, 403)
    with BookingClient(stub.url, STUB_TOKEN) as client, \
            pytest.raises(PermissionDeniedError) as caught:
        client.get_business("b1")
    assert caught.value.action == "open this business"
    text = sign_in_failure(caught.value, api_url=stub.url, business_id="b1")
    assert text.startswith("This staff token belongs to another business.")
