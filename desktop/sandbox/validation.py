"""Create-booking rules, as strict as the real API: turn a JSON body into a BookingPlan or
raise the API's refusal. Whether the slot or spot is free is checked later, under the lock.

Policies: a required ``policy`` field is accepted by ``form_data.policies[<field_id>]`` being
true (or ``"true"``/``"yes"``/``"accepted"``/``1``), or by a ``fields`` entry with that
field_id and such a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.sandbox.replies import form_error, invalid, missing, not_found
from desktop.sandbox.sample_data import Record, SampleData
from desktop.sandbox.state import BookingPlan

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
#: The form definition says ``firstname``, the booking example says ``first_name``.
TYPE_ALIASES = {"first_name": "firstname", "last_name": "lastname", "e-mail": "email",
                "optin": "opt-in", "opt_in": "opt-in"}
TRUE_WORDS = {"true", "yes", "accepted", "1", "on"}
CHOICE_TYPES = {"dropdown", "status", "title"}


def canonical_type(name: str) -> str:
    return TYPE_ALIASES.get(name.strip().lower(), name.strip().lower())


def form_fields(form: Record) -> Iterator[Record]:
    for section in form.get("sections", []):
        for row in section.get("fields", []):
            yield from row


def _text(body: Record, name: str) -> str | None:
    value = body.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise invalid(f"Parameter {name} must be a string")
    return str(value)


def _blank(value: Any) -> bool:
    return value is None or value is False or value == [] or value == {} \
        or (isinstance(value, str) and not value.strip())


def _accepted(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value == 1
    return isinstance(value, str) and value.strip().lower() in TRUE_WORDS


def parse_start(text: str, tz: ZoneInfo) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise invalid("Parameter start_time must be an ISO 8601 date and time") from None
    # A time without an offset is read in the request's time zone, as the API does.
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def parse_zone(name: str | None, default: str = "UTC") -> ZoneInfo:
    try:
        return ZoneInfo(name or default)
    except (ZoneInfoNotFoundError, ValueError):
        raise invalid(f"Parameter time_zone must be an IANA time zone name, not {name!r}") \
            from None


def build_plan(body: Any, data: SampleData,
               instance_service: Callable[[str], str | None]) -> BookingPlan:
    """``instance_service(event_instance_id)`` gives the service of an instance, or None."""
    if not isinstance(body, dict):
        raise invalid("The request body must be a JSON object")
    business_id = _text(body, "business_id")
    if business_id is None:
        raise missing("business_id")
    if business_id != data.business["id"]:
        raise not_found("Business")
    zone_name = _text(body, "time_zone")
    tz = parse_zone(zone_name)
    plan = BookingPlan(kind="appointment", time_zone=str(tz.key))

    instance_id = _text(body, "event_instance_id")
    service_id = _text(body, "service_id")
    service = data.service(service_id) if service_id else None
    if instance_id is None and service is not None and service["type"] == "EventService":
        raise missing("event_instance_id")
    if instance_id is not None:
        plan.kind = "event"
        plan.event_instance_id = instance_id
        form_service = instance_service(instance_id)
        if form_service is None:
            raise not_found("Event instance")
    else:
        for name in ("service_id", "staff_id", "start_time"):
            if _text(body, name) is None:
                raise missing(name)
        assert service_id is not None
        if service is None:
            raise not_found("Service")
        staff_id = _text(body, "staff_id")
        assert staff_id is not None
        if data.staff_member(staff_id) is None:
            raise not_found("Staff")
        plan.service_id = service_id
        plan.staff_id = staff_id
        plan.start = parse_start(str(body["start_time"]), tz)
        form_service = service_id

    form_data = body.get("form_data")
    plan.client_id = _text(body, "client_id")
    if plan.client_id is None:
        if form_data is None:
            raise missing("client_id or form_data")
        plan.new_client = check_form_data(form_data, data.form_for(form_service))
    meeting = body.get("meeting_details")
    if meeting is None and isinstance(form_data, dict):
        meeting = form_data.get("meeting_details")
    if meeting is not None and not isinstance(meeting, dict):
        raise invalid("Parameter meeting_details must be an object")
    plan.meeting_details = meeting
    plan.matter_uid = _text(body, "matter_uid")
    plan.source_data = {
        "source_name": _text(body, "source_name"),
        "source_url": _text(body, "source_url"),
        "campaign": _text(body, "campaign") or _text(body, "source_campaign"),
        "channel": _text(body, "channel") or _text(body, "source_channel"),
        "portal_id": _text(body, "portal_id") or _text(body, "business_uid"),
    }
    return plan


def check_form_data(form_data: Any, form: Record) -> Record:
    """Check ``form_data`` against the form definition; the new client's details on success."""
    if not isinstance(form_data, dict):
        raise form_error("form_data must be an object with a fields array")
    entries = form_data.get("fields")
    if not isinstance(entries, list):
        raise form_error("form_data.fields must be an array of {field_id, type, new_data} "
                         "objects, not a key-value object")
    definition = {str(f.get("id")): f for f in form_fields(form) if isinstance(f, dict)}
    values: dict[str, Any] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("field_id"), str) \
                or not isinstance(entry.get("type"), str) or "new_data" not in entry:
            raise form_error("Each entry of form_data.fields needs field_id, type and new_data")
        field = definition.get(entry["field_id"])
        if field is None:
            continue  # the API ignores answers to questions the form does not ask
        expected = canonical_type(str(field.get("type", "")))
        if canonical_type(entry["type"]) != expected:
            raise form_error(f"{field.get('label', entry['field_id'])} has type "
                             f"{field.get('type')}, not {entry['type']}", entry["field_id"])
        values[entry["field_id"]] = entry["new_data"]

    policies = form_data.get("policies") or {}
    if not isinstance(policies, dict):
        raise form_error("form_data.policies must be an object")
    for field_id, field in definition.items():
        label = str(field.get("label") or field_id)
        kind = canonical_type(str(field.get("type", "")))
        value = values.get(field_id)
        if kind == "policy":
            if field.get("required") and not (_accepted(policies.get(field_id))
                                               or _accepted(value)):
                raise form_error(f"{label} must be accepted", field_id)
            continue
        if field.get("required") and _blank(value):
            raise form_error(f"{label} can't be blank", field_id)
        if _blank(value):
            continue
        _check_value(kind, field, label, field_id, value)

    def of_type(kind: str) -> str | None:
        for field_id, field in definition.items():
            if canonical_type(str(field.get("type", ""))) == kind and \
                    isinstance(values.get(field_id), str) and values[field_id].strip():
                return str(values[field_id]).strip()
        return None

    return {"first_name": of_type("firstname") or "", "last_name": of_type("lastname") or "",
            "email": of_type("email"), "phone": of_type("phone")}


def _check_value(kind: str, field: Record, label: str, field_id: str, value: Any) -> None:
    if kind == "email" and not (isinstance(value, str) and EMAIL.match(value.strip())):
        raise form_error(f"{label} is not a valid email address", field_id)
    if kind in CHOICE_TYPES and field.get("options") and value not in field["options"]:
        raise form_error(f"{label} must be one of: {', '.join(map(str, field['options']))}",
                         field_id)
    if kind == "datepicker":
        try:
            date.fromisoformat(str(value))
        except ValueError:
            raise form_error(f"{label} must be a date (YYYY-MM-DD)", field_id) from None
    if kind == "phone" and sum(ch.isdigit() for ch in str(value)) < 7:
        raise form_error(f"{label} is not a valid phone number", field_id)
