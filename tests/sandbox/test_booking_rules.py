"""POST /platform/v1/scheduling/bookings: the real API's rules, one by one."""

from __future__ import annotations

import concurrent.futures
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import (
    BOOKINGS,
    all_slots,
    appointment_body,
    event_slots,
    first_slot,
    new_client_form,
)


def refused(answer: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    body: dict[str, Any] = answer.json()
    assert body["status"] == "Error"
    assert body["error_code"] == code
    assert body["error"]
    return body


def test_appointment_for_a_new_client(sandbox: SandboxServer, api: httpx.Client) -> None:
    slot = first_slot(api)
    body = appointment_body(sandbox, slot, source_campaign="winter", source_channel="desk",
                            business_uid=sandbox.business_id)
    answer = api.post(BOOKINGS, json=body)
    assert answer.status_code == 201
    booking = answer.json()["data"]["booking"]
    assert booking["status"] == "scheduled"
    assert booking["type"] == "appointment"
    assert booking["staff_id"] == slot["staff_id"]
    assert booking["service_id"] == "sv-massage"
    assert datetime.fromisoformat(booking["start_time"]) == \
        datetime.fromisoformat(slot["start_time"])
    assert booking["time_zone"] == "America/New_York"
    assert booking["duration"] == 60
    assert booking["source_data"] == {"source_name": "front_desk", "source_url": None,
                                      "campaign": "winter", "channel": "desk",
                                      "portal_id": sandbox.business_id}
    assert {"id", "business_id", "client_id", "title", "created_at",
            "event_instance_id"} <= booking.keys()
    client = sandbox.state.client(booking["client_id"])
    assert client is not None
    assert (client["email"], client["first_name"]) == ("ann.new@example.com", "Ann")
    assert booking in sandbox.state.bookings()
    assert sandbox.last_request_body(BOOKINGS) == body


def test_openapi_source_names(sandbox: SandboxServer, api: httpx.Client) -> None:
    body = appointment_body(sandbox, first_slot(api), campaign="c", channel="ch", portal_id="p")
    booking = api.post(BOOKINGS, json=body).json()["data"]["booking"]
    assert booking["source_data"]["campaign"] == "c"
    assert booking["source_data"]["channel"] == "ch"
    assert booking["source_data"]["portal_id"] == "p"


def test_existing_client_id(sandbox: SandboxServer, api: httpx.Client) -> None:
    client = sandbox.state.clients()[3]
    body = appointment_body(sandbox, first_slot(api), client_id=client["id"])
    del body["form_data"]
    answer = api.post(BOOKINGS, json=body)
    assert answer.status_code == 201
    assert answer.json()["data"]["booking"]["client_id"] == client["id"]


def test_unknown_client_id_is_404(sandbox: SandboxServer, api: httpx.Client) -> None:
    body = appointment_body(sandbox, first_slot(api), client_id="cl-nobody")
    refused(api.post(BOOKINGS, json=body), 404, "NOT_FOUND")


def test_form_email_of_an_existing_client_reuses_it(sandbox: SandboxServer,
                                                    api: httpx.Client) -> None:
    known = next(c for c in sandbox.state.clients() if c["email"])
    before = len(sandbox.state.clients())
    body = appointment_body(sandbox, first_slot(api),
                            form_data=new_client_form(email=known["email"].upper()))
    booking = api.post(BOOKINGS, json=body).json()["data"]["booking"]
    assert booking["client_id"] == known["id"]
    assert len(sandbox.state.clients()) == before


@pytest.mark.parametrize("spelling", ["firstname", "first_name"])
def test_both_first_name_spellings(sandbox: SandboxServer, api: httpx.Client,
                                   spelling: str) -> None:
    body = appointment_body(sandbox, first_slot(api),
                            form_data=new_client_form(first="Bo", first_type=spelling))
    answer = api.post(BOOKINGS, json=body)
    assert answer.status_code == 201
    assert sandbox.state.client(answer.json()["data"]["booking"]["client_id"])["first_name"] \
        == "Bo"


def test_business_id_is_mandatory(sandbox: SandboxServer, api: httpx.Client) -> None:
    body = appointment_body(sandbox, first_slot(api))
    del body["business_id"]
    error = refused(api.post(BOOKINGS, json=body), 400, "PARAMETER_MISSING")
    assert error["error"] == "Mandatory parameter business_id is missing"


@pytest.mark.parametrize("name", ["service_id", "staff_id", "start_time"])
def test_appointment_parameters_are_mandatory(sandbox: SandboxServer, api: httpx.Client,
                                              name: str) -> None:
    body = appointment_body(sandbox, first_slot(api))
    del body[name]
    error = refused(api.post(BOOKINGS, json=body), 400, "PARAMETER_MISSING")
    assert error["error"] == f"Mandatory parameter {name} is missing"


def test_client_or_form_data_is_mandatory(sandbox: SandboxServer, api: httpx.Client) -> None:
    body = appointment_body(sandbox, first_slot(api))
    del body["form_data"]
    refused(api.post(BOOKINGS, json=body), 400, "PARAMETER_MISSING")


@pytest.mark.parametrize(("name", "value"), [("start_time", "next tuesday at 3"),
                                             ("time_zone", "Atlantis/Capital")])
def test_invalid_parameters(sandbox: SandboxServer, api: httpx.Client, name: str,
                            value: str) -> None:
    body = appointment_body(sandbox, first_slot(api), **{name: value})
    refused(api.post(BOOKINGS, json=body), 400, "INVALID_PARAMETER")


def test_time_zone_defaults_to_utc(sandbox: SandboxServer, api: httpx.Client) -> None:
    slot = first_slot(api)
    body = appointment_body(sandbox, slot)
    del body["time_zone"]
    booking = api.post(BOOKINGS, json=body).json()["data"]["booking"]
    assert booking["time_zone"] == "UTC"
    assert booking["start_time"].endswith("+00:00")
    assert datetime.fromisoformat(booking["start_time"]) == \
        datetime.fromisoformat(slot["start_time"])


def test_fields_as_a_key_value_map_is_422(sandbox: SandboxServer, api: httpx.Client) -> None:
    form = new_client_form()
    form["fields"] = {"q_email": "ann@example.com", "q_first": "Ann"}
    before = len(sandbox.state.bookings())
    error = refused(api.post(BOOKINGS, json=appointment_body(sandbox, first_slot(api),
                                                             form_data=form)),
                    422, "FORM_VALIDATION_ERROR")
    assert "array" in error["error"]
    assert len(sandbox.state.bookings()) == before  # nothing booked


def test_blank_required_field_names_the_field(sandbox: SandboxServer, api: httpx.Client) -> None:
    form = new_client_form(first="  ")
    error = refused(api.post(BOOKINGS, json=appointment_body(sandbox, first_slot(api),
                                                             form_data=form)),
                    422, "FORM_VALIDATION_ERROR")
    assert error["error"] == "First name can't be blank"
    assert error["field"] == "q_first"


def test_missing_required_field(sandbox: SandboxServer, api: httpx.Client) -> None:
    form = new_client_form()
    form["fields"] = [f for f in form["fields"] if f["field_id"] != "q_email"]
    error = refused(api.post(BOOKINGS, json=appointment_body(sandbox, first_slot(api),
                                                             form_data=form)),
                    422, "FORM_VALIDATION_ERROR")
    assert error["field"] == "q_email"


def test_invalid_email(sandbox: SandboxServer, api: httpx.Client) -> None:
    form = new_client_form(email="ann-at-example")
    error = refused(api.post(BOOKINGS, json=appointment_body(sandbox, first_slot(api),
                                                             form_data=form)),
                    422, "FORM_VALIDATION_ERROR")
    assert error["field"] == "q_email"
    assert "Email" in error["error"]


def test_dropdown_value_must_be_an_option(sandbox: SandboxServer, api: httpx.Client) -> None:
    form = new_client_form()
    form["fields"].append({"field_id": "q_referral", "type": "dropdown", "new_data": "Radio"})
    error = refused(api.post(BOOKINGS, json=appointment_body(sandbox, first_slot(api),
                                                             form_data=form)),
                    422, "FORM_VALIDATION_ERROR")
    assert error["field"] == "q_referral"


def test_service_specific_required_field(sandbox: SandboxServer, api: httpx.Client) -> None:
    slot = first_slot(api, "sv-physio")
    error = refused(api.post(BOOKINGS, json=appointment_body(sandbox, slot)),
                    422, "FORM_VALIDATION_ERROR")
    assert error["field"] == "q_concern_area"
    form = new_client_form()
    form["fields"].append({"field_id": "q_concern_area", "type": "dropdown", "new_data": "Knee"})
    assert api.post(BOOKINGS, json=appointment_body(sandbox, slot, form_data=form)) \
        .status_code == 201


@pytest.mark.parametrize("policies", [{}, {"p_cancel": False}])
def test_required_policy_must_be_accepted(sandbox: SandboxServer, api: httpx.Client,
                                          policies: dict[str, bool]) -> None:
    form = new_client_form(policies=policies)
    error = refused(api.post(BOOKINGS, json=appointment_body(sandbox, first_slot(api),
                                                             form_data=form)),
                    422, "FORM_VALIDATION_ERROR")
    assert error["field"] == "p_cancel"


def test_policy_accepted_as_a_field(sandbox: SandboxServer, api: httpx.Client) -> None:
    form = new_client_form(policies={})
    form["fields"].append({"field_id": "p_cancel", "type": "policy", "new_data": True})
    answer = api.post(BOOKINGS, json=appointment_body(sandbox, first_slot(api), form_data=form))
    assert answer.status_code == 201


def test_meeting_details_are_stored(sandbox: SandboxServer, api: httpx.Client) -> None:
    slot = first_slot(api, "sv-home-visit")
    details = {"meeting_interaction_details": "12 Main St, Apt 4"}
    form = new_client_form(meeting_details=details)
    booking = api.post(BOOKINGS, json=appointment_body(sandbox, slot, form_data=form)) \
        .json()["data"]["booking"]
    assert booking["meeting_details"] == details


def test_taken_slot_is_timeslot_unavailable(sandbox: SandboxServer, api: httpx.Client) -> None:
    slot = first_slot(api)
    taken = sandbox.state.take_slot(slot["staff_id"], slot["start_time"], "sv-massage")
    assert taken["client_id"]
    before = len(sandbox.state.bookings())
    refused(api.post(BOOKINGS, json=appointment_body(sandbox, slot)), 422,
            "TIMESLOT_UNAVAILABLE")
    assert len(sandbox.state.bookings()) == before


def test_outside_hours_past_and_unoffered_are_unavailable(sandbox: SandboxServer,
                                                         api: httpx.Client) -> None:
    slot = first_slot(api)
    start = datetime.fromisoformat(slot["start_time"])
    night = start.replace(hour=3, minute=0)
    past = start - timedelta(days=30)
    for body in (appointment_body(sandbox, slot, start_time=night.isoformat()),
                 appointment_body(sandbox, slot, start_time=past.isoformat()),
                 appointment_body(sandbox, slot, staff_id="st-chen")):
        refused(api.post(BOOKINGS, json=body), 422, "TIMESLOT_UNAVAILABLE")


def test_unknown_service_or_staff(sandbox: SandboxServer, api: httpx.Client) -> None:
    slot = first_slot(api)
    refused(api.post(BOOKINGS, json=appointment_body(sandbox, slot, service_id="sv-x")),
            404, "NOT_FOUND")
    refused(api.post(BOOKINGS, json=appointment_body(sandbox, slot, staff_id="st-x")),
            404, "NOT_FOUND")
    refused(api.post(BOOKINGS, json=appointment_body(sandbox, slot, business_id="b-x")),
            404, "NOT_FOUND")


def test_idempotency_key_books_once(sandbox: SandboxServer, api: httpx.Client) -> None:
    body = appointment_body(sandbox, first_slot(api))
    headers = {"Idempotency-Key": "desk-7f1c"}
    first = api.post(BOOKINGS, json=body, headers=headers)
    again = api.post(BOOKINGS, json=body, headers=headers)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["data"]["booking"] == first.json()["data"]["booking"]
    mine = [b for b in sandbox.state.bookings()
            if b["id"] == first.json()["data"]["booking"]["id"]]
    assert len(mine) == 1
    # Without the key the same request is a taken slot.
    refused(api.post(BOOKINGS, json=body), 422, "TIMESLOT_UNAVAILABLE")


# ----------------------------------------------------------------------------- events


def event_body(sandbox: SandboxServer, instance_id: str, **overrides: Any) -> dict[str, Any]:
    body = {"business_id": sandbox.business_id, "event_instance_id": instance_id,
            "form_data": new_client_form(), "time_zone": "America/New_York"}
    body.update(overrides)
    return body


def test_event_registration_takes_a_spot(sandbox: SandboxServer, api: httpx.Client) -> None:
    instance = next(s for s in event_slots(api) if s["spots_open"] > 1)
    answer = api.post(BOOKINGS, json=event_body(sandbox, instance["event_instance_id"]))
    assert answer.status_code == 201
    booking = answer.json()["data"]["booking"]
    assert booking["type"] == "event"
    assert booking["event_instance_id"] == instance["event_instance_id"]
    assert booking["start_time"] == instance["start_time"]
    path = f"/platform/v1/scheduling/event_instance/{instance['event_instance_id']}"
    assert api.get(path).json()["data"]["event_instance"]["spots_open"] == \
        instance["spots_open"] - 1
    api.post(BOOKINGS + "/cancel", json={"business_id": sandbox.business_id,
                                         "booking_id": booking["id"]})
    assert api.get(path).json()["data"]["event_instance"]["spots_open"] == \
        instance["spots_open"]


def test_event_needs_an_instance(sandbox: SandboxServer, api: httpx.Client) -> None:
    body = event_body(sandbox, "x", service_id="sv-yoga")
    del body["event_instance_id"]
    error = refused(api.post(BOOKINGS, json=body), 400, "PARAMETER_MISSING")
    assert "event_instance_id" in error["error"]
    refused(api.post(BOOKINGS, json=event_body(sandbox, "ei-none")), 404, "NOT_FOUND")


def test_full_event(sandbox: SandboxServer, api: httpx.Client) -> None:
    full = next(s for s in event_slots(api) if s["spots_open"] == 0)
    refused(api.post(BOOKINGS, json=event_body(sandbox, full["event_instance_id"])),
            422, "EVENT_FULL")


def test_same_client_twice_is_already_registered(sandbox: SandboxServer,
                                                api: httpx.Client) -> None:
    instance = next(s for s in event_slots(api) if s["spots_open"] > 1)
    body = event_body(sandbox, instance["event_instance_id"])
    assert api.post(BOOKINGS, json=body).status_code == 201
    refused(api.post(BOOKINGS, json=body), 422, "ALREADY_REGISTERED")


# ----------------------------------------------------------------------------- cancel


def test_cancel_unknown_or_incomplete(sandbox: SandboxServer, api: httpx.Client) -> None:
    refused(api.post(BOOKINGS + "/cancel", json={"business_id": sandbox.business_id,
                                                 "booking_id": "bk-none"}), 404, "NOT_FOUND")
    refused(api.post(BOOKINGS + "/cancel", json={"business_id": sandbox.business_id}),
            400, "PARAMETER_MISSING")


def test_body_that_is_not_json(sandbox: SandboxServer, api: httpx.Client) -> None:
    answer = api.post(BOOKINGS, content=b"business_id=1&x=2",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    refused(answer, 400, "INVALID_PARAMETER")


def test_concurrent_requests_book_a_slot_once(sandbox: SandboxServer, api: httpx.Client) -> None:
    slot = all_slots(api, "sv-massage")[1]
    bodies = [appointment_body(sandbox, slot, form_data=new_client_form(email=f"p{i}@example.com"))
              for i in range(6)]
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(lambda b: httpx.post(
            sandbox.url + BOOKINGS, json=b,
            headers={"Authorization": f"Bearer {sandbox.staff_token()}"}).status_code, bodies))
    assert sorted(statuses) == [201] + [422] * 5
