"""An existing client's booking carries the form's required and known fields, filled from the
client's record; what the record lacks is asked for, never invented. Built on the sample
form (resources/sample_data/scheduling_form.json)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.api.models import Client, Service, Slot
from desktop.booking.client_details import (
    MissingClientDetails,
    details_from_record,
    existing_client_form_data,
)
from desktop.booking.selection import BookingSelection
from desktop.forms import FormDefinition, parse_definition

SAMPLE = Path(__file__).parents[2] / "resources" / "sample_data" / "scheduling_form.json"
OLIVIA = Client(id="cl-1", first_name="Olivia", last_name="Silva",
                email="olivia@example.org", phone="+1 617 555 0100")


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return parse_definition(json.loads(SAMPLE.read_text(encoding="utf-8"))["form"])


def test_the_record_fills_what_it_knows_and_names_what_it_lacks(form: FormDefinition) -> None:
    details = details_from_record(form, OLIVIA)
    assert details.values == {"q_email": "olivia@example.org", "q_first": "Olivia",
                              "q_last": "Silva", "q_phone": "+1 617 555 0100"}
    # The cancellation policy is required and no record can accept it for the client.
    assert [field.id for field in details.missing] == ["p_cancel"]


def test_a_record_without_a_first_name_must_be_completed(form: FormDefinition) -> None:
    partial = Client(id="cl-2", email="x@example.org")
    details = details_from_record(form, partial)
    assert details.values == {"q_email": "x@example.org"}
    assert [field.id for field in details.missing] == ["q_first", "p_cancel"]
    with pytest.raises(MissingClientDetails) as caught:
        existing_client_form_data(form, partial, answers={"p_cancel": True})
    assert [field.id for field in caught.value.fields] == ["q_first"]
    assert str(caught.value) == ("This service's form needs “First name” for this client "
                                 "before booking.")


def test_form_data_sends_required_and_known_fields_only(form: FormDefinition) -> None:
    data = existing_client_form_data(form, OLIVIA, answers={"p_cancel": True, "q_first": "Liv",
                                                            "q_reason": "  ", "notes": "Late"})
    sent = {entry.field_id: (entry.type, entry.new_data) for entry in data.fields}
    assert sent == {"q_email": ("email", "olivia@example.org"),
                    "q_first": ("firstname", "Liv"),  # what the receptionist typed wins
                    "q_last": ("lastname", "Silva"),
                    "q_phone": ("phone", "+1 617 555 0100")}
    # Nothing invented: the reminder box (default on) and the blank reason are not sent.
    assert "q_reminders" not in sent
    assert "q_reason" not in sent
    assert data.policies == {"p_cancel": True}
    assert data.others == {"notes": "Late"}


def test_the_guardians_name_is_not_the_clients(form: FormDefinition) -> None:
    """A "name" field may be someone else's (the sample's parent or guardian)."""
    assert "q_guardian" not in details_from_record(form, OLIVIA).values


def test_the_request_carries_client_id_and_form_data(form: FormDefinition) -> None:
    selection = BookingSelection(
        service=Service(id="sv-massage", duration=60),
        slot=Slot(staff_id="st-ramirez", start_time=datetime(2030, 5, 6, 14, tzinfo=UTC)),
        client=OLIVIA,
        form_data=existing_client_form_data(form, OLIVIA, answers={"p_cancel": True}))
    body = selection.to_request("hwc").to_json()
    assert body["client_id"] == "cl-1"
    assert {entry["field_id"] for entry in body["form_data"]["fields"]} == \
        {"q_email", "q_first", "q_last", "q_phone"}
