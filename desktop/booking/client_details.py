"""The form data of a booking for an existing client, filled from the client's record.

The vendor's verified workflow shows a staff token booking with only ``client_id`` refused
(422 FORM_VALIDATION_ERROR) whenever the service's form has required fields. So the request
carries ``client_id`` *and* ``form_data``: the fields the record can fill (email, first and
last name, phone: whatever the record has) and every required field. A required field the
record cannot fill (a policy to accept, a dropdown, a blank phone) is reported in
``missing`` so the window can ask for it in the generated form. Nothing is ever invented:
an unanswered field is left out, never given its default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.api.models import Client, FormData
from desktop.forms.definition import FormDefinition, FormField, FormSection
from desktop.forms.values import FormValue, as_date, as_text, build_form_data
from desktop.i18n import translate


@dataclass(frozen=True)
class ClientDetails:
    """What an existing client's record gives a service's form."""

    #: Field id → value taken from the record (only fields the record has a value for).
    values: dict[str, FormValue]
    #: Required fields the record cannot fill, in reading order: ask the receptionist.
    missing: tuple[FormField, ...]


class MissingClientDetails(ValueError):
    """Required fields still have no value. ``str(error)`` names them for the receptionist."""

    def __init__(self, fields: tuple[FormField, ...]) -> None:
        self.fields = fields
        labels = ", ".join(f"“{field.label}”" for field in fields)
        super().__init__(translate(
            "ClientDetails", "This service's form needs {labels} for this client before "
                             "booking.").format(labels=labels))


def details_from_record(definition: FormDefinition, client: Client) -> ClientDetails:
    """The values the record fills, and the required fields it leaves open."""
    values: dict[str, FormValue] = {}
    for field in definition.fields():
        value = _record_value(field, client)
        if value:
            values[field.id] = value
    missing = tuple(field for field in definition.fields()
                    if field.required and field.id not in values)
    return ClientDetails(values, missing)


def existing_client_form_data(definition: FormDefinition, client: Client,
                              answers: Mapping[str, object] | None = None,
                              meeting_details: str | None = None) -> FormData:
    """``form_data`` for booking ``client`` (sent together with ``client_id``).

    ``answers`` are what the receptionist filled in the generated form (they win over the
    record). Sent: the fields the record fills, the required ones and the answered ones.
    Raises MissingClientDetails while a required field has no value.
    """
    given = {key: value for key, value in (answers or {}).items() if _answered(value)}
    details = details_from_record(definition, client)
    values: dict[str, object] = {**details.values, **given}
    still_missing = tuple(field for field in details.missing if field.id not in given)
    if still_missing:
        raise MissingClientDetails(still_missing)
    chosen = {field.id for field in definition.fields()
              if field.id in values or field.required}
    return build_form_data(only_fields(definition, chosen), values, meeting_details)


def _record_value(field: FormField, client: Client) -> str | None:
    """The record's value for a field of a kind the record holds (not ``name``: on a form
    that may be a guardian's name, not the client's)."""
    raw = {"email": client.email, "firstname": client.first_name,
           "lastname": client.last_name, "phone": client.phone}.get(field.kind)
    text = (raw or "").strip()
    return text or None


def _answered(value: object) -> bool:
    """A value the receptionist actually gave (an unticked box or a blank text is none)."""
    if isinstance(value, bool):
        return value
    if as_date(value) is not None:
        return True
    return bool(as_text(value))


def only_fields(definition: FormDefinition, field_ids: set[str]) -> FormDefinition:
    """The definition with only ``field_ids`` (sections and rows kept in order)."""
    sections = []
    for section in definition.sections:
        rows = tuple(row for row in (tuple(f for f in r if f.id in field_ids)
                                     for r in section.rows) if row)
        if rows:
            sections.append(FormSection(section.type, section.title, rows))
    return FormDefinition(definition.title, tuple(sections))
