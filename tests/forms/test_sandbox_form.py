"""The sandbox's real scheduling form: it parses, renders, and a booking made with the form
data the widget builds is accepted with exactly that form_data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import httpx
import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.api.client import BookingClient
from desktop.api.errors import ValidationError
from desktop.api.models import BookingRequest, Slot
from desktop.forms import meeting_kind_for, parse_definition
from desktop.sandbox.server import SandboxServer
from desktop.ui.form import GeneratedForm
from tests.helpers.sample import SAMPLE_STAFF

BOOKINGS = "/platform/v1/scheduling/bookings"
ZONE = "America/New_York"


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[BookingClient]:
    with BookingClient(sandbox.url, sandbox.staff_token()) as booking_client:
        yield booking_client


def first_slot(client: BookingClient, business_id: str, service_id: str) -> Slot:
    start = date.today() + timedelta(days=1)
    days = client.get_availability(business_id=business_id, service_id=service_id,
                                   start_date=start, end_date=start + timedelta(days=13),
                                   time_zone=ZONE, staff_ids=SAMPLE_STAFF)
    slots = [slot for day in sorted(days) for slot in days[day] if not slot.is_full]
    assert slots, f"no open slot for {service_id}"
    return slots[0]


def shown(qtbot: QtBot, form: GeneratedForm) -> GeneratedForm:
    qtbot.addWidget(form)
    form.resize(720, 1000)
    form.show()
    qtbot.waitExposed(form)
    return form


def field(form: GeneratedForm, field_id: str) -> QWidget:
    widget = form.findChild(QWidget, f"field-{field_id}")
    assert widget is not None, field_id
    return widget


def test_the_sandbox_definition_parses_and_renders(sandbox: SandboxServer,
                                                   qtbot: QtBot) -> None:
    answer = httpx.get(f"{sandbox.url}/platform/v1/forms",
                       params={"business_id": sandbox.business_id, "form_type": "scheduling",
                               "service_uid": "sv-physio"},
                       headers={"Authorization": f"Bearer {sandbox.staff_token()}"})
    assert answer.status_code == 200
    data = answer.json()["data"]
    definition = parse_definition(data.get("form", data))
    ids = [f.id for f in definition.fields()]
    assert {"q_email", "q_first", "q_concern_area", "notes", "p_cancel"} <= set(ids)
    form = shown(qtbot, GeneratedForm(definition))
    assert isinstance(field(form, "q_title"), QComboBox)  # A title that lists its options.
    assert isinstance(field(form, "q_concern_area"), QComboBox)
    banner = form.findChild(QLabel, "form-notes")
    assert banner is not None
    assert "Signature" in banner.text()
    for field_id in ids:
        assert field(form, field_id).accessibleName() == definition.field(field_id).label  # type: ignore[union-attr]


def test_a_booking_with_the_built_form_data_is_accepted(sandbox: SandboxServer,
                                                        client: BookingClient,
                                                        qtbot: QtBot) -> None:
    service = next(s for s in client.list_services(sandbox.business_id)
                   if s.id == "sv-home-visit")
    kind = meeting_kind_for(service.interaction_type)
    assert kind == "address"
    definition = parse_definition(client.get_scheduling_form(sandbox.business_id, service.id))
    form = shown(qtbot, GeneratedForm(definition, kind))
    for field_id, text in {"q_email": "rita.new@example.com", "q_first": "Rita",
                           "q_last": "Moreno", "q_phone": "+1 555 010 2030",
                           "q_access": "Ring twice", "notes": "Stairs only",
                           "meeting-details": "12 Main St, Apt 4"}.items():
        qtbot.keyClicks(field(form, field_id), text)
    form.set_values({"q_title": "Ms", "q_dob": date(1984, 7, 1), "p_cancel": True})
    assert form.validate() == []
    form_data = form.build_form_data()

    slot = first_slot(client, sandbox.business_id, service.id)
    booking = client.create_booking(BookingRequest(
        business_id=sandbox.business_id, service_id=service.id, staff_id=slot.staff_id,
        start_time=slot.start_time, time_zone=ZONE, form_data=form_data))
    assert booking.service_id == service.id
    sent = sandbox.last_request_body(BOOKINGS)
    assert sent["form_data"] == form_data.to_json()
    assert sent["form_data"]["meeting_details"] == \
        {"meeting_interaction_details": "12 Main St, Apt 4"}
    assert sent["form_data"]["others"] == {"notes": "Stairs only"}
    new_client = sandbox.state.client(booking.client_id or "")
    assert new_client is not None
    assert (new_client["email"], new_client["first_name"]) == ("rita.new@example.com", "Rita")


def test_the_api_complaint_lands_under_its_field(sandbox: SandboxServer, client: BookingClient,
                                                 qtbot: QtBot) -> None:
    definition = parse_definition(client.get_scheduling_form(sandbox.business_id, "sv-massage"))
    form = shown(qtbot, GeneratedForm(definition))
    form.set_values({"q_email": "sam@example.com", "p_cancel": True})  # No first name.
    slot = first_slot(client, sandbox.business_id, "sv-massage")
    with pytest.raises(ValidationError) as refused:
        client.create_booking(BookingRequest(
            business_id=sandbox.business_id, service_id="sv-massage", staff_id=slot.staff_id,
            start_time=slot.start_time, time_zone=ZONE, form_data=form.build_form_data()))
    error = refused.value
    assert form.show_field_error(error.field or error.message, error.message)
    assert form.error_text("q_first") == error.message
