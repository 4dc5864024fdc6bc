"""The booking client under the sandbox's faults: retries, Retry-After, lost answers, offline,
expired tokens, broken answers; and the token never leaks."""

from __future__ import annotations

import contextlib
import logging
import socket
import time
import traceback
from collections.abc import Iterator
from datetime import timedelta

import pytest

from desktop.api.client import APPOINTMENTS_PATH, BOOKINGS_PATH, BookingClient
from desktop.api.constants import RETRY_AFTER_MAX, Timeouts
from desktop.api.errors import (
    ApiError,
    AuthError,
    InDoubtError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    RequestCancelledError,
    ServerError,
    SlotTakenError,
    ValidationError,
)
from desktop.api.models import Appointment, BookingRequest
from desktop.sandbox.server import SandboxServer
from tests.api.helpers import (
    RequestLog,
    SleepRecorder,
    appointment_request,
    new_client_form,
    open_slots,
    tomorrow_in_clinic,
)
from tests.helpers.sample import CLINIC_ZONE, KNOWN_CLIENT, SAMPLE_STAFF, YOGA

BUSINESS_PATH_PREFIX = "/platform/v1/businesses/"


def bookings_at(sandbox: SandboxServer, request: BookingRequest) -> list[dict[str, object]]:
    """Live bookings the sandbox really holds for the slot (or event) of ``request``."""
    found = []
    for booking in sandbox.state.bookings():
        if booking["status"] != "scheduled":
            continue
        if request.event_instance_id:
            if booking["event_instance_id"] == request.event_instance_id \
                    and booking["client_id"] == request.client_id:
                found.append(booking)
        elif booking["staff_id"] == request.staff_id and request.start_time is not None \
                and booking["start_time"] == request.start_time.isoformat():
            found.append(booking)
    return found


# ---------------------------------------------------------------------- reads retry


def test_a_5xx_read_is_retried_until_it_works(client: BookingClient, sandbox: SandboxServer,
                                              sleeps: SleepRecorder, sent: RequestLog) -> None:
    sandbox.faults.update(error_rate=1.0, error_status=503)
    sleeps.hook = lambda _: sandbox.faults.update(error_rate=0.0)
    assert client.get_business(sandbox.business_id).id == sandbox.business_id
    assert sent.count("GET", BUSINESS_PATH_PREFIX + sandbox.business_id) == 2
    assert len(sleeps.calls) == 1
    assert 0 < sleeps.calls[0] <= 0.5


def test_a_read_gives_up_after_three_tries(client: BookingClient, sandbox: SandboxServer,
                                           sleeps: SleepRecorder, sent: RequestLog) -> None:
    sandbox.faults.update(error_rate=1.0, error_status=502)
    with pytest.raises(ServerError) as caught:
        client.list_staff(sandbox.business_id)
    assert caught.value.status == 502
    assert "error 502" in caught.value.message
    assert len(sent.lines) == 3
    assert len(sleeps.calls) == 2
    assert sleeps.calls[1] > sleeps.calls[0] * 0.99  # backoff does not shrink


def test_retry_after_is_honoured(client: BookingClient, sandbox: SandboxServer,
                                 sleeps: SleepRecorder, sent: RequestLog) -> None:
    sandbox.faults.update(rate_limit=1, rate_limit_retry_after=2)
    assert client.list_services(sandbox.business_id)
    assert sleeps.calls == [2.0]
    assert len(sent.lines) == 2


def test_retry_after_is_capped(client: BookingClient, sandbox: SandboxServer,
                               sleeps: SleepRecorder) -> None:
    sandbox.faults.update(rate_limit=1, rate_limit_retry_after=3600)
    client.get_business(sandbox.business_id)
    assert sleeps.calls == [RETRY_AFTER_MAX]


def test_rate_limited_for_good(client: BookingClient, sandbox: SandboxServer,
                               sleeps: SleepRecorder) -> None:
    sandbox.faults.update(rate_limit=10, rate_limit_retry_after=4)
    with pytest.raises(RateLimitedError) as caught:
        client.get_business(sandbox.business_id)
    assert caught.value.retry_after == 4
    assert sleeps.calls == [4.0, 4.0]


def test_retry_after_with_real_sleep(sandbox: SandboxServer) -> None:
    sandbox.faults.update(rate_limit=1, rate_limit_retry_after=1)
    with BookingClient(sandbox.url, sandbox.staff_token()) as client:
        started = time.monotonic()
        client.get_business(sandbox.business_id)
        assert 1.0 <= time.monotonic() - started < 3.0


def test_cancel_stops_a_backoff_wait(sandbox: SandboxServer) -> None:
    """A real sleep and a real clock: Cancel pressed 0.2 s into a 20 s wait ends it."""
    sandbox.faults.update(rate_limit=1, rate_limit_retry_after=20)
    deadline = time.monotonic() + 0.2
    with BookingClient(sandbox.url, sandbox.staff_token()) as client:
        started = time.monotonic()
        with pytest.raises(RequestCancelledError) as caught:
            client.get_business(sandbox.business_id, cancel=lambda: time.monotonic() > deadline)
    assert time.monotonic() - started < 1.0
    assert caught.value.message == "The request was cancelled."


def test_a_cut_answer_is_read_again(client: BookingClient, sandbox: SandboxServer,
                                    sent: RequestLog) -> None:
    sandbox.faults.update(truncated_body=1)
    assert len(client.list_staff(sandbox.business_id)) == 4
    assert len(sent.lines) == 2


def test_a_garbage_answer_is_a_server_error(client: BookingClient,
                                            sandbox: SandboxServer) -> None:
    sandbox.faults.update(garbage_body=1)
    with pytest.raises(ServerError, match="could not read"):
        client.get_business(sandbox.business_id)
    assert client.get_business(sandbox.business_id).id == sandbox.business_id


def test_a_slow_read_times_out_without_retry(sandbox: SandboxServer, sent: RequestLog) -> None:
    sandbox.faults.update(latency_ms=600)
    with BookingClient(sandbox.url, sandbox.staff_token(),
                       timeouts=Timeouts(read=0.2)) as client:
        started = time.monotonic()
        with pytest.raises(ServerError, match=r"did not answer within 0\.2 seconds"):
            client.get_business(sandbox.business_id)
    assert time.monotonic() - started < 0.6
    assert len(sent.lines) == 1


# ---------------------------------------------------------------------- offline, auth


def test_offline_is_known_fast(closed_port_url: str, sent: RequestLog) -> None:
    with BookingClient(closed_port_url, "eyJa.eyJb.c") as client:
        started = time.monotonic()
        with pytest.raises(OfflineError) as caught:
            client.get_business("any")
        elapsed = time.monotonic() - started
        assert elapsed < 1.0  # a correctness bound: three refused connects, short backoff
        assert len(sent.lines) == 3
        assert caught.value.retryable
        assert caught.value.message == ("Frontdesk cannot reach the booking service. "
                                        "Please check the internet connection.")
        request = BookingRequest(business_id="b", event_instance_id="e", client_id="c")
        started = time.monotonic()
        with pytest.raises(OfflineError):
            client.create_booking(request)
        assert time.monotonic() - started < 1.0


@pytest.fixture
def silent_port_url() -> Iterator[str]:
    """A loopback port whose accept queue is full: a connect there times out (SYNs dropped)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    yield f"http://127.0.0.1:{port}"
    for filler in fillers:
        filler.close()
    listener.close()


def test_a_connect_timeout_is_offline_for_reads_and_writes(silent_port_url: str,
                                                           sent: RequestLog) -> None:
    with BookingClient(silent_port_url, "eyJa.eyJb.c", timeouts=Timeouts(connect=0.2),
                       sleep=lambda _: None) as client:
        with pytest.raises(OfflineError):
            client.get_business("any")
        with pytest.raises(OfflineError):  # nothing reached the server: tried again, 3 times
            client.cancel_bookings("b", ["bk-1"])
    assert len(sent.lines) == 6
    assert all("failed (ConnectTimeout)" in line for line in sent.lines)


def test_a_name_that_does_not_resolve_is_offline(sent: RequestLog) -> None:
    with BookingClient("https://frontdesk-no-such-host.invalid", "eyJa.eyJb.c",
                       sleep=lambda _: None) as client, pytest.raises(OfflineError):
        client.create_booking(BookingRequest(business_id="b", event_instance_id="e",
                                             client_id="c"))
    assert len(sent.lines) == 3
    assert all("failed (ConnectError)" in line for line in sent.lines)


def test_refused_connections_then_back(client: BookingClient, sandbox: SandboxServer,
                                       sleeps: SleepRecorder) -> None:
    client.get_business(sandbox.business_id)  # a kept-alive connection exists
    sandbox.faults.update(refuse_connections=True)
    with pytest.raises(OfflineError):
        client.get_business(sandbox.business_id)
    sleeps.hook = lambda _: sandbox.faults.update(refuse_connections=False)
    sandbox.faults.update(refuse_connections=True)
    assert client.get_business(sandbox.business_id).id == sandbox.business_id


def test_every_401_shape_is_an_auth_error(client: BookingClient, sandbox: SandboxServer,
                                          sent: RequestLog, sleeps: SleepRecorder) -> None:
    sandbox.faults.update(expire_tokens=True)
    for _ in range(3):  # the sandbox rotates through the API's three 401 bodies
        with pytest.raises(AuthError) as caught:
            client.get_business(sandbox.business_id)
        assert caught.value.status == 401
        assert "sign in again" in caught.value.message
    assert len(sent.lines) == 3  # never retried
    assert sleeps.calls == []


def test_an_expired_token_then_a_new_one(sandbox: SandboxServer) -> None:
    with BookingClient(sandbox.url, sandbox.staff_token(expires_in=-10)) as client:
        with pytest.raises(AuthError):
            client.get_business(sandbox.business_id)
        client.set_token(sandbox.staff_token())
        assert client.get_business(sandbox.business_id).id == sandbox.business_id


def test_a_token_that_cannot_be_sent_is_refused_without_echo() -> None:
    with pytest.raises(AuthError) as caught:
        BookingClient("http://127.0.0.1:9", "eyJsecret\nInjected: yes")
    assert "eyJsecret" not in str(caught.value)


# ---------------------------------------------------------------------- creating exactly once
# A booking that may have reached the server is never sent again inside the call: it is in
# doubt, and the outbox's later look-up (find_booking) says whether it was made.


def wait_for_bookings(sandbox: SandboxServer, request: BookingRequest, count: int,
                      timeout: float = 5.0) -> list[dict[str, object]]:
    """The live bookings of ``request`` once there are ``count`` (the server may still be
    committing after the client gave up waiting for its answer)."""
    deadline = time.monotonic() + timeout
    found = bookings_at(sandbox, request)
    while len(found) < count and time.monotonic() < deadline:
        time.sleep(0.02)
        found = bookings_at(sandbox, request)
    return found


def test_lost_answer_after_commit_is_in_doubt_and_found_later(
        client: BookingClient, sandbox: SandboxServer, sent: RequestLog) -> None:
    slot = open_slots(client, sandbox)[0]
    request = appointment_request(sandbox.business_id, slot)
    sandbox.faults.update(drop_after_commit=1)
    with pytest.raises(InDoubtError) as caught:
        client.create_booking(request)
    assert "connection was lost" in caught.value.message
    assert sent.count("POST", BOOKINGS_PATH) == 1
    assert sent.count("GET", APPOINTMENTS_PATH) == 0  # no look-up inside the call
    stored = bookings_at(sandbox, request)
    assert len(stored) == 1
    found = client.find_booking(request)  # what the outbox does after the grace period
    assert found is not None
    assert found.id == stored[0]["id"]
    assert isinstance(found, Appointment)


def test_lost_answer_for_a_new_client_is_found_by_email(client: BookingClient,
                                                        sandbox: SandboxServer,
                                                        sent: RequestLog) -> None:
    slot = open_slots(client, sandbox)[0]
    request = appointment_request(sandbox.business_id, slot, client_id=None,
                                  form_data=new_client_form("lost.answer@example.com"))
    sandbox.faults.update(drop_after_commit=1)
    with pytest.raises(InDoubtError):
        client.create_booking(request)
    found = client.find_booking(request)
    assert found is not None
    assert [b["id"] for b in bookings_at(sandbox, request)] == [found.id]
    assert sent.count("GET", "/platform/v1/clients") == 1
    assert sent.count("POST", BOOKINGS_PATH) == 1


def test_lost_answer_of_an_event_registration(client: BookingClient, sandbox: SandboxServer,
                                              sent: RequestLog) -> None:
    first = tomorrow_in_clinic()
    days = client.get_availability(business_id=sandbox.business_id, service_id=YOGA,
                                   start_date=first, end_date=first + timedelta(days=20),
                                   time_zone=CLINIC_ZONE, staff_ids=SAMPLE_STAFF, kind="event")
    instance = next(slot for day in sorted(days) for slot in days[day] if not slot.is_full)
    request = BookingRequest(business_id=sandbox.business_id, client_id=KNOWN_CLIENT,
                             event_instance_id=instance.event_instance_id)
    sandbox.faults.update(drop_after_commit=1)
    with pytest.raises(InDoubtError):
        client.create_booking(request)
    found = client.find_booking(request)
    assert found is not None
    assert found.event_instance_id == instance.event_instance_id
    assert [b["id"] for b in bookings_at(sandbox, request)] == [found.id]
    assert sent.count("POST", BOOKINGS_PATH) == 1


def test_a_cut_create_answer_is_in_doubt(client: BookingClient, sandbox: SandboxServer,
                                         sent: RequestLog) -> None:
    slot = open_slots(client, sandbox)[0]
    request = appointment_request(sandbox.business_id, slot)
    sandbox.faults.update(truncated_body=1, paths=[BOOKINGS_PATH])
    with pytest.raises(InDoubtError):
        client.create_booking(request)
    assert sent.count("POST", BOOKINGS_PATH) == 1
    found = client.find_booking(request)
    assert found is not None
    assert [b["id"] for b in bookings_at(sandbox, request)] == [found.id]


def test_a_5xx_on_create_is_in_doubt_and_not_sent_again(
        client: BookingClient, sandbox: SandboxServer, sleeps: SleepRecorder,
        sent: RequestLog) -> None:
    slot = open_slots(client, sandbox)[0]
    request = appointment_request(sandbox.business_id, slot)
    sandbox.faults.update(error_rate=1.0, error_status=500, paths=[BOOKINGS_PATH])
    with pytest.raises(InDoubtError) as caught:
        client.create_booking(request)
    assert caught.value.status == 500
    assert "error 500" in caught.value.message
    assert sent.count("POST", BOOKINGS_PATH) == 1
    assert sleeps.calls == []
    sandbox.faults.reset()
    assert client.find_booking(request) is None  # not made: the outbox may now send it


def test_a_garbage_create_answer_is_in_doubt(client: BookingClient, sandbox: SandboxServer,
                                             sent: RequestLog) -> None:
    slot = open_slots(client, sandbox)[0]
    request = appointment_request(sandbox.business_id, slot)
    sandbox.faults.update(garbage_body=1, paths=[BOOKINGS_PATH])
    with pytest.raises(InDoubtError, match="could not be read"):
        client.create_booking(request)
    assert sent.count("POST", BOOKINGS_PATH) == 1


def test_a_slow_create_is_sent_once_and_booked_once(sandbox: SandboxServer,
                                                    sent: RequestLog) -> None:
    """Issue 15 #1: the server commits after the client stopped waiting. Before, the client
    looked up too early, found nothing and sent it again: two bookings."""
    with BookingClient(sandbox.url, sandbox.staff_token(),
                       timeouts=Timeouts(read=0.2)) as client:
        slot = open_slots(client, sandbox)[0]
        request = appointment_request(sandbox.business_id, slot)
        sandbox.faults.update(latency_ms=600, paths=[BOOKINGS_PATH])
        with pytest.raises(InDoubtError, match=r"did not answer within 0\.2 seconds"):
            client.create_booking(request)
    assert sent.count("POST", BOOKINGS_PATH) == 1
    assert len(wait_for_bookings(sandbox, request, 1)) == 1


def test_a_rate_limited_create_is_retried(client: BookingClient, sandbox: SandboxServer,
                                          sleeps: SleepRecorder, sent: RequestLog) -> None:
    slot = open_slots(client, sandbox)[0]
    request = appointment_request(sandbox.business_id, slot)
    sandbox.faults.update(rate_limit=1, rate_limit_retry_after=3, paths=[BOOKINGS_PATH])
    booking = client.create_booking(request)
    assert [b["id"] for b in bookings_at(sandbox, request)] == [booking.id]
    assert sleeps.calls == [3.0]
    assert sent.count("POST", BOOKINGS_PATH) == 2  # nothing was committed the first time


def test_a_refused_create_is_offline_and_retried(client: BookingClient,
                                                 sandbox: SandboxServer,
                                                 sleeps: SleepRecorder) -> None:
    slot = open_slots(client, sandbox)[0]
    request = appointment_request(sandbox.business_id, slot)
    sandbox.faults.update(refuse_connections=True)
    sleeps.hook = lambda _: sandbox.faults.update(refuse_connections=False)
    booking = client.create_booking(request)  # nothing reached the server: safe to resend
    assert [b["id"] for b in bookings_at(sandbox, request)] == [booking.id]
    assert len(sleeps.calls) == 1


# ---------------------------------------------------------------------- the token never leaks


def test_the_token_appears_in_no_log_line_and_no_error(sandbox: SandboxServer,
                                                       caplog: pytest.LogCaptureFixture,
                                                       closed_port_url: str) -> None:
    token = sandbox.staff_token()
    errors: list[ApiError] = []
    for name in ("desktop.api", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    with BookingClient(sandbox.url, token, sleep=lambda _: None) as client:
        slot = open_slots(client, sandbox)[0]
        request = appointment_request(sandbox.business_id, slot)
        business = sandbox.business_id
        attempts: list[tuple[dict[str, object], object]] = [
            ({}, lambda: client.get_business("no-such-business")),
            ({}, lambda: client.list_staff(business, status="sleeping")),
            ({}, lambda: client.get_event_instance("ei-none")),
            ({}, lambda: client.create_booking(
                appointment_request(business, slot, client_id="cl-nobody"))),
            ({"expire_tokens": True}, lambda: client.get_business(business)),
            ({"expire_tokens": True}, lambda: client.create_booking(request)),
            ({"error_rate": 1.0}, lambda: client.list_services(business)),
            ({"garbage_body": 3}, lambda: client.get_business(business)),
            ({"truncated_body": 3}, lambda: client.get_business(business)),
            ({"rate_limit": 5}, lambda: client.get_business(business)),
        ]
        for fault, attempt in attempts:
            sandbox.faults.reset()
            sandbox.faults.update(**fault)
            try:
                attempt()  # type: ignore[operator]
            except ApiError as error:
                errors.append(error)
        sandbox.faults.reset()
        sandbox.state.take_slot(slot.staff_id or "", slot.start_time.isoformat())
        with pytest.raises(SlotTakenError) as taken:
            client.create_booking(request)
        errors.append(taken.value)
        assert token not in repr(client)
    with BookingClient(closed_port_url, token) as offline, pytest.raises(OfflineError) as off:
        offline.get_business("x")
    errors.append(off.value)
    assert len(errors) == 12
    assert {type(e) for e in errors} == {NotFoundError, ValidationError, SlotTakenError,
                                         OfflineError, AuthError, ServerError,
                                         RateLimitedError}
    assert caplog.records
    assert any(r.name.startswith("httpcore") for r in caplog.records)
    assert token not in caplog.text
    for record in caplog.records:
        assert token not in record.getMessage()
    for failure in errors:
        text = "".join(traceback.format_exception(failure))
        assert token not in text
        assert token not in repr(failure)
