"""The receptionist's choices and the request they add up to."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.api.models import Client, FieldValue, FormData, Service, Slot
from desktop.booking.selection import BookingMode, BookingSelection, Need

MASSAGE = Service(id="sv-massage", name="Massage", duration=60)
YOGA = Service(id="sv-yoga", name="Yoga", type="EventService")
SLOT = Slot(staff_id="st-ramirez", start_time=datetime(2026, 12, 2, 15, 0, tzinfo=UTC))
ANN = Client(id="cl-1", first_name="Ann")


def test_missing_names_what_is_still_needed() -> None:
    assert BookingSelection().missing() == [Need.SERVICE, Need.TIME, Need.CLIENT]
    event = BookingSelection(mode=BookingMode.EVENT, service=YOGA,
                             slot=Slot(start_time=SLOT.start_time, spots_open=0,
                                       event_instance_id="ei-1"))
    assert event.missing() == [Need.SESSION_WITH_SPOTS, Need.CLIENT]


def test_incomplete_selection_refuses_to_build_a_request() -> None:
    with pytest.raises(ValueError, match="time"):
        BookingSelection(service=MASSAGE, client=ANN).to_request("hwc")


def test_appointment_request_takes_staff_from_the_slot_and_names_the_zone() -> None:
    request = BookingSelection(service=MASSAGE, slot=SLOT, client=ANN,
                               time_zone="America/New_York").to_request("hwc")
    body = request.to_json()
    assert body == {"business_id": "hwc", "service_id": "sv-massage", "staff_id": "st-ramirez",
                    "start_time": "2026-12-02T15:00:00+00:00", "time_zone": "America/New_York",
                    "client_id": "cl-1", "source_name": "front_desk"}


def test_new_client_sends_form_data_and_no_client_id() -> None:
    form = FormData(fields=[FieldValue(field_id="q_first", type="firstname", new_data="Bo")])
    body = BookingSelection(service=MASSAGE, slot=SLOT, form_data=form).to_request(
        "hwc").to_json()
    assert "client_id" not in body
    assert body["form_data"]["fields"] == [
        {"field_id": "q_first", "type": "firstname", "new_data": "Bo"}]
    assert body["form_data"]["others"] == {"notes": None}


def test_event_request_names_only_the_instance() -> None:
    session = Slot(start_time=SLOT.start_time, spots_open=4, event_instance_id="ei-7")
    body = BookingSelection(mode=BookingMode.EVENT, service=YOGA, slot=session,
                            client=ANN).to_request("hwc").to_json()
    assert body == {"business_id": "hwc", "event_instance_id": "ei-7", "client_id": "cl-1",
                    "source_name": "front_desk"}
