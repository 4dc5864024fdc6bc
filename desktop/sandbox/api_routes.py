"""The platform's read endpoints and Create New Booking (API.md, first sections).

Strict-mode rules here: ``staff_ids_array`` required on availability, appointments and
events alike (source: the vendor's ``swagger/scheduling/legacy/legacy_v1_scheduling.json``,
``/staff/availability``: ``staff_ids_array`` "required": true, comma-separated; API.md: the
verified calls send it for events too), and starts on the 10-minute grid (availability.py).
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Any

from desktop.sandbox import validation
from desktop.sandbox.availability import GRID_MINUTES, wall_instant
from desktop.sandbox.records import OPEN, STATES, BookingRecord, iso
from desktop.sandbox.replies import ApiFailure, Reply, invalid, missing, not_found, ok
from desktop.sandbox.routing import (
    Request,
    SandboxApp,
    check_business,
    date_arg,
    list_arg,
    page_args,
    paginate,
    route,
)
from desktop.sandbox.store import Keep

MAX_RANGE_DAYS = 62
PUBLIC_SERVICE_KEYS = ("id", "name", "type", "duration", "price", "currency",
                       "interaction_type", "description", "capacity")
PUBLIC_STAFF_KEYS = ("id", "first_name", "last_name", "display_name", "email", "active", "role")
KINDS = {"appointment": "appointment", "appointmentservice": "appointment",
         "event": "event", "eventservice": "event"}
#: Older values of the list's ``state`` filter, still accepted.
LEGACY_STATES = ("upcoming", "past")
SORTS = {"start_at": "start_at", "start": "start_at", "updated": "updated",
         "updated_at": "updated", "created": "created", "created_at": "created"}


@route("GET", r"/platform/v1/businesses/(?P<id>[^/]+)")
def get_business(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    check_business(app, match["id"])
    return ok({"business": dict(app.state.data.business)})


@route("GET", r"/platform/v1/services")
def list_services(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    check_business(app, request.arg("business_id"))
    services = [{key: s[key] for key in PUBLIC_SERVICE_KEYS if key in s}
                for s in app.state.data.services]
    page, next_page = paginate(request, services)
    return ok({"services": page, "next_page": next_page})


@route("GET", r"/platform/v1/businesses/(?P<id>[^/]+)/staffs")
def list_staff(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    check_business(app, match["id"])
    status = (request.arg("status") or "all").lower()
    if status not in ("active", "inactive", "all"):
        raise invalid("Parameter status must be active, inactive or all")
    staff = []
    for member in app.state.data.staff:
        if status != "all" and member.get("active", True) != (status == "active"):
            continue
        public = {key: member.get(key) for key in PUBLIC_STAFF_KEYS}
        public["service_ids"] = list(member.get("services", []))
        staff.append(public)
    return ok({"staff": staff})


@route("GET", r"/platform/v1/staff/availability")
def get_availability(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    check_business(app, request.arg("business_id"))
    strict = app.mode.strict
    first, last = date_arg(request, "start_date"), date_arg(request, "end_date")
    if last < first:
        raise invalid("Parameter end_date must not be before start_date")
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise invalid(f"The date range may span at most {MAX_RANGE_DAYS} days")
    tz = validation.parse_zone(request.arg("time_zone"), str(app.state.tz.key))
    kind = KINDS.get((request.arg("type") or "appointment").lower())
    if kind is None:
        raise invalid("Parameter type must be appointment or event")
    staff_ids = list_arg(request, "staff_ids_array[]", "staff_ids_array")
    if not strict:
        staff_ids += list_arg(request, "staff_ids[]", "staff_ids")
    if strict and not staff_ids:
        raise missing("staff_ids_array")
    service_id = request.arg("service_id")
    service = app.state.data.service(service_id) if service_id else None
    if service_id and service is None:
        raise not_found("Service")
    ignore = request.arg("booking_instance_id")
    if ignore is not None and app.state.booking(ignore) is None:
        raise ApiFailure(404, "NOT_FOUND", "Booking not found")
    window_start = wall_instant(first, time(0), tz)
    window_end = wall_instant(last + timedelta(days=1), time(0), tz)
    days: dict[str, list[dict[str, Any]]] = {
        (first + timedelta(days=n)).isoformat(): [] for n in range((last - first).days + 1)}

    if kind == "event":
        if service is not None and service["type"] != "EventService":
            raise invalid(f"{service['name']} is not a group event: ask with type=appointment")
        for instance in app.state.event_instances(service_id, staff_ids or None, window_start,
                                                  window_end):
            start = datetime.fromisoformat(instance["start_time"]).astimezone(tz)
            days[start.date().isoformat()].append({
                "staff_id": instance["staff_id"], "start_time": iso(start),
                "duration_minutes": instance["duration"],
                "spots_total": instance["spots_total"], "spots_open": instance["spots_open"],
                "event_instance_id": instance["id"], "service_id": instance["service_id"]})
        return ok({"availabilities": days})

    if service is None:
        raise missing("service_id")
    if service["type"] != "AppointmentService":
        raise invalid(f"{service['name']} is a group event: ask with type=event")
    business_tz = app.state.tz
    first_business_day = window_start.astimezone(business_tz).date()
    last_business_day = (window_end - timedelta(seconds=1)).astimezone(business_tz).date()
    minutes = GRID_MINUTES if strict else int(service["duration"])
    for staff_id, start in app.state.open_slots(service, staff_ids or None, first_business_day,
                                                last_business_day, grid=strict,
                                                ignore_booking=ignore):
        if not window_start <= start < window_end:
            continue
        local = start.astimezone(tz)
        days[local.date().isoformat()].append({
            "staff_id": staff_id, "start_time": iso(local), "duration_minutes": minutes,
            "spots_total": 1, "spots_open": 1, "event_instance_id": None,
            "service_id": service["id"]})
    return ok({"availabilities": days})


@route("GET", r"/platform/v1/scheduling/event_instance/(?P<id>[^/]+)")
def get_event_instance(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    instance = app.state.event_instance(match["id"])
    if instance is None:
        raise not_found("Event instance")
    return ok({"event_instance": instance})


@route("GET", r"/platform/v1/scheduling/appointments")
def list_appointments(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    """No date filter, as on the platform: page it sorted by start (API.md)."""
    check_business(app, request.arg("business_id"))
    keep = _state_filter(list_arg(request, "state"), app.clock.now())
    order, descending = _sort(request.arg("sort"))
    page, per_page = page_args(request)
    found, next_page = app.state.appointments(client_id=request.arg("client_id"), keep=keep,
                                              order=order, descending=descending, page=page,
                                              per_page=per_page)
    return ok({"appointments": found, "next_page": next_page})


@route("GET", r"/platform/v1/scheduling/appointments/(?P<id>[^/]+)")
def get_appointment(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    found = app.state.appointment(match["id"])
    if found is None:
        raise ApiFailure(404, "NOT_FOUND", "Booking not found")
    return ok({"appointment": found})


def _state_filter(tokens: list[str], now: datetime) -> Keep | None:
    if not tokens:
        return None
    unknown = [t for t in tokens if t not in STATES and t not in LEGACY_STATES]
    if unknown:
        raise invalid("Parameter state must be a comma list of " + ", ".join(STATES))
    plain = {t for t in tokens if t in STATES}
    upcoming, past = "upcoming" in tokens, "past" in tokens

    def keep(booking: BookingRecord) -> bool:
        return booking.status in plain \
            or (upcoming and booking.status in OPEN and booking.start >= now) \
            or (past and booking.status != "cancelled" and booking.start < now)
    return keep


def _sort(text: str | None) -> tuple[str, bool]:
    """The first of ``start_at:ASC``, ``updated:DESC``, ``created:DESC``... (later keys of a
    comma list are checked but only break ties by creation order)."""
    if text is None:
        return "start_at", False
    chosen: tuple[str, bool] | None = None
    for part in text.split(","):
        name, _, direction = part.strip().partition(":")
        order = SORTS.get(name.strip().lower())
        direction = (direction or "ASC").strip().upper()
        if order is None or direction not in ("ASC", "DESC"):
            raise invalid("Parameter sort must be like start_at:ASC, updated:DESC or "
                          "created:DESC")
        chosen = chosen or (order, direction == "DESC")
    assert chosen is not None
    return chosen


@route("GET", r"/platform/v1/clients")
def search_clients(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    if request.claims.get("limited"):
        raise ApiFailure(403, "FORBIDDEN", "This token may not search clients")
    check_business(app, request.arg("business_id"))
    term = (request.arg("search_term") or "").strip()
    by = request.arg("search_by")
    if by is not None and by not in ("email", "phone", "uid"):
        raise invalid("Parameter search_by must be email, phone or uid")
    found = [c for c in app.state.clients() if _client_matches(c, term, by)]
    found.sort(key=lambda c: ((c["last_name"] or "").lower(), (c["first_name"] or "").lower(),
                              c["id"]))
    page, next_page = paginate(request, found)
    return ok({"clients": page, "next_page": next_page})


def _digits(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch.isdigit())


def _client_matches(client: dict[str, Any], term: str, by: str | None) -> bool:
    if not term:
        return True
    needle = term.lower()
    if by == "email":
        return (client["email"] or "").lower() == needle
    if by == "uid":
        return bool(client["id"] == term)
    if by == "phone":
        return bool(_digits(term)) and _digits(term) in _digits(client["phone"])
    name = f"{client['first_name']} {client['last_name']}".lower()
    if needle in name or needle in (client["email"] or "").lower():
        return True
    return len(_digits(term)) >= 3 and _digits(term) in _digits(client["phone"])


def _form_reply(app: SandboxApp, service_id: str | None) -> Reply:
    if service_id is not None and app.state.data.service(service_id) is None:
        raise not_found("Service")
    return ok(app.state.data.form_for(service_id))


@route("GET", r"/platform/v1/forms")
def get_forms(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    check_business(app, request.arg("business_id"))
    if (request.arg("form_type") or "scheduling") != "scheduling":
        raise invalid("Only form_type=scheduling is available")
    return _form_reply(app, request.arg("service_uid") or request.arg("service_id"))


@route("GET", r"/platform/v1/scheduling/scheduling_forms/get_form")
def get_scheduling_form(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    check_business(app, request.arg("business_id"))
    return _form_reply(app, request.arg("service_uid") or request.arg("service_id"))


@route("POST", r"/platform/v1/scheduling/bookings")
def create_booking(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    def instance_service(instance_id: str) -> str | None:
        instance = app.state.event_instance(instance_id)
        return str(instance["service_id"]) if instance else None

    mode = app.mode.snapshot()
    plan = validation.build_plan(request.body, app.state.data, instance_service,
                                 strict=bool(mode["strict"]), form_shape=str(mode["form_shape"]))
    key = request.headers.get("idempotency-key") or None
    booking, created = app.state.commit(plan, key)
    status = int(app.faults.get("create_status")) if created else 200
    reply = ok({"booking": booking}, status)
    reply.committed = created
    return reply
