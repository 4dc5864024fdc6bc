"""Each fault switch, seen from a real httpx client over a real socket."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import BOOKINGS, appointment_body, first_slot

SERVICES = "/platform/v1/services"


def test_all_off_by_default(sandbox: SandboxServer) -> None:
    snapshot = sandbox.faults.snapshot()
    assert snapshot["error_rate"] == 0
    assert snapshot["refuse_connections"] is False
    assert snapshot["create_status"] == 201
    assert snapshot["paths"] == []


def test_unknown_switch_is_refused(sandbox: SandboxServer) -> None:
    with pytest.raises(ValueError, match="Unknown fault"):
        sandbox.faults.update(make_it_rain=True)
    with pytest.raises(ValueError, match="create_status"):
        sandbox.faults.update(create_status=204)


def test_latency(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.update(latency_ms=150)
    started = time.perf_counter()
    assert api.get(SERVICES).status_code == 200
    assert time.perf_counter() - started >= 0.15
    with pytest.raises(httpx.ReadTimeout):
        api.get(SERVICES, timeout=0.05)


def test_error_rate_always(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.update(error_rate=1.0, error_status=503)
    answer = api.get(SERVICES)
    assert answer.status_code == 503
    assert answer.json()["status"] == "Error"
    sandbox.faults.reset()
    assert api.get(SERVICES).status_code == 200


def test_error_rate_some(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.update(error_rate=0.5, error_status=502)
    statuses = [api.get(SERVICES).status_code for _ in range(30)]
    assert set(statuses) == {200, 502}


def test_fault_restricted_to_paths(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.update(error_rate=1.0, paths=["/platform/v1/clients"])
    assert api.get(SERVICES).status_code == 200
    assert api.get("/platform/v1/clients").status_code == 500


def test_refused_connections_then_the_same_port(sandbox: SandboxServer,
                                                api: httpx.Client) -> None:
    assert api.get(SERVICES).status_code == 200  # a kept-alive connection exists now
    port = sandbox.port
    sandbox.faults.update(refuse_connections=True)
    with pytest.raises(httpx.ConnectError):
        api.get(SERVICES)
    with pytest.raises(httpx.ConnectError):
        httpx.get(sandbox.url + SERVICES)
    sandbox.faults.update(refuse_connections=False)
    assert sandbox.port == port
    assert api.get(SERVICES).status_code == 200


def test_reset_clears_refusal(sandbox: SandboxServer) -> None:
    sandbox.faults.update(refuse_connections=True)
    sandbox.reset()
    assert httpx.get(sandbox.url + SERVICES).status_code == 401  # listening again


def test_drop_after_commit(sandbox: SandboxServer, api: httpx.Client) -> None:
    slot = first_slot(api)
    before = len(sandbox.state.bookings())
    sandbox.faults.update(drop_after_commit=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.post(BOOKINGS, json=appointment_body(sandbox, slot))
    after = sandbox.state.bookings()
    assert len(after) == before + 1  # committed exactly once, though nobody was told
    assert any(b["start_time"] == slot["start_time"] and b["staff_id"] == slot["staff_id"]
               and b["status"] == "scheduled" for b in after)
    assert sandbox.requests_log[-1] == ("POST", BOOKINGS, 0)
    assert sandbox.faults.snapshot()["drop_after_commit"] == 0
    # The count is used up: the retry is answered (and finds the slot taken).
    retry = api.post(BOOKINGS, json=appointment_body(sandbox, slot))
    assert retry.status_code == 422
    assert retry.json()["error_code"] == "TIMESLOT_UNAVAILABLE"


def test_drop_after_commit_spares_refused_bookings(sandbox: SandboxServer,
                                                  api: httpx.Client) -> None:
    sandbox.faults.update(drop_after_commit=1)
    body = appointment_body(sandbox, first_slot(api))
    del body["business_id"]
    assert api.post(BOOKINGS, json=body).status_code == 400
    assert sandbox.faults.snapshot()["drop_after_commit"] == 1


def test_dropped_booking_repeated_with_idempotency_key(sandbox: SandboxServer,
                                                      api: httpx.Client) -> None:
    body = appointment_body(sandbox, first_slot(api))
    sandbox.faults.update(drop_after_commit=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.post(BOOKINGS, json=body, headers={"Idempotency-Key": "k1"})
    again = api.post(BOOKINGS, json=body, headers={"Idempotency-Key": "k1"})
    assert again.status_code == 200
    assert again.json()["data"]["booking"]["start_time"] == body["start_time"]


def test_rate_limit_carries_retry_after(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.update(rate_limit=2, rate_limit_retry_after=7)
    first, second, third = (api.get(SERVICES) for _ in range(3))
    assert first.status_code == second.status_code == 429
    assert first.headers["Retry-After"] == "7"
    assert first.json()["status"] == "Error"
    assert third.status_code == 200


def test_rate_limit_default_retry_after(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.update(rate_limit=1)
    assert api.get(SERVICES).headers["Retry-After"] == "1"


def test_garbage_body(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.update(garbage_body=1)
    answer = api.get(SERVICES)
    assert answer.status_code == 200
    with pytest.raises((json.JSONDecodeError, UnicodeDecodeError)):
        answer.json()
    assert api.get(SERVICES).json()["status"] == "OK"


def test_truncated_body(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.update(truncated_body=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.get(SERVICES)
    assert api.get(SERVICES).json()["status"] == "OK"


def test_truncated_create_is_still_committed(sandbox: SandboxServer, api: httpx.Client) -> None:
    body = appointment_body(sandbox, first_slot(api))
    before = len(sandbox.state.bookings())
    sandbox.faults.update(truncated_body=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.post(BOOKINGS, json=body)
    assert len(sandbox.state.bookings()) == before + 1


def test_create_status_200(sandbox: SandboxServer, api: httpx.Client) -> None:
    body = appointment_body(sandbox, first_slot(api))
    sandbox.faults.update(create_status=200)
    answer = api.post(BOOKINGS, json=body)
    assert answer.status_code == 200
    assert answer.json()["data"]["booking"]["status"] == "scheduled"


def test_faults_never_touch_control_endpoints(sandbox: SandboxServer) -> None:
    sandbox.faults.update(error_rate=1.0, rate_limit=5)
    assert httpx.get(sandbox.url + "/__sandbox/faults").status_code == 200
