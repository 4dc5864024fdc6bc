"""Whatever a server answers, every call returns its model or raises an ApiError: never a crash.

A real HTTP stub answers each request with a hypothesis-generated status, Retry-After and body:
arbitrary JSON values, values inside the API's envelope (under the key the call expects), or
raw bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.api.client import BookingClient
from desktop.api.errors import ApiError
from desktop.api.models import BookingRequest
from tests.api.helpers import StubReply, StubServer, new_client_form

KEYS = ["business", "services", "staff", "availabilities", "event_instance", "appointments",
        "appointment", "state", "no_show", "updated_at",
        "clients", "booking", "next_page", "sections", "form", "id", "start_time", "status",
        "2030-01-01", "email", "event_instance_id", "staff_id"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.sampled_from(["2030-01-01T10:00:00+00:00", "2030-01-01",
                                               "c1", "scheduled", "1"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=5),
    max_leaves=25,
)


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    shape = draw(st.sampled_from(["value", "envelope", "keyed", "error", "bytes"]))
    if shape == "bytes":
        return draw(st.binary(max_size=200))
    if shape == "value":
        value: Any = draw(json_values)
    elif shape == "envelope":
        value = {"status": draw(st.sampled_from(["OK", "Error", "Failure", None])),
                 "data": draw(json_values)}
    elif shape == "keyed":
        value = {"status": "OK", "data": draw(st.dictionaries(st.sampled_from(KEYS), json_values,
                                                              min_size=1, max_size=4))}
    else:
        value = draw(st.dictionaries(
            st.sampled_from(["status", "error", "error_code", "message", "field", "errors",
                             "success", "param"]), json_values, max_size=5))
    return json.dumps(value).encode()


replies = st.builds(
    StubReply,
    status=st.sampled_from([200, 201, 204, 301, 400, 401, 403, 404, 409, 418, 422, 429, 500,
                            503]),
    body=bodies(),
    headers=st.one_of(st.just({}), st.builds(
        lambda v: {"Retry-After": v},
        st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30))),
    drop=st.integers(0, 9).map(lambda n: n == 0),  # now and then, a lost answer
)

START = datetime(2030, 1, 1, 10, tzinfo=UTC)


def calls(client: BookingClient) -> list[Callable[[], object]]:
    appointment = BookingRequest(business_id="b1", service_id="s1", staff_id="st1",
                                 start_time=START, client_id="c1")
    newcomer = BookingRequest(business_id="b1", event_instance_id="e1",
                              form_data=new_client_form("ann@example.com"))
    return [
        lambda: client.get_business("b1"),
        lambda: client.list_services("b1"),
        lambda: client.list_staff("b1"),
        lambda: client.get_availability(business_id="b1", service_id="s1",
                                        start_date=date(2030, 1, 1), end_date=date(2030, 1, 2),
                                        time_zone="UTC", staff_ids=["st1"]),
        lambda: client.get_event_instance("e1"),
        lambda: client.list_appointments("b1"),
        lambda: client.search_clients("b1", "ann"),
        lambda: client.get_scheduling_form("b1", "s1"),
        lambda: client.create_booking(appointment),
        lambda: client.create_booking(newcomer),
        lambda: client.find_booking(appointment),
        lambda: client.cancel_booking("b1", "bk1"),
        lambda: client.get_appointment("bk1"),
        lambda: client.list_appointments("b1", states=["scheduled"], sort="updated:DESC"),
        lambda: client.cancel_bookings("b1", ["bk1", "bk2"], message="Sorry"),
        lambda: client.complete_bookings("b1", ["bk1"], no_show=True),
        lambda: client.reschedule_booking("b1", "bk1", start_time=START),
        lambda: client.accept_booking("b1", "bk1"),
        lambda: client.join_waitlist("b1", "e1", "c1"),
        lambda: client.leave_waitlist("b1", "e1", "c1"),
    ]


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answers=st.lists(replies, min_size=1, max_size=6))
def test_any_answer_is_a_model_or_an_api_error(stub_server: StubServer,
                                               answers: list[StubReply]) -> None:
    stub_server.reset()
    counter = iter(range(10**9))
    stub_server.responder = lambda method, path, query, body: answers[next(counter) % len(answers)]
    with BookingClient(stub_server.url, "eyJh.eyJi.c", sleep=lambda _: None) as client:
        failures: list[ApiError] = []
        for call in calls(client):
            try:
                call()
            except ApiError as error:  # anything else fails the test
                failures.append(error)
    for failure in failures:
        assert failure.message.endswith((".", "?", "!", "…"))
        assert "eyJh.eyJi.c" not in str(failure)
