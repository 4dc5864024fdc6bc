"""Every call of the booking client against the real sandbox: success and each documented
refusal."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from desktop.api.client import BOOKINGS_PATH, BookingClient
from desktop.api.errors import (
    AlreadyRegisteredError,
    EventFullError,
    NotFoundError,
    SlotTakenError,
    ValidationError,
)
from desktop.api.models import Appointment, BookingRequest, Client, FieldValue, FormData, Slot
from desktop.api.responses import error_from_response
from desktop.booking.client_details import details_from_record, existing_client_form_data
from desktop.forms import parse_definition
from desktop.sandbox.server import SandboxServer
from tests.api.helpers import (
    RequestLog,
    SleepRecorder,
    appointment_request,
    new_client_form,
    open_slots,
    tomorrow_in_clinic,
)
from tests.helpers.sample import (
    CLINIC_ZONE,
    KNOWN_CLIENT,
    MASSAGE,
    MASSAGE_STAFF,
    SAMPLE_STAFF,
    YOGA,
)


def event_slots(client: BookingClient, business_id: str) -> list[Slot]:
    first = tomorrow_in_clinic()
    by_day = client.get_availability(business_id=business_id, service_id=YOGA,
                                     start_date=first, end_date=first + timedelta(days=20),
                                     time_zone=CLINIC_ZONE, staff_ids=SAMPLE_STAFF,
                                     kind="event")
    return [slot for day in sorted(by_day) for slot in by_day[day]]


# ---------------------------------------------------------------------- reads


def test_business(client: BookingClient, sandbox: SandboxServer) -> None:
    business = client.get_business(sandbox.business_id)
    assert business.id == sandbox.business_id
    assert business.name == "Harbor Wellness Clinic"
    assert business.time_zone == CLINIC_ZONE
    with pytest.raises(NotFoundError) as caught:
        client.get_business("no-such-business")
    assert "could not find that business" in caught.value.message


def test_services(client: BookingClient, sandbox: SandboxServer) -> None:
    services = client.list_services(sandbox.business_id)
    by_id = {service.id: service for service in services}
    assert len(services) == 9
    assert by_id[YOGA].is_event
    assert not by_id[MASSAGE].is_event
    assert by_id["sv-home-visit"].needs_meeting_details


def test_staff(client: BookingClient, sandbox: SandboxServer) -> None:
    active = client.list_staff(sandbox.business_id)
    everyone = client.list_staff(sandbox.business_id, status="all")
    assert {member.id for member in everyone} - {member.id for member in active} == {"st-walsh"}
    assert all(member.active for member in active)
    with pytest.raises(ValidationError):
        client.list_staff(sandbox.business_id, status="sleeping")
    with pytest.raises(NotFoundError):
        client.list_staff("no-such-business")


def test_availability_of_appointments(client: BookingClient, sandbox: SandboxServer) -> None:
    first = tomorrow_in_clinic()
    by_day = client.get_availability(business_id=sandbox.business_id, service_id="sv-phone-consult",
                                     start_date=first, end_date=first + timedelta(days=6),
                                     time_zone=CLINIC_ZONE, staff_ids=["st-chen"])
    assert sorted(by_day) == [first + timedelta(days=n) for n in range(7)]
    slots = [slot for day in by_day.values() for slot in day]
    assert slots
    assert {slot.staff_id for slot in slots} == {"st-chen"}
    assert all(slot.start_time.tzinfo is not None and slot.event_instance_id is None
               for slot in slots)
    both = client.get_availability(business_id=sandbox.business_id,
                                   service_id="sv-phone-consult", start_date=first,
                                   end_date=first + timedelta(days=6), time_zone=CLINIC_ZONE,
                                   staff_ids=["st-chen", "st-nair"])
    assert {slot.staff_id for day in both.values() for slot in day} == {"st-chen", "st-nair"}


def test_availability_refusals(client: BookingClient, sandbox: SandboxServer) -> None:
    first = tomorrow_in_clinic()
    with pytest.raises(NotFoundError):
        client.get_availability(business_id=sandbox.business_id, service_id="sv-nothing",
                                start_date=first, end_date=first, time_zone=CLINIC_ZONE,
                                staff_ids=SAMPLE_STAFF)
    with pytest.raises(ValidationError):
        client.get_availability(business_id=sandbox.business_id, service_id=MASSAGE,
                                start_date=first, end_date=first + timedelta(days=90),
                                time_zone=CLINIC_ZONE, staff_ids=SAMPLE_STAFF)


@pytest.mark.parametrize("staff_ids", [[], [""], ["  "]])
def test_availability_needs_named_staff(client: BookingClient, sandbox: SandboxServer,
                                        sent: RequestLog, staff_ids: list[str]) -> None:
    first = tomorrow_in_clinic()
    with pytest.raises(ValueError, match="named staff members"):
        client.get_availability(business_id=sandbox.business_id, service_id=YOGA,
                                start_date=first, end_date=first, time_zone=CLINIC_ZONE,
                                staff_ids=staff_ids, kind="event")
    assert sent.lines == []  # refused before anything was sent


def test_event_instances(client: BookingClient, sandbox: SandboxServer) -> None:
    slots = event_slots(client, sandbox.business_id)
    assert slots
    assert all(slot.event_instance_id for slot in slots)
    instance = client.get_event_instance(slots[0].event_instance_id or "")
    assert instance.id == slots[0].event_instance_id
    assert instance.service_id == YOGA
    assert instance.start_time == slots[0].start_time
    with pytest.raises(NotFoundError):
        client.get_event_instance("ei-nothing")


def test_appointments_page_by_page(client: BookingClient, sandbox: SandboxServer) -> None:
    everything = client.list_appointments(sandbox.business_id)
    assert len(everything.appointments) > 2
    assert all(isinstance(item, Appointment) for item in everything.appointments)
    first = client.list_appointments(sandbox.business_id, page=1, per_page=2)
    assert len(first.appointments) == 2
    assert first.next_page == 2
    second = client.list_appointments(sandbox.business_id, page=2, per_page=2)
    assert second.appointments[0].id == everything.appointments[2].id
    mine = client.list_appointments(sandbox.business_id, client_id=KNOWN_CLIENT)
    assert mine.appointments
    assert {booking.client_id for booking in mine.appointments} == {KNOWN_CLIENT}
    cancelled = client.list_appointments(sandbox.business_id, states=["cancelled"])
    assert all(booking.state == "cancelled" for booking in cancelled.appointments)
    with pytest.raises(ValueError, match="someday"):
        client.list_appointments(sandbox.business_id, states=["someday"])
    with pytest.raises(ValueError, match="start_at:ASC"):
        client.list_appointments(sandbox.business_id, sort="start_at ascending")


def test_client_search(client: BookingClient, sandbox: SandboxServer) -> None:
    found = client.search_clients(sandbox.business_id, "olivia")
    assert KNOWN_CLIENT in {c.id for c in found.clients}
    by_email = client.search_clients(sandbox.business_id, "OLIVIA_SILVA72@example.org",
                                     search_by="email")
    assert [c.id for c in by_email.clients] == [KNOWN_CLIENT]
    assert by_email.clients[0].full_name == "Olivia Silva"
    assert client.search_clients(sandbox.business_id, "nobody@nowhere.example",
                                 search_by="email").clients == []
    with pytest.raises(ValidationError):
        client.search_clients(sandbox.business_id, "x", search_by="shoe_size")


def test_scheduling_form(client: BookingClient, sandbox: SandboxServer) -> None:
    plain = client.get_scheduling_form(sandbox.business_id, MASSAGE)
    physio = client.get_scheduling_form(sandbox.business_id, "sv-physio")
    assert plain.type == "scheduling"
    assert plain.sections[0]["fields"][0][0]["id"] == "q_email"
    assert len(physio.sections) == len(plain.sections) + 1
    with pytest.raises(NotFoundError):
        client.get_scheduling_form(sandbox.business_id, "sv-nothing")


# ---------------------------------------------------------------------- create and cancel


def test_book_an_existing_client(client: BookingClient, sandbox: SandboxServer,
                                 sleeps: SleepRecorder) -> None:
    slot = open_slots(client, sandbox)[0]
    booking = client.create_booking(appointment_request(sandbox.business_id, slot))
    assert booking.client_id == KNOWN_CLIENT
    assert (booking.staff_id, booking.service_id) == (MASSAGE_STAFF, MASSAGE)
    assert booking.start_time == slot.start_time
    assert booking.status == "scheduled"
    assert booking.type == "appointment"
    assert (booking.source_data or {}).get("source_name") == "front_desk"
    stored = [b for b in sandbox.state.bookings() if b["id"] == booking.id]
    assert len(stored) == 1
    assert sleeps.calls == []
    assert slot.start_time not in [s.start_time for s in open_slots(client, sandbox)
                                   if s.staff_id == slot.staff_id]


def test_book_a_new_client_from_form_data(client: BookingClient, sandbox: SandboxServer) -> None:
    slot = open_slots(client, sandbox)[0]
    request = appointment_request(sandbox.business_id, slot, client_id=None,
                                  form_data=new_client_form("ann.new@example.com"))
    booking = client.create_booking(request)
    found = client.search_clients(sandbox.business_id, "ann.new@example.com", search_by="email")
    assert [c.id for c in found.clients] == [booking.client_id]
    assert found.clients[0].first_name == "Ann"
    sent = sandbox.last_request_body(BOOKINGS_PATH)
    assert isinstance(sent["form_data"]["fields"], list)
    assert sent["form_data"]["others"] == {"notes": None}


def test_register_for_an_event(client: BookingClient, sandbox: SandboxServer,
                               sent: RequestLog) -> None:
    slot = event_slots(client, sandbox.business_id)[0]
    request = BookingRequest(business_id=sandbox.business_id,
                             event_instance_id=slot.event_instance_id, client_id=KNOWN_CLIENT)
    booking = client.create_booking(request)
    assert booking.type == "event"
    assert booking.event_instance_id == slot.event_instance_id
    with pytest.raises(AlreadyRegisteredError) as caught:
        client.create_booking(request)
    assert caught.value.error_code == "ALREADY_REGISTERED"
    assert sent.count("POST", BOOKINGS_PATH) == 2


def test_a_full_event_is_refused(client: BookingClient, sandbox: SandboxServer) -> None:
    slot = event_slots(client, sandbox.business_id)[0]
    instance_id = slot.event_instance_id or ""
    clients = client.search_clients(sandbox.business_id, "", per_page=100).clients
    registered = {b["client_id"] for b in sandbox.state.bookings()
                  if b["event_instance_id"] == instance_id and b["status"] != "cancelled"}
    with pytest.raises(EventFullError) as caught:  # noqa: PT012 - fill it up, then one more
        for person in clients:
            if person.id in registered:
                continue  # ALREADY_REGISTERED, not what this test is about
            client.create_booking(BookingRequest(business_id=sandbox.business_id,
                                                 event_instance_id=instance_id,
                                                 client_id=person.id))
    assert caught.value.error_code == "EVENT_FULL"
    assert client.get_event_instance(instance_id).is_full


def test_status_200_is_success_too(client: BookingClient, sandbox: SandboxServer) -> None:
    sandbox.faults.update(create_status=200)
    slot = open_slots(client, sandbox)[0]
    booking = client.create_booking(appointment_request(sandbox.business_id, slot))
    assert booking.id in {b["id"] for b in sandbox.state.bookings()}


def test_a_taken_slot_is_final(client: BookingClient, sandbox: SandboxServer,
                               sleeps: SleepRecorder, sent: RequestLog) -> None:
    slot = open_slots(client, sandbox)[0]
    sandbox.state.take_slot(slot.staff_id or "", slot.start_time.isoformat())
    before = len(sandbox.state.bookings())
    with pytest.raises(SlotTakenError) as caught:
        client.create_booking(appointment_request(sandbox.business_id, slot))
    assert caught.value.status == 422
    assert caught.value.message == ("That time was just taken by someone else. "
                                    "Please pick another time.")
    assert sent.count("POST", BOOKINGS_PATH) == 1
    assert sleeps.calls == []
    assert len(sandbox.state.bookings()) == before


def test_form_and_parameter_refusals(client: BookingClient, sandbox: SandboxServer,
                                     sent: RequestLog) -> None:
    slot = open_slots(client, sandbox)[0]
    nameless = FormData(fields=[FieldValue(field_id="q_email", type="email",
                                           new_data="ann@example.com")],
                        policies={"p_cancel": True})
    with pytest.raises(ValidationError) as blank:
        client.create_booking(appointment_request(sandbox.business_id, slot, client_id=None,
                                                  form_data=nameless))
    assert blank.value.error_code == "FORM_VALIDATION_ERROR"
    assert blank.value.field == "q_first"
    assert blank.value.message == "First name can't be blank."

    serviceless = BookingRequest(business_id=sandbox.business_id, staff_id=slot.staff_id,
                                 start_time=slot.start_time, client_id=KNOWN_CLIENT)
    with pytest.raises(ValidationError) as missing:
        client.create_booking(serviceless)
    assert (missing.value.status, missing.value.error_code, missing.value.field) == \
        (400, "PARAMETER_MISSING", "service_id")
    with pytest.raises(NotFoundError):
        client.create_booking(appointment_request(sandbox.business_id, slot,
                                                  client_id="cl-nobody"))
    assert sent.count("POST", BOOKINGS_PATH) == 3


def test_a_key_value_fields_map_is_refused(sandbox: SandboxServer) -> None:
    with BookingClient(sandbox.url, sandbox.staff_token()) as client:
        slot_start = open_slots(client, sandbox)[0]
    body = {"business_id": sandbox.business_id, "service_id": MASSAGE,
            "staff_id": slot_start.staff_id, "start_time": slot_start.start_time.isoformat(),
            "time_zone": CLINIC_ZONE,
            "form_data": {"fields": {"q_email": "ann@example.com", "q_first": "Ann"},
                          "policies": {"p_cancel": True}}}
    response = httpx.post(sandbox.url + BOOKINGS_PATH, json=body,
                          headers={"Authorization": f"Bearer {sandbox.staff_token()}"})
    assert response.status_code == 422
    assert response.json()["error_code"] == "FORM_VALIDATION_ERROR"
    error = error_from_response(response.status_code, response.content, response.headers)
    assert type(error) is ValidationError
    assert "array" in error.message
    assert not [b for b in sandbox.state.bookings() if b["start_time"] ==
                slot_start.start_time.isoformat() and b["staff_id"] == slot_start.staff_id
                and b["status"] != "cancelled"]


def test_cancel(client: BookingClient, sandbox: SandboxServer) -> None:
    slot = open_slots(client, sandbox)[0]
    booking = client.create_booking(appointment_request(sandbox.business_id, slot))
    client.cancel_booking(sandbox.business_id, booking.id)
    stored = next(b for b in sandbox.state.bookings() if b["id"] == booking.id)
    assert stored["status"] == "cancelled"
    assert client.find_booking(appointment_request(sandbox.business_id, slot)) is None
    with pytest.raises(NotFoundError):
        client.cancel_booking(sandbox.business_id, "bk-nothing")


def test_book_an_existing_client_with_the_forms_required_fields(
        client: BookingClient, sandbox: SandboxServer) -> None:
    """A staff token books an existing client with client_id AND the form's required and
    known fields taken from the client's record (the vendor's verified workflow)."""
    record: Client = client.search_clients(sandbox.business_id, KNOWN_CLIENT,
                                            search_by="uid").clients[0]
    definition = parse_definition(client.get_scheduling_form(sandbox.business_id, MASSAGE))
    details = details_from_record(definition, record)
    assert [field.id for field in details.missing] == ["p_cancel"]  # asked at the desk
    form = existing_client_form_data(definition, record, answers={"p_cancel": True})
    slot = open_slots(client, sandbox)[0]
    booking = client.create_booking(appointment_request(sandbox.business_id, slot,
                                                        client_id=record.id, form_data=form))
    assert booking.client_id == record.id
    sent = sandbox.last_request_body(BOOKINGS_PATH)
    assert sent["client_id"] == record.id
    fields = {entry["field_id"]: entry["new_data"] for entry in sent["form_data"]["fields"]}
    assert fields["q_email"] == record.email
    assert fields["q_first"] == record.first_name
    assert sent["form_data"]["policies"] == {"p_cancel": True}
