"""A draft's on-screen values: written as JSON, read back liberally."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.api.models import Client, Slot
from desktop.booking.saved_booking import SavedBooking
from desktop.booking.selection import BookingMode


def _full() -> SavedBooking:
    return SavedBooking(
        mode=BookingMode.EVENT, service_id="sv-yoga", staff_id="st-nair",
        time_zone="Europe/London",
        slot=Slot(staff_id="st-nair", start_time=datetime(2026, 12, 1, 23, 0, tzinfo=UTC),
                  duration_minutes=60, spots_total=12, spots_open=3,
                  event_instance_id="ei-yoga-20261201-1800"),
        new_client=True, client=None,
        form_values={"q_first": "Lena", "q_dob": date(1990, 5, 17), "q_news": False},
        meeting_details="12 Main St", service_name="Gentle yoga", staff_name="Priya Nair",
        local_time="Tuesday 11 PM", client_name="Lena")


def test_round_trip_through_json() -> None:
    saved = _full()
    stored = json.loads(json.dumps(saved.to_json()))
    assert stored["form_values"]["q_dob"] == "1990-05-17"  # dates are stored as ISO text
    back = SavedBooking.from_json(stored)
    assert back.slot == saved.slot
    assert back.mode is BookingMode.EVENT
    assert back.form_values == {"q_first": "Lena", "q_dob": "1990-05-17", "q_news": False}
    assert (back.service_id, back.staff_id, back.time_zone, back.meeting_details) == (
        "sv-yoga", "st-nair", "Europe/London", "12 Main St")
    assert back.client_name == "Lena"


def test_an_existing_client_survives() -> None:
    client = Client(id="cl-1", first_name="Ann", last_name="Lee", email="ann@example.org")
    back = SavedBooking.from_json(SavedBooking(client=client).to_json())
    assert back.client == client
    assert back.new_client is False


@pytest.mark.parametrize("damaged", [
    None, [], "text", {"slot": {"start_time": "not a time"}}, {"client": {"no_id": 1}},
    {"mode": 7, "form_values": ["a"], "time_zone": 3, "new_client": "yes"},
])
def test_damaged_values_give_what_can_be_used(damaged: Any) -> None:
    back = SavedBooking.from_json(damaged)
    assert back.slot is None
    assert back.client is None
    assert back.mode is BookingMode.APPOINTMENT
    assert back.form_values == {}
    assert back.new_client is False


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(list(_full().to_json())), inner,
                                      max_size=6), max_leaves=20))
def test_any_json_reads_without_an_exception(values: Any) -> None:
    SavedBooking.from_json(values)


def test_worth_keeping_only_when_something_was_picked_or_typed() -> None:
    assert not SavedBooking().worth_keeping
    assert not SavedBooking(form_values={"q_reminders": True, "q_first": ""}).worth_keeping
    assert SavedBooking(form_values={"q_first": "A"}).worth_keeping
    assert SavedBooking(service_id="sv-massage").worth_keeping
