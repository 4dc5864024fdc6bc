"""Create-booking rules: turn a JSON body into a :class:`BookingPlan` or raise the API's
refusal. Whether the slot or spot is free is checked later, under the state's lock.

The form itself is checked in form_rules.py. With ``client_id``:

* friendly sandbox: the client is known, ``form_data`` may be left out;
* strict: every required field of the service's form must still come in ``form_data.fields``
  (422 FORM_VALIDATION_ERROR naming the missing ones otherwise). Sources: the vendor's
  verified workflow ``api-validation/workflows/scheduling/post_platform_v1_scheduling_bookings.md``
  ("using a staff token will result in FORM_VALIDATION_ERROR even with client_id provided")
  and ``swagger/scheduling/legacy/legacy_v1_scheduling.json`` (``client_id`` "does not exempt
  the request from scheduling-form validation"). Not confirmed from public sources: whether a
  required *policy* is enforced for a known client too; the sandbox enforces every required
  field alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.sandbox.availability import exists
from desktop.sandbox.form_rules import check_form_data
from desktop.sandbox.records import Record
from desktop.sandbox.replies import ApiFailure, invalid, missing, not_found
from desktop.sandbox.sample_data import SampleData


@dataclass
class BookingPlan:
    """A create-booking request that passed the body checks."""

    kind: str  # "appointment" | "event"
    time_zone: str
    service_id: str | None = None
    staff_id: str | None = None
    start: datetime | None = None
    event_instance_id: str | None = None
    client_id: str | None = None
    new_client: Record | None = None
    source_data: Record = field(default_factory=dict)
    meeting_details: Record | None = None
    matter_uid: str | None = None
    notes: str | None = None


def text_param(body: Record, name: str) -> str | None:
    value = body.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise invalid(f"Parameter {name} must be a string")
    return str(value)


def parse_start(text: str, tz: ZoneInfo, name: str = "start_time") -> datetime:
    """An ISO 8601 moment; one without an offset is read in ``tz``, as the API does, and
    must then be a real local time there (not one skipped when the clocks went forward)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise invalid(f"Parameter {name} must be an ISO 8601 date and time") from None
    if moment.tzinfo is not None:
        return moment
    if not exists(moment, tz):
        raise invalid(f"Parameter {name}: {moment:%Y-%m-%d %H:%M} does not exist in "
                      f"{tz.key} (the clocks skip it); give a UTC offset")
    return moment.replace(tzinfo=tz)


def parse_zone(name: str | None, default: str = "UTC") -> ZoneInfo:
    try:
        return ZoneInfo(name or default)
    except (ZoneInfoNotFoundError, ValueError):
        raise invalid(f"Parameter time_zone must be an IANA time zone name, not {name!r}") \
            from None


def build_plan(body: Any, data: SampleData, instance_service: Callable[[str], str | None], *,
               strict: bool = False, form_shape: str = "array") -> BookingPlan:
    """``instance_service(event_instance_id)`` gives the service of an instance, or None."""
    if not isinstance(body, dict):
        raise invalid("The request body must be a JSON object")
    business_id = text_param(body, "business_id")
    if business_id is None:
        raise missing("business_id")
    if business_id != data.business["id"]:
        raise not_found("Business")
    tz = parse_zone(text_param(body, "time_zone"))
    plan = BookingPlan(kind="appointment", time_zone=str(tz.key))

    instance_id = text_param(body, "event_instance_id")
    service_id = text_param(body, "service_id")
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
            if text_param(body, name) is None:
                raise missing(name)
        assert service_id is not None
        if service is None:
            raise not_found("Service")
        staff_id = text_param(body, "staff_id")
        assert staff_id is not None
        if data.staff_member(staff_id) is None:
            raise not_found("Staff")
        plan.service_id = service_id
        plan.staff_id = staff_id
        plan.start = parse_start(str(body["start_time"]), tz)
        form_service = service_id

    form_data = body.get("form_data")
    plan.client_id = text_param(body, "client_id")
    form = data.form_for(form_service)
    if plan.client_id is None:
        if form_data is None:
            raise missing("client_id or form_data")
        answers = check_form_data(form_data, form, shape=form_shape, strict=strict)
        plan.new_client = answers.client
        plan.notes = answers.notes
    elif strict or form_data is not None:
        # A known client: strict checks the form as for anyone; the friendly sandbox only
        # takes the notes (and refuses a malformed form, as it cannot read them).
        try:
            plan.notes = check_form_data(form_data if form_data is not None else {"fields": None},
                                         form, shape=form_shape, strict=strict).notes
        except ApiFailure:
            if strict:
                raise
            plan.notes = _loose_notes(form_data)
    meeting = body.get("meeting_details")
    if meeting is None and isinstance(form_data, dict):
        meeting = form_data.get("meeting_details")
    if meeting is not None and not isinstance(meeting, dict):
        raise invalid("Parameter meeting_details must be an object")
    plan.meeting_details = meeting
    plan.matter_uid = text_param(body, "matter_uid")
    plan.source_data = {
        "source_name": text_param(body, "source_name"),
        "source_url": text_param(body, "source_url"),
        "campaign": text_param(body, "campaign") or text_param(body, "source_campaign"),
        "channel": text_param(body, "channel") or text_param(body, "source_channel"),
        "portal_id": text_param(body, "portal_id") or text_param(body, "business_uid"),
    }
    return plan


def _loose_notes(form_data: Any) -> str | None:
    others = form_data.get("others") if isinstance(form_data, dict) else None
    notes = others.get("notes") if isinstance(others, dict) else None
    return notes.strip() if isinstance(notes, str) and notes.strip() else None
