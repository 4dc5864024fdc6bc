"""Hypothesis fuzzing of every response model, through the booking client's own parsing over
real HTTP (a tiny local server answers each call with a generated body), and of the envelope
and error parsing in desktop/api/responses.py. Whatever comes back, a call gives its model(s)
or raises an ``ApiError`` whose message is a sentence; a scheduling form that parses gives a
``FormDefinition`` or a ``FormDefinitionError``. Nothing else, ever.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from desktop.api.client import BookingClient
from desktop.api.errors import ApiError
from desktop.api.models import (
    AppointmentsPage,
    Booking,
    BookingRequest,
    Business,
    Client,
    ClientsPage,
    EventInstance,
    SchedulingForm,
    Service,
    Slot,
    Staff,
)
from desktop.api.responses import envelope_data, error_from_response
from desktop.forms import FormDefinition, FormDefinitionError, parse_definition
from tests.drills.conftest import SCALES, DrillLog, Scale
from tests.drills.fuzz_values import json_values, model_values

# Hypothesis warns about the repr of the (large) generated model strategies; harmless.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkcmlsbCJ9.c2lnbmF0dXJl"
CLINIC = ZoneInfo("America/New_York")
EMPTY = {"status": "OK", "data": {"appointments": [], "clients": [], "next_page": None}}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else the body waits ~40 ms for a delayed ACK
    server: _Server

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._answer()

    def _answer(self) -> None:
        path = self.path.split("?", 1)[0]
        status, body = self.server.reply if path.startswith(self.server.prefix) \
            else (200, json.dumps(EMPTY).encode())
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    #: The answer to calls under ``prefix``; any other path gets an empty valid page (the
    #: client's look-up after an unreadable booking answer).
    reply: tuple[int, bytes] = (200, b"{}")
    prefix = "/"


@pytest.fixture(scope="module")
def fuzz_server() -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@dataclass(frozen=True)
class Target:
    """A model, the call that reads it, and where its value sits in ``data``."""

    model: type[BaseModel]
    prefix: str
    call: Callable[[BookingClient], Any]
    wrap: Callable[[Any], Any]


START = datetime(2030, 1, 1, 10, tzinfo=UTC)
REQUEST = BookingRequest(business_id="b1", service_id="s1", staff_id="st1", start_time=START,
                         client_id="c1")
TARGETS = [
    Target(Business, "/platform/v1/businesses/", lambda c: c.get_business("b1"),
           lambda v: {"business": v}),
    Target(Service, "/platform/v1/services", lambda c: c.list_services("b1"),
           lambda v: {"services": [v], "next_page": None}),
    Target(Staff, "/platform/v1/businesses/", lambda c: c.list_staff("b1"),
           lambda v: {"staff": [v, v]}),
    Target(Slot, "/platform/v1/staff/availability", lambda c: c.get_availability(
        business_id="b1", service_id="s1", start_date=date(2030, 1, 1),
        end_date=date(2030, 1, 2), time_zone="UTC", staff_ids=["st1"]),
           lambda v: {"availabilities": {"2030-01-01": [v]}}),
    Target(EventInstance, "/platform/v1/scheduling/event_instance/",
           lambda c: c.get_event_instance("e1"), lambda v: {"event_instance": v}),
    Target(Client, "/platform/v1/clients", lambda c: c.search_clients("b1", "ann"),
           lambda v: {"clients": [v]}),
    Target(Booking, "/platform/v1/scheduling/bookings", lambda c: c.create_booking(REQUEST),
           lambda v: {"booking": v}),
    Target(AppointmentsPage, "/platform/v1/scheduling/appointments",
           lambda c: c.list_appointments("b1"), lambda v: v),
    Target(ClientsPage, "/platform/v1/clients", lambda c: c.search_clients("b1", "ann"),
           lambda v: v),
    Target(SchedulingForm, "/platform/v1/forms", lambda c: c.get_scheduling_form("b1", "s1"),
           lambda v: {"form": v}),
]


def _usable(value: Any) -> None:
    """What the window does with a model it was given must work too."""
    if isinstance(value, dict | list):
        for inner in value.values() if isinstance(value, dict) else value:
            _usable(inner)
        return
    item = value
    assert isinstance(item, BaseModel)
    declared = type(item).model_fields  # extras are kept as sent, whatever they are
    for name in ("id", "client_id", "staff_id", "service_id", "event_instance_id"):
        ident = getattr(item, name) if name in declared else None
        assert ident is None or isinstance(ident, str)
    for name in ("label", "full_name", "is_event", "is_full", "needs_meeting_details"):
        getattr(item, name, None)
    start = getattr(item, "start_time", None)
    if isinstance(start, datetime):
        start.astimezone(CLINIC)  # the slot picker and summaries show it in the clinic
    if isinstance(item, SchedulingForm):
        parsed: FormDefinition | FormDefinitionError
        try:
            parsed = parse_definition(item)
        except FormDefinitionError as problem:
            parsed = problem
        assert isinstance(parsed, FormDefinition) or str(parsed)
    for inner in ("appointments", "clients"):
        _usable(getattr(item, inner, []))


def _answer_strategy(target: Target) -> st.SearchStrategy[tuple[int, bytes]]:
    value = model_values(target.model)
    enveloped = st.builds(lambda v, s: {"status": s, "data": target.wrap(v)}, value,
                          st.sampled_from(["OK"] * 6 + ["ok", None, "Error"]))
    unwrapped = st.builds(lambda v: {"status": "OK", "data": v}, value)
    body = st.one_of(*([enveloped] * 8), unwrapped, json_values).map(
        lambda v: json.dumps(v).encode())
    return st.tuples(st.sampled_from([200] * 10 + [201, 422, 500]),
                     st.one_of(*([body] * 12), st.binary(max_size=60)))


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.model.__name__)
def test_any_answer_gives_the_model_or_an_api_error(
        target: Target, scale: Scale, fuzz_server: _Server, drill_log: DrillLog) -> None:
    seen: Counter[str] = Counter()
    fuzz_server.prefix = target.prefix
    url = f"http://127.0.0.1:{fuzz_server.server_address[1]}"
    with BookingClient(url, TOKEN, max_tries=1, sleep=lambda _s: None) as client:

        @settings(max_examples=scale.examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(answer=_answer_strategy(target))
        def check(answer: tuple[int, bytes]) -> None:
            fuzz_server.reply = answer
            result.injected += 1
            failure: ApiError | None = None
            try:
                value = target.call(client)
            except ApiError as error:
                failure = error
            if failure is not None:
                assert failure.message.strip().endswith((".", "!", "?", "…")), failure.message
                assert TOKEN not in str(failure)
                seen["api error"] += 1
                return
            _usable(value)
            seen["model"] += 1

        with drill_log.measure(f"fuzz: {target.model.__name__} answers", scale,
                               seen) as result:
            check()
    assert seen["model"] >= scale.examples // 100, "the fuzzer should reach valid models too"


@pytest.mark.parametrize("scale", SCALES)
def test_envelopes_and_error_bodies_parse_or_give_a_typed_error(
        scale: Scale, drill_log: DrillLog) -> None:
    seen: Counter[str] = Counter()
    error_keys = st.sampled_from(["status", "error", "error_code", "message", "code", "field",
                                  "errors", "success", "param", "data"])
    bodies = st.one_of(
        st.binary(max_size=80),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.dictionaries(error_keys, json_values, max_size=5).map(
            lambda v: json.dumps(v).encode()),
        st.just(b'{"a":' * 5000),  # absurd nesting
    )

    @settings(max_examples=scale.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(status=st.integers(100, 599), body=bodies,
           retry_after=st.none() | st.text(max_size=30) | st.sampled_from(
               ["1", "-5", "1e400", "nan", "Wed, 21 Oct 2015 07:28:00 GMT"]))
    def check(status: int, body: bytes, retry_after: str | None) -> None:
        result.injected += 1
        headers = {} if retry_after is None else {"retry-after": retry_after}
        error = error_from_response(status, body, headers)
        assert isinstance(error, ApiError)
        assert error.message.strip().endswith((".", "!", "?", "…"))
        outcome: dict[str, Any] | ApiError
        try:
            outcome = envelope_data(body, status)
        except ApiError as refused:
            outcome = refused
        if isinstance(outcome, ApiError):
            assert outcome.message.strip()
            seen["typed error"] += 1
        else:
            assert isinstance(outcome, dict)
            seen["data"] += 1

    with drill_log.measure("fuzz: envelopes and error bodies", scale, seen) as result:
        check()
