"""Issue 13, the sandbox: the strict switch follows the vendor's verified workflows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import (
    AVAILABILITY,
    BOOKINGS,
    Pinned,
    appointment_body,
    new_client_form,
    slots,
)

CLIENTS = "/platform/v1/clients"
ALL_STAFF = "st-chen,st-okafor,st-ramirez,st-nair"


def known_client(sandbox: SandboxServer) -> dict[str, Any]:
    return next(c for c in sandbox.state.clients() if c["email"] and c["phone"])


def grid_slots(api: httpx.Client, service_id: str, days: int = 7, **params: Any
               ) -> list[dict[str, Any]]:
    return [s for d in slots(api, service_id, days, staff_ids_array=ALL_STAFF,
                             **params).values() for s in d]


def fields_of(client: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"field_id": "q_email", "type": "email", "new_data": client["email"]},
            {"field_id": "q_first", "type": "firstname", "new_data": client["first_name"]},
            {"field_id": "q_last", "type": "lastname", "new_data": client["last_name"]},
            {"field_id": "q_phone", "type": "phone", "new_data": client["phone"]}]


def test_known_client_still_needs_the_forms_required_fields(
        pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(strict=True)
    client = known_client(sandbox)
    slot = grid_slots(api, "sv-phone-consult")[0]
    body = appointment_body(sandbox, slot, client_id=client["id"])
    del body["form_data"]
    refused = api.post(BOOKINGS, json=body)
    assert refused.status_code == 422
    error = refused.json()
    assert error["error_code"] == "FORM_VALIDATION_ERROR"
    assert error["error"] == {"q_email": "Email can't be blank",
                              "q_first": "First name can't be blank",
                              "p_cancel": "Cancellation policy must be accepted"}
    filled = {"fields": fields_of(client), "policies": {"p_cancel": True},
              "others": {"notes": "Called from the desk"}}
    booked = api.post(BOOKINGS, json={**body, "form_data": filled})
    assert booked.status_code == 201, booked.text
    booking = booked.json()["data"]["booking"]
    assert booking["client_id"] == client["id"]
    assert sandbox.state.appointment(booking["id"])["notes"] == "Called from the desk"


def test_service_questions_are_required_too(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(strict=True)
    client = known_client(sandbox)
    cells = grid_slots(api, "sv-physio", 14)
    slot = next(s for s in cells if _fits(cells, s, 45))
    form = {"fields": fields_of(client), "policies": {"p_cancel": True}}
    body = appointment_body(sandbox, slot, client_id=client["id"], form_data=form)
    refused = api.post(BOOKINGS, json=body)
    assert refused.json()["error"] == {"q_concern_area": "Area of concern can't be blank"}
    form["fields"].append({"field_id": "q_concern_area", "type": "dropdown", "new_data": "Knee"})
    assert api.post(BOOKINGS, json=body).status_code == 201


def _fits(cells: list[dict[str, Any]], slot: dict[str, Any], minutes: int) -> bool:
    """Whether ``minutes`` of consecutive free 10-minute ``cells`` start at ``slot``."""
    free = {(c["staff_id"], datetime.fromisoformat(c["start_time"])) for c in cells}
    start = datetime.fromisoformat(slot["start_time"])
    return all((slot["staff_id"], start + timedelta(minutes=m)) in free
               for m in range(0, minutes, 10))


def test_friendly_sandbox_takes_a_known_client_alone(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    slot = next(s for d in slots(api, "sv-phone-consult", 7).values() for s in d)
    body = appointment_body(sandbox, slot, client_id=known_client(sandbox)["id"])
    del body["form_data"]
    assert api.post(BOOKINGS, json=body).status_code == 201


def test_every_field_error_at_once_keyed_by_field(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(strict=True)
    slot = grid_slots(api, "sv-phone-consult")[0]
    form = new_client_form(email="not-an-address", first=" ")
    error = api.post(BOOKINGS, json=appointment_body(sandbox, slot, form_data=form)).json()
    assert error["error_code"] == "FORM_VALIDATION_ERROR"
    assert error["error"] == {"q_email": "Email is not a valid email address",
                              "q_first": "First name can't be blank"}


@pytest.mark.parametrize("kind", ["appointment", "event"])
def test_staff_ids_are_required_in_either_form(pinned: Callable[..., Pinned], kind: str) -> None:
    _, api = pinned(strict=True)
    service = "sv-yoga" if kind == "event" else "sv-massage"
    base = {"service_id": service, "type": kind, "start_date": "2027-06-15",
            "end_date": "2027-06-28"}
    missing = api.get(AVAILABILITY, params=base)
    assert missing.status_code == 400
    assert missing.json() == {"status": "Error", "error_code": "PARAMETER_MISSING",
                              "error": "Mandatory parameter staff_ids_array is missing"}
    staff = ["st-nair"] if kind == "event" else ["st-ramirez", "st-okafor"]
    comma = api.get(AVAILABILITY, params={**base, "staff_ids_array": ",".join(staff)})
    repeated = api.get(AVAILABILITY, params={**base, "staff_ids_array[]": staff})
    assert comma.status_code == repeated.status_code == 200
    assert comma.json() == repeated.json()
    assert any(comma.json()["data"]["availabilities"].values())


def test_grid_lists_free_cells_and_booking_checks_the_duration(
        pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(strict=True)
    cells = grid_slots(api, "sv-massage", 14)
    assert cells
    assert {s["duration_minutes"] for s in cells} == {10}
    assert all(datetime.fromisoformat(s["start_time"]).minute % 10 == 0 for s in cells)
    cut_short = next(s for s in cells if not _fits(cells, s, 60))
    refused = api.post(BOOKINGS, json=appointment_body(sandbox, cut_short))
    assert refused.status_code == 422
    assert refused.json()["error_code"] == "TIMESLOT_UNAVAILABLE"
    fitting = next(s for s in cells if _fits(cells, s, 60))
    assert api.post(BOOKINGS, json=appointment_body(sandbox, fitting)).status_code == 201
    sandbox.mode.update(strict=False)
    friendly = [s for d in slots(api, "sv-massage", 14).values() for s in d]
    assert {s["duration_minutes"] for s in friendly} == {60}


def object_form(email: str = "olga@example.com", phone: Any = None) -> dict[str, Any]:
    fields: dict[str, Any] = {"q_email": email, "q_first": "Olga", "q_last": "Ortiz"}
    if phone is not None:
        fields["q_phone"] = phone
    return {"fields": fields, "policies": {"p_cancel": True}, "others": {"notes": None}}


def test_form_shape_object(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(strict=True, form_shape="object")
    cells = grid_slots(api, "sv-phone-consult", 7)
    array_shaped = api.post(BOOKINGS, json=appointment_body(sandbox, cells[0]))
    assert array_shaped.status_code == 422
    assert array_shaped.json()["error"] == (
        "form_data.fields is malformed: expected an object keyed by field id")
    phone = {"prefix_value": "+54", "value": "1155550000"}
    booked = api.post(BOOKINGS, json=appointment_body(sandbox, cells[0],
                                                      form_data=object_form(phone=phone)))
    assert booked.status_code == 201, booked.text
    client = sandbox.state.client(booked.json()["data"]["booking"]["client_id"])
    assert client is not None
    assert (client["first_name"], client["phone"]) == ("Olga", "+54 1155550000")
    flat_phone = api.post(BOOKINGS, json=appointment_body(
        sandbox, cells[-1], form_data=object_form("oscar@example.com", "1155550000")))
    assert flat_phone.json()["error"] == {
        "q_phone": "Mobile phone must be an object with prefix_value and value"}


def test_form_shape_array_and_both(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned()
    cells = [s for d in slots(api, "sv-phone-consult", 7).values() for s in d]
    refused = api.post(BOOKINGS, json=appointment_body(sandbox, cells[0],
                                                       form_data=object_form()))
    assert refused.json()["error"] == ("form_data.fields is malformed: expected an array of "
                                       "{field_id, type, new_data} objects")
    answer = httpx.post(sandbox.url + "/__sandbox/mode", json={"form_shape": "both"})
    assert answer.json()["data"]["mode"] == {"strict": False, "form_shape": "both"}
    assert api.post(BOOKINGS, json=appointment_body(sandbox, cells[0],
                                                    form_data=object_form())).status_code == 201
    assert api.post(BOOKINGS, json=appointment_body(sandbox, cells[-1])).status_code == 201


def test_mode_switches_at_run_time_and_reset_restores_it(sandbox: SandboxServer,
                                                         api: httpx.Client) -> None:
    assert httpx.get(sandbox.url + "/__sandbox/mode").json()["data"]["mode"] == \
        {"strict": False, "form_shape": "array"}
    params = {"service_id": "sv-massage", "start_date": "2030-01-07",
              "end_date": "2030-01-08"}
    assert api.get(AVAILABILITY, params=params).status_code == 200
    assert httpx.post(sandbox.url + "/__sandbox/mode",
                      json={"strict": True}).status_code == 200
    assert api.get(AVAILABILITY, params=params).status_code == 400
    bad = httpx.post(sandbox.url + "/__sandbox/mode", json={"form_shape": "round"})
    assert bad.status_code == 400
    sandbox.reset()
    assert not sandbox.mode.strict
    assert api.get(AVAILABILITY, params=params).status_code == 200


def test_limited_token_may_not_search_clients(sandbox: SandboxServer) -> None:
    headers = {"Authorization": f"Bearer {sandbox.limited_token()}"}
    refused = httpx.get(sandbox.url + CLIENTS, params={"search_term": "a"}, headers=headers)
    assert refused.status_code == 403
    assert refused.json() == {"status": "Error", "error_code": "FORBIDDEN",
                              "error": "This token may not search clients"}
    assert httpx.get(sandbox.url + "/platform/v1/services", headers=headers).status_code == 200
    minted = httpx.post(sandbox.url + "/__sandbox/token", json={"limited": True}).json()["data"]
    assert minted["limited"] is True
    assert httpx.get(sandbox.url + CLIENTS, headers={
        "Authorization": f"Bearer {minted['token']}"}).status_code == 403
    full = httpx.post(sandbox.url + "/__sandbox/token", json={}).json()["data"]["token"]
    assert httpx.get(sandbox.url + CLIENTS,
                     headers={"Authorization": f"Bearer {full}"}).status_code == 200


def test_a_client_created_by_a_booking_is_searchable(pinned: Callable[..., Pinned]) -> None:
    sandbox, api = pinned(strict=True)
    slot = grid_slots(api, "sv-phone-consult")[0]
    form = new_client_form(email="new.person@example.com", first="Nadia")
    assert api.post(BOOKINGS, json=appointment_body(sandbox, slot, form_data=form)) \
        .status_code == 201
    found = api.get(CLIENTS, params={"search_term": "new.person@example.com",
                                     "search_by": "email"}).json()["data"]["clients"]
    assert [c["first_name"] for c in found] == ["Nadia"]
    by_name = api.get(CLIENTS, params={"search_term": "nadia example"}).json()["data"]["clients"]
    assert [c["email"] for c in by_name] == ["new.person@example.com"]
