"""Dispatch: (method, path) to a handler that returns a Reply or raises ApiFailure.

The HTTP layer (server.py) has already checked the token and applied the faults; handlers only
speak the API. ``/__sandbox/*`` are the control endpoints (no token, loopback only).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from desktop.sandbox import validation
from desktop.sandbox.faults import Faults
from desktop.sandbox.replies import ApiFailure, Reply, invalid, missing, not_found, ok
from desktop.sandbox.state import SandboxState, iso
from desktop.sandbox.tokens import TokenIssuer

MAX_RANGE_DAYS = 62
DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
PUBLIC_SERVICE_KEYS = ("id", "name", "type", "duration", "price", "currency",
                       "interaction_type", "description", "capacity")
PUBLIC_STAFF_KEYS = ("id", "first_name", "last_name", "display_name", "email", "active", "role")


class SandboxApp(Protocol):
    state: SandboxState
    faults: Faults
    tokens: TokenIssuer

    def reset(self) -> None: ...

    def refuse_for(self, seconds: float) -> None: ...


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values and values[-1] != "" else None


Handler = Callable[[SandboxApp, Request, re.Match[str]], Reply]
_ROUTES: list[tuple[str, re.Pattern[str], Handler]] = []


def route(method: str, pattern: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _ROUTES.append((method, re.compile(pattern + r"/?$"), handler))
        return handler
    return register


def dispatch(app: SandboxApp, request: Request) -> Reply:
    allowed: list[str] = []
    for method, pattern, handler in _ROUTES:
        match = pattern.match(request.path)
        if match is None:
            continue
        if method != request.method:
            allowed.append(method)
            continue
        try:
            return handler(app, request, match)
        except ApiFailure as failure:
            return failure.to_reply()
    if allowed:
        reply = ApiFailure(405, "METHOD_NOT_ALLOWED",
                           f"{request.method} is not allowed on {request.path}").to_reply()
        reply.headers["Allow"] = ", ".join(sorted(set(allowed)))
        return reply
    return ApiFailure(404, "NOT_FOUND", f"No such endpoint: {request.path}").to_reply()


# ---------------------------------------------------------------------------- helpers


def _business(app: SandboxApp, business_id: str | None) -> None:
    """An absent business_id means the token's business; another one does not exist here."""
    if business_id is not None and business_id != app.state.business_id:
        raise not_found("Business")


def _paginate(request: Request, items: list[Any]) -> tuple[list[Any], int | None]:
    def number(name: str, default: int) -> int:
        text = request.arg(name)
        if text is None:
            return default
        try:
            value = int(text)
        except ValueError:
            raise invalid(f"Parameter {name} must be a whole number") from None
        if value < 1:
            raise invalid(f"Parameter {name} must be 1 or more")
        return value
    page = number("page", 1)
    per_page = min(number("per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)
    start = (page - 1) * per_page
    next_page = page + 1 if start + per_page < len(items) else None
    return items[start:start + per_page], next_page


def _date(request: Request, name: str) -> date:
    text = request.arg(name)
    if text is None:
        raise missing(name)
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise invalid(f"Parameter {name} must be a date as YYYY-MM-DD") from None


def _list_arg(request: Request, *names: str) -> list[str]:
    values: list[str] = []
    for name in names:
        for raw in request.query.get(name, []):
            values += [part.strip() for part in raw.split(",") if part.strip()]
    return values


def _body(request: Request) -> dict[str, Any]:
    if request.body is None:
        return {}
    if not isinstance(request.body, dict):
        raise invalid("The request body must be a JSON object")
    return request.body


# ---------------------------------------------------------------------------- platform API


@route("GET", r"/platform/v1/businesses/(?P<id>[^/]+)")
def get_business(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    _business(app, match["id"])
    return ok({"business": dict(app.state.data.business)})


@route("GET", r"/platform/v1/services")
def list_services(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    _business(app, request.arg("business_id"))
    services = [{key: s[key] for key in PUBLIC_SERVICE_KEYS if key in s}
                for s in app.state.data.services]
    page, next_page = _paginate(request, services)
    return ok({"services": page, "next_page": next_page})


@route("GET", r"/platform/v1/businesses/(?P<id>[^/]+)/staffs")
def list_staff(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    _business(app, match["id"])
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
    _business(app, request.arg("business_id"))
    first, last = _date(request, "start_date"), _date(request, "end_date")
    if last < first:
        raise invalid("Parameter end_date must not be before start_date")
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise invalid(f"The date range may span at most {MAX_RANGE_DAYS} days")
    tz = validation.parse_zone(request.arg("time_zone"), str(app.state.tz.key))
    kind = (request.arg("type") or "appointment").lower()
    if kind not in ("appointment", "event"):
        raise invalid("Parameter type must be appointment or event")
    service_id = request.arg("service_id")
    service = app.state.data.service(service_id) if service_id else None
    if service_id and service is None:
        raise not_found("Service")
    staff_ids = _list_arg(request, "staff_ids_array[]", "staff_ids_array", "staff_ids[]",
                          "staff_ids") or None
    window_start = datetime.combine(first, time(0), tz)
    window_end = datetime.combine(last + timedelta(days=1), time(0), tz)
    days: dict[str, list[dict[str, Any]]] = {
        (first + timedelta(days=n)).isoformat(): [] for n in range((last - first).days + 1)}

    if kind == "event":
        if service is not None and service["type"] != "EventService":
            raise invalid(f"{service['name']} is not a group event: ask with type=appointment")
        for instance in app.state.event_instances(service_id, staff_ids, window_start,
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
    for staff_id, start in app.state.open_slots(service, staff_ids, first_business_day,
                                                last_business_day):
        if not window_start <= start < window_end:
            continue
        local = start.astimezone(tz)
        days[local.date().isoformat()].append({
            "staff_id": staff_id, "start_time": iso(local),
            "duration_minutes": int(service["duration"]), "spots_total": 1, "spots_open": 1,
            "event_instance_id": None, "service_id": service["id"]})
    return ok({"availabilities": days})


@route("GET", r"/platform/v1/scheduling/event_instance/(?P<id>[^/]+)")
def get_event_instance(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    instance = app.state.event_instance(match["id"])
    if instance is None:
        raise not_found("Event instance")
    return ok({"event_instance": instance})


@route("GET", r"/platform/v1/scheduling/appointments")
def list_appointments(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    _business(app, request.arg("business_id"))
    state = request.arg("state")
    if state is not None and state not in ("upcoming", "past", "cancelled"):
        raise invalid("Parameter state must be upcoming, past or cancelled")
    found = app.state.appointments(request.arg("client_id"), state)
    page, next_page = _paginate(request, found)
    return ok({"appointments": page, "next_page": next_page})


@route("GET", r"/platform/v1/clients")
def search_clients(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    _business(app, request.arg("business_id"))
    term = (request.arg("search_term") or "").strip()
    by = request.arg("search_by")
    if by is not None and by not in ("email", "phone", "uid"):
        raise invalid("Parameter search_by must be email, phone or uid")
    found = [c for c in app.state.clients() if _client_matches(c, term, by)]
    found.sort(key=lambda c: ((c["last_name"] or "").lower(), (c["first_name"] or "").lower(),
                              c["id"]))
    page, next_page = _paginate(request, found)
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
    _business(app, request.arg("business_id"))
    if (request.arg("form_type") or "scheduling") != "scheduling":
        raise invalid("Only form_type=scheduling is available")
    return _form_reply(app, request.arg("service_uid") or request.arg("service_id"))


@route("GET", r"/platform/v1/scheduling/scheduling_forms/get_form")
def get_scheduling_form(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    _business(app, request.arg("business_id"))
    return _form_reply(app, request.arg("service_uid") or request.arg("service_id"))


@route("POST", r"/platform/v1/scheduling/bookings")
def create_booking(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    def instance_service(instance_id: str) -> str | None:
        instance = app.state.event_instance(instance_id)
        return str(instance["service_id"]) if instance else None

    plan = validation.build_plan(request.body, app.state.data, instance_service)
    key = request.headers.get("idempotency-key") or None
    booking, created = app.state.commit(plan, key)
    status = int(app.faults.get("create_status")) if created else 200
    reply = ok({"booking": booking}, status)
    reply.committed = created
    return reply


@route("POST", r"/platform/v1/scheduling/bookings/cancel")
def cancel_booking(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    body = _body(request)
    if not body.get("business_id"):
        raise missing("business_id")
    if not body.get("booking_id"):
        raise missing("booking_id")
    _business(app, str(body["business_id"]))
    return ok({"booking": app.state.cancel(str(body["booking_id"]))})


# ---------------------------------------------------------------------------- control


@route("GET", r"/__sandbox/faults")
def get_faults(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    return ok({"faults": app.faults.snapshot()})


@route("POST", r"/__sandbox/faults")
def set_faults(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    switches = dict(_body(request))
    refuse = switches.pop("refuse_connections", None)
    if refuse is True or (refuse is not None and not isinstance(refuse, bool | int | float)):
        raise invalid("Over HTTP give refuse_connections as a number of seconds: nothing "
                      "could reach the sandbox to clear it otherwise")
    try:
        app.faults.update(**switches)
    except ValueError as problem:
        raise invalid(str(problem)) from None
    if refuse is not None and refuse is not False and float(refuse) > 0:
        app.refuse_for(float(refuse))
    return ok({"faults": app.faults.snapshot()})


@route("POST", r"/__sandbox/reset")
def reset(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    app.reset()
    return ok({"reset": True})


@route("GET", r"/__sandbox/bookings")
def bookings(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    return ok({"bookings": app.state.bookings()})


@route("POST", r"/__sandbox/take_slot")
def take_slot(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    body = _body(request)
    if not body.get("staff_id"):
        raise missing("staff_id")
    if not body.get("start_time"):
        raise missing("start_time")
    try:
        booking = app.state.take_slot(str(body["staff_id"]), str(body["start_time"]),
                                      body.get("service_id"))
    except ValueError as problem:
        raise invalid(str(problem)) from None
    return ok({"booking": booking}, 201)


@route("POST", r"/__sandbox/token")
def mint_token(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    body = _body(request)
    expires_in = body.get("expires_in", 3600)
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float):
        raise invalid("expires_in must be a number of seconds")
    token = app.tokens.mint(expires_in, business_id=body.get("business_id"))
    return ok({"token": token, "expires_in": expires_in})
