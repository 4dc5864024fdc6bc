"""``form_data`` against the scheduling form: both published shapes, every required field.

Shapes of ``form_data.fields`` (``Mode.form_shape`` says which are accepted):

* array (API.md, the seed page): ``[{"field_id", "type", "new_data"}, ...]``;
* object (the vendor's ``swagger/scheduling/legacy/legacy_v1_scheduling.json``, Create New
  Booking, ``form_data``): ``{"<field id>": value}``, service questions may come in
  ``service_fields`` the same way, and a phone is ``{"prefix_value": "+54", "value":
  "1155550000"}``.

The wrong shape is refused with 422 FORM_VALIDATION_ERROR whose sentence says the fields are
malformed and which shape is expected (so a client can retry once in the other shape).

Field errors: the friendly sandbox answers the first one as a sentence plus ``field``; the
strict one answers them all with ``error`` an object keyed by field id (source: the same
OpenAPI file, 422: "an object keyed by scheduling-form field uid for FORM_VALIDATION_ERROR",
example ``{"qxr2cjzo4ifzbpjp": "This field cannot be empty"}``). Sentences name the field's
label ("First name can't be blank") so a person can act on them.

Policies: a required ``policy`` field is accepted by ``form_data.policies[<field_id>]`` being
true (or ``"true"``/``"yes"``/``"accepted"``/``1``), or by a fields answer with such a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.sandbox.records import Record
from desktop.sandbox.replies import ApiFailure, form_error

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
#: The form definition says ``firstname``, the booking example says ``first_name``.
TYPE_ALIASES = {"first_name": "firstname", "last_name": "lastname", "e-mail": "email",
                "optin": "opt-in", "opt_in": "opt-in"}
TRUE_WORDS = {"true", "yes", "accepted", "1", "on"}
CHOICE_TYPES = {"dropdown", "status", "title"}
ARRAY_SHAPE = "an array of {field_id, type, new_data} objects"
OBJECT_SHAPE = "an object keyed by field id"


@dataclass
class Answers:
    """What a valid form told: the client's details, and the booking's notes."""

    client: Record
    notes: str | None


def canonical_type(name: str) -> str:
    return TYPE_ALIASES.get(name.strip().lower(), name.strip().lower())


def form_fields(form: Record) -> Iterator[Record]:
    for section in form.get("sections", []):
        for row in section.get("fields", []):
            yield from row


def malformed(expected: str) -> ApiFailure:
    return form_error(f"form_data.fields is malformed: expected {expected}")


def check_form_data(form_data: Any, form: Record, *, shape: str = "array",
                    strict: bool = False) -> Answers:
    """Check ``form_data`` against the form definition ``form``; raise the API's refusal."""
    if not isinstance(form_data, dict):
        raise form_error("form_data must be an object with a fields "
                         + ("object" if shape == "object" else "array"))
    definition = {str(f.get("id")): f for f in form_fields(form) if isinstance(f, dict)}
    values, object_shaped = _values(form_data, definition, shape)
    policies = form_data.get("policies") or {}
    if not isinstance(policies, dict):
        raise form_error("form_data.policies must be an object")

    problems: dict[str, str] = {}
    for field_id, field in definition.items():
        label = str(field.get("label") or field_id)
        kind = canonical_type(str(field.get("type", "")))
        value = values.get(field_id)
        if kind == "policy":
            if field.get("required") and not (_accepted(policies.get(field_id))
                                               or _accepted(value)):
                problems[field_id] = f"{label} must be accepted"
            continue
        if kind == "phone" and strict and object_shaped and isinstance(value, str) \
                and value.strip():
            problems[field_id] = f"{label} must be an object with prefix_value and value"
            continue
        value = _phone_text(value) if kind == "phone" else value
        values[field_id] = value
        if field.get("required") and _blank(value):
            problems[field_id] = f"{label} can't be blank"
        elif not _blank(value):
            problem = _value_problem(kind, field, label, value)
            if problem:
                problems[field_id] = problem
    if problems:
        first = next(iter(problems))
        raise ApiFailure(422, "FORM_VALIDATION_ERROR", problems[first],
                         field=None if strict else first, errors=problems if strict else None)

    def of_type(kind: str) -> str | None:
        for field_id, field in definition.items():
            if canonical_type(str(field.get("type", ""))) == kind and \
                    isinstance(values.get(field_id), str) and values[field_id].strip():
                return str(values[field_id]).strip()
        return None

    client = {"first_name": of_type("firstname") or "", "last_name": of_type("lastname") or "",
              "email": of_type("email"), "phone": of_type("phone")}
    others = form_data.get("others")
    notes = others.get("notes") if isinstance(others, dict) else None
    if not (isinstance(notes, str) and notes.strip()):
        notes = values.get("notes") if isinstance(values.get("notes"), str) else None
    return Answers(client, notes.strip() if isinstance(notes, str) and notes.strip() else None)


def _values(form_data: Record, definition: dict[str, Record], shape: str
            ) -> tuple[dict[str, Any], bool]:
    """Answers by field id, and whether they came object-shaped."""
    entries = form_data.get("fields")
    if entries is None:
        entries = {} if shape == "object" else []
    if isinstance(entries, dict):
        if shape == "array":
            raise malformed(ARRAY_SHAPE)
        values = {str(key): value for key, value in entries.items()}
        extra = form_data.get("service_fields")
        if isinstance(extra, dict):
            values.update({str(key): value for key, value in extra.items()})
        return values, True
    if not isinstance(entries, list):
        raise malformed(OBJECT_SHAPE if shape == "object" else ARRAY_SHAPE)
    if shape == "object":
        raise malformed(OBJECT_SHAPE)
    values = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("field_id"), str) \
                or not isinstance(entry.get("type"), str) or "new_data" not in entry:
            raise form_error("Each entry of form_data.fields needs field_id, type and new_data")
        field = definition.get(entry["field_id"])
        if field is None:
            continue  # the API ignores answers to questions the form does not ask
        if canonical_type(entry["type"]) != canonical_type(str(field.get("type", ""))):
            raise form_error(f"{field.get('label', entry['field_id'])} has type "
                             f"{field.get('type')}, not {entry['type']}", entry["field_id"])
        values[entry["field_id"]] = entry["new_data"]
    return values, False


def _phone_text(value: Any) -> Any:
    """``{"prefix_value": "+54", "value": "1155550000"}`` as one string; others unchanged."""
    if not isinstance(value, dict):
        return value
    prefix = str(value.get("prefix_value") or "").strip()
    number = str(value.get("value") or "").strip()
    if not number:
        return ""
    return f"{prefix} {number}" if prefix.startswith("+") else number


def _blank(value: Any) -> bool:
    return value is None or value is False or value == [] or value == {} \
        or (isinstance(value, str) and not value.strip())


def _accepted(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value == 1
    return isinstance(value, str) and value.strip().lower() in TRUE_WORDS


def _value_problem(kind: str, field: Record, label: str, value: Any) -> str | None:
    if kind == "email" and not (isinstance(value, str) and EMAIL.match(value.strip())):
        return f"{label} is not a valid email address"
    if kind in CHOICE_TYPES and field.get("options") and value not in field["options"]:
        return f"{label} must be one of: {', '.join(map(str, field['options']))}"
    if kind == "datepicker":
        try:
            date.fromisoformat(str(value))
        except ValueError:
            return f"{label} must be a date (YYYY-MM-DD)"
    if kind == "phone" and sum(ch.isdigit() for ch in str(value)) < 7:
        return f"{label} is not a valid phone number"
    return None
