"""Typed values of a generated form: defaults, validation and the ``form_data`` they become.

A value is ``str`` for text fields and dropdowns (the option's value, ``""`` for none),
``bool`` for checkbox/opt-in/policy, and ``datetime.date | None`` for datepickers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from desktop.api.models import FieldValue, FormData, MeetingDetails
from desktop.forms.definition import FormDefinition, FormField
from desktop.i18n import QT_TRANSLATE_NOOP, translate

FormValue = str | bool | date | None
FormValues = Mapping[str, object]
MeetingKind = Literal["address", "phone"]

BOOL_KINDS = frozenset({"checkbox", "opt-in", "policy"})
#: The key of the meeting-details field in problems and in the widget's objectName.
MEETING_DETAILS_ID = "meeting-details"
#: English; shown through :func:`meeting_label`.
MEETING_LABELS: Mapping[MeetingKind, str] = {
    "address": QT_TRANSLATE_NOOP("FormValues", "Client's address"),
    "phone": QT_TRANSLATE_NOOP("FormValues", "Phone number for the call"),
}


def meeting_label(kind: MeetingKind) -> str:
    """The label of the meeting-details line (the client's address, or the number to call)."""
    return translate("FormValues", MEETING_LABELS[kind])

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_PHONE_CHARS = re.compile(r"^[0-9 +\-().]+$")
_TRUE_WORDS = frozenset({"true", "1", "yes", "on", "checked", "y"})


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field_id: str
    label: str
    message: str


def meeting_kind_for(interaction_type: str | None) -> MeetingKind | None:
    """The meeting detail a service needs: an address for ``client_location``, a phone
    number for ``phone_call``, nothing otherwise."""
    return {"client_location": "address", "phone_call": "phone"}.get(  # type: ignore[return-value]
        interaction_type or "")


def default_value(field: FormField) -> FormValue:
    """The value a field starts with (and returns to on reset)."""
    if field.kind == "policy":
        return False
    if field.kind in BOOL_KINDS:
        return as_bool(field.default_value)
    if field.kind == "datepicker":
        return as_date(field.default_value)
    if field.has_choices:
        return option_value(field, field.default_value)
    return field.default_value if isinstance(field.default_value, str) else ""


def option_value(field: FormField, wanted: object) -> str:
    """The option value matching ``wanted`` (by value, then by label), or ``""``."""
    if not isinstance(wanted, str) or not wanted:
        return ""
    for option in field.options:
        if option.value == wanted:
            return option.value
    for option in field.options:
        if option.label == wanted:
            return option.value
    return ""


def as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_WORDS
    return bool(value) if isinstance(value, (bool, int)) else False


def as_date(value: object) -> date | None:
    """A date from a date, a datetime or an ISO ``YYYY-MM-DD`` text; ``None`` otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def as_text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    return value.strip() if isinstance(value, str) else str(value).strip()


def looks_like_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


def looks_like_phone(text: str) -> bool:
    if not _PHONE_CHARS.match(text):
        return False
    digits = sum(ch.isdigit() for ch in text)
    return 7 <= digits <= 15


def check_field(field: FormField, value: object) -> str | None:
    """The problem with one field's value as a sentence, or ``None`` when it is fine."""
    sentence = _field_problem(field, value)
    return sentence.format(label=field.label) if sentence is not None else None


def _field_problem(field: FormField, value: object) -> str | None:
    """The sentence of :func:`check_field`, translated, with ``{label}`` still to fill."""
    if field.kind in BOOL_KINDS:
        if field.required and not as_bool(value):
            if field.kind == "policy":
                return translate("FormValues", 'The client must accept "{label}" to book.')
            return translate("FormValues", 'Please tick "{label}".')
        return None
    if field.kind == "datepicker":
        if isinstance(value, str) and value.strip() and as_date(value) is None:
            return translate("FormValues", "{label} is not a valid date.")
        if field.required and as_date(value) is None:
            return translate("FormValues", "Please pick a date for {label}.")
        return None
    text = as_text(value)
    if field.has_choices:
        if text and option_value(field, text) == "":
            return translate("FormValues", "{label} must be one of the listed choices.")
        if field.required and not text:
            return translate("FormValues", "Please choose an option for {label}.")
        return None
    if not text:
        return translate("FormValues", "{label} is required.") if field.required else None
    if field.kind == "email" and not looks_like_email(text):
        return translate("FormValues", "{label} does not look like an email address (for "
                                       "example ann@example.com).")
    if field.kind == "phone" and not looks_like_phone(text):
        return translate("FormValues", "{label} does not look like a phone number (7 to 15 "
                                       "digits).")
    return None


def check_meeting_details(kind: MeetingKind, value: str | None) -> str | None:
    text = as_text(value)
    if not text:
        if kind == "address":
            return translate("FormValues", "Please enter the client's address.")
        return translate("FormValues", "Please enter the phone number to call.")
    if kind == "phone" and not looks_like_phone(text):
        return translate("FormValues", "The phone number for the call does not look like a "
                                       "phone number (7 to 15 digits).")
    return None


def validate_values(definition: FormDefinition, values: FormValues,
                    meeting_kind: MeetingKind | None = None,
                    meeting_details: str | None = None) -> list[FieldProblem]:
    """Every problem, in reading order. The meeting details (when ``meeting_kind`` is set)
    are checked right after the fields of the first section, where the form shows them."""
    problems: list[FieldProblem] = []
    for index, section in enumerate(definition.sections):
        for row in section.rows:
            for field in row:
                message = check_field(field, values.get(field.id, default_value(field)))
                if message:
                    problems.append(FieldProblem(field.id, field.label, message))
        if index == 0 and meeting_kind is not None:
            message = check_meeting_details(meeting_kind, meeting_details)
            if message:
                problems.append(FieldProblem(MEETING_DETAILS_ID, meeting_label(meeting_kind),
                                             message))
    return problems


def build_form_data(definition: FormDefinition, values: FormValues,
                    meeting_details: str | None = None) -> FormData:
    """The ``form_data`` of a booking for a new client (array format, see the seed page).

    ``fields`` holds every input field with a value, typed as the definition spells the
    type: text trimmed, dates ``YYYY-MM-DD``, checkbox/opt-in as booleans (a box always has
    an answer), a dropdown's option value. The notes (multiline of the ``message_info``
    section) go to ``others.notes``; ticked policies to ``policies`` as ``{id: true}``.
    """
    fields: list[FieldValue] = []
    notes: list[str] = []
    policies: dict[str, bool] = {}
    for field in definition.fields():
        value = values.get(field.id, default_value(field))
        new_data: object
        if field.kind == "policy":
            if as_bool(value):
                policies[field.id] = True
            continue
        if field.kind in BOOL_KINDS:
            new_data = as_bool(value)
        elif field.kind == "datepicker":
            day = as_date(value)
            if day is None:
                continue
            new_data = day.isoformat()
        elif field.has_choices:
            new_data = option_value(field, as_text(value))
            if not new_data:
                continue
        else:
            new_data = as_text(value)
            if not new_data:
                continue
            if field.is_notes:
                notes.append(str(new_data))
                continue
        fields.append(FieldValue(field_id=field.id, type=field.type, new_data=new_data))

    details = as_text(meeting_details)
    return FormData(
        fields=fields,
        service_fields=[],
        others={"notes": "\n\n".join(notes) if notes else None},
        policies=policies,
        meeting_details=MeetingDetails(meeting_interaction_details=details) if details else None,
    )
