"""Validation messages and the exact form_data JSON built from typed values."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.forms import (
    FieldProblem,
    build_form_data,
    default_value,
    find_field_id,
    meeting_kind_for,
    parse_definition,
    validate_values,
)
from tests.forms.samples import EVERY_JSON, api_example, every_type

EVERY_VALUE: dict[str, object] = {
    "f1": " ann@example.com ", "f2": "Ann", "f3": "Lee", "f4": "+1 (555) 123-4567",
    "f5": "Dr", "f6": "Ann B. Lee", "f7": "12 Main St, Springfield", "f8": date(1990, 5, 17),
    "f9": "INS-0042", "f10": "friend", "f11": "New client", "f12": False, "f13": True,
    "f14": "Back pain", "f15": "A. Lee", "f16": "First visit", "notes": "Prefers mornings.\n",
    "f17": "Will bring the referral letter", "p1": True,
}


def test_every_field_type_builds_the_exact_json() -> None:
    definition = parse_definition(every_type())
    assert build_form_data(definition, EVERY_VALUE, None).to_json() == EVERY_JSON


def test_empty_values_are_left_out_and_notes_sent_as_null() -> None:
    definition = parse_definition(api_example())
    data = build_form_data(definition, {"f1": "ann@example.com", "f2": "Ann", "f3": "  ",
                                        "notes": "", "p1": False}, None)
    assert data.to_json() == {
        "fields": [{"field_id": "f1", "type": "email", "new_data": "ann@example.com"},
                   {"field_id": "f2", "type": "firstname", "new_data": "Ann"}],
        "service_fields": [], "others": {"notes": None}, "policies": {}}


@pytest.mark.parametrize(("kind", "details"), [("address", "12 Main St, City"),
                                                ("phone", "+1 555 987 6543")])
def test_meeting_details_are_sent_when_given(kind: str, details: str) -> None:
    definition = parse_definition(api_example())
    data = build_form_data(definition, {"f1": "a@b.co", "f2": "Ann", "p1": True}, details)
    assert data.to_json()["meeting_details"] == {"meeting_interaction_details": details}
    assert "meeting_details" not in build_form_data(definition, {}, "  ").to_json()


def test_meeting_kind_follows_the_interaction_type() -> None:
    assert meeting_kind_for("client_location") == "address"
    assert meeting_kind_for("phone_call") == "phone"
    assert meeting_kind_for("business_location") is None
    assert meeting_kind_for(None) is None


def test_defaults_are_typed() -> None:
    definition = parse_definition({"sections": [{"fields": [
        [{"id": "c", "type": "checkbox", "default_value": "true"}],
        [{"id": "d", "type": "datepicker", "default_value": "2024-02-29"}],
        [{"id": "x", "type": "datepicker", "default_value": "soon"}],
        [{"id": "o", "type": "dropdown", "options": [{"value": "v", "label": "Vee"}],
          "default_value": "Vee"}],
        [{"id": "s", "type": "singleline", "default_value": 42}],
        [{"id": "p", "type": "policy", "default_value": "Be on time."}]]}]})
    assert {f.id: default_value(f) for f in definition.fields()} == {
        "c": True, "d": date(2024, 2, 29), "x": None, "o": "v", "s": "42", "p": False}


def test_validation_messages() -> None:
    definition = parse_definition(every_type() | {"sections": every_type()["sections"] + [
        {"type": "fields", "title": "More", "fields": [
            [{"id": "r1", "label": "Consent", "type": "checkbox", "required": True},
             {"id": "r2", "label": "Visit date", "type": "datepicker", "required": True},
             {"id": "r3", "label": "Branch", "type": "dropdown", "required": True,
              "options": ["North", "South"]}]]}]})
    values = dict(EVERY_VALUE, f1="ann@", f2=" ", f4="12-34", f8="1990-13-01", f10="nope",
                  p1=False)
    assert validate_values(definition, values) == [
        FieldProblem("f1", "Email", "Email does not look like an email address "
                                    "(for example ann@example.com)."),
        FieldProblem("f2", "First name", "First name is required."),
        FieldProblem("f4", "Mobile phone", "Mobile phone does not look like a phone number "
                                           "(7 to 15 digits)."),
        FieldProblem("f8", "Date of birth", "Date of birth is not a valid date."),
        FieldProblem("f10", "How did you hear about us?",
                     "How did you hear about us? must be one of the listed choices."),
        FieldProblem("p1", "Cancellation policy",
                     'The client must accept "Cancellation policy" to book.'),
        FieldProblem("r1", "Consent", 'Please tick "Consent".'),
        FieldProblem("r2", "Visit date", "Please pick a date for Visit date."),
        FieldProblem("r3", "Branch", "Please choose an option for Branch."),
    ]
    assert validate_values(parse_definition(every_type()), EVERY_VALUE) == []


@pytest.mark.parametrize(("phone", "ok"), [
    ("+44 20 7946 0958", True), ("(555) 123-4567", True), ("555.123.4567", True),
    ("123456", False), ("1234567890123456", False), ("555-CALL-NOW", False), ("", True)])
def test_phone_rule(phone: str, ok: bool) -> None:
    definition = parse_definition(every_type())
    problems = validate_values(definition, dict(EVERY_VALUE, f4=phone))
    assert (problems == []) is ok


@pytest.mark.parametrize(("email", "ok"), [
    ("ann@example.com", True), ("a.b+c@sub.example.co.uk", True), ("ann@example", False),
    ("ann example@x.com", False), ("@example.com", False), ("ann@@example.com", False)])
def test_email_rule(email: str, ok: bool) -> None:
    definition = parse_definition(every_type())
    assert (validate_values(definition, dict(EVERY_VALUE, f1=email)) == []) is ok


def test_meeting_details_are_checked_after_the_first_section() -> None:
    definition = parse_definition(api_example())
    values = {"f1": "ann@example.com", "f2": "", "p1": False}
    problems = validate_values(definition, values, "phone", "12")
    assert [p.field_id for p in problems] == ["f2", "meeting-details", "p1"]
    assert problems[1] == FieldProblem(
        "meeting-details", "Phone number for the call",
        "The phone number for the call does not look like a phone number (7 to 15 digits).")
    address = validate_values(definition, values, "address", None)[1]
    assert address.message == "Please enter the client's address."


@pytest.mark.parametrize(("key", "field_id"), [
    ("f3", "f3"), ("Last name", "f3"), ("last name", "f3"), ("first_name", "f2"),
    ("firstname", "f2"), ("First name can't be blank", "f2"), ("Email is not valid", "f1"),
    ("Cancellation policy must be accepted", "p1"), ("Notes", "notes"),
    ("Emailing is broken", None), ("Something else", None), ("", None)])
def test_find_field_by_id_label_or_type(key: str, field_id: str | None) -> None:
    assert find_field_id(parse_definition(api_example()), key) == field_id
