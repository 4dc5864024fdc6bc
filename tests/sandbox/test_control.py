"""The /__sandbox/ endpoints a child process or the demo window uses."""

from __future__ import annotations

import time

import httpx
import pytest

from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import BOOKINGS, appointment_body, first_slot

SERVICES = "/platform/v1/services"


def test_faults_over_http(sandbox: SandboxServer, api: httpx.Client) -> None:
    answer = httpx.post(sandbox.url + "/__sandbox/faults",
                        json={"error_rate": 1.0, "error_status": 502})
    assert answer.status_code == 200
    assert answer.json()["data"]["faults"]["error_status"] == 502
    assert api.get(SERVICES).status_code == 502
    assert httpx.get(sandbox.url + "/__sandbox/faults").json()["data"]["faults"][
        "error_rate"] == 1.0
    bad = httpx.post(sandbox.url + "/__sandbox/faults", json={"nonsense": 1})
    assert bad.status_code == 400
    assert "nonsense" in bad.json()["error"]


def test_refusal_over_http_clears_itself(sandbox: SandboxServer) -> None:
    forever = httpx.post(sandbox.url + "/__sandbox/faults", json={"refuse_connections": True})
    assert forever.status_code == 400  # nothing could clear it over HTTP
    answer = httpx.post(sandbox.url + "/__sandbox/faults", json={"refuse_connections": 0.3})
    assert answer.status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(sandbox.url + SERVICES)
    deadline = time.monotonic() + 3
    while True:
        try:
            assert httpx.get(sandbox.url + SERVICES).status_code == 401
            break
        except httpx.ConnectError:
            assert time.monotonic() < deadline, "the sandbox did not listen again"
            time.sleep(0.05)


def test_reset_bookings_take_slot_and_token(sandbox: SandboxServer, api: httpx.Client) -> None:
    slot = first_slot(api)
    taken = httpx.post(sandbox.url + "/__sandbox/take_slot", json={
        "staff_id": slot["staff_id"], "start_time": slot["start_time"],
        "service_id": slot["service_id"]})
    assert taken.status_code == 201
    booking = taken.json()["data"]["booking"]
    listed = httpx.get(sandbox.url + "/__sandbox/bookings").json()["data"]["bookings"]
    assert booking in listed
    assert api.post(BOOKINGS, json=appointment_body(sandbox, slot)).json()["error_code"] \
        == "TIMESLOT_UNAVAILABLE"

    assert httpx.post(sandbox.url + "/__sandbox/reset").status_code == 200
    assert booking["id"] not in [b["id"] for b in sandbox.state.bookings()]
    assert api.post(BOOKINGS, json=appointment_body(sandbox, slot)).status_code == 201

    token = httpx.post(sandbox.url + "/__sandbox/token", json={"expires_in": 30}).json()
    assert httpx.get(sandbox.url + SERVICES, headers={
        "Authorization": f"Bearer {token['data']['token']}"}).status_code == 200


def test_reset_is_deterministic(sandbox: SandboxServer) -> None:
    first = sandbox.state.bookings()
    sandbox.reset()
    assert sandbox.state.bookings() == first
    other = SandboxServer(seed=99)
    assert other.state.bookings() != first  # never started: the state alone is enough


def test_requests_log_and_last_body(sandbox: SandboxServer, api: httpx.Client) -> None:
    api.get(SERVICES, params={"page": 1})
    api.post("/platform/v1/scheduling/bookings/cancel", json={"business_id": "x"})
    assert sandbox.requests_log[-2:] == [("GET", SERVICES, 200),
                                         ("POST", "/platform/v1/scheduling/bookings/cancel", 400)]
    assert sandbox.last_request_body("/platform/v1/scheduling/bookings/cancel") == \
        {"business_id": "x"}
    assert sandbox.last_request_body(BOOKINGS) is None


def test_start_stop_and_port_reuse() -> None:
    with SandboxServer(port=0) as server:
        port = server.port
        assert httpx.get(server.url + SERVICES).status_code == 401
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}{SERVICES}")
    again = SandboxServer(port=port).start()
    try:
        assert httpx.get(again.url + SERVICES).status_code == 401
    finally:
        again.stop()
