"""Dispatch: (method, path) to a handler that returns a Reply or raises ApiFailure, and the
parameter helpers the handlers share.

The HTTP layer (server.py) has already checked the token (its claims are on the request) and
applied the faults; handlers only speak the API. Handlers are registered with ``@route`` in
api_routes.py, desk_routes.py and control_routes.py (imported by routes.py), first match
wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from desktop.clock import Clock
from desktop.sandbox.faults import Faults
from desktop.sandbox.mode import Mode
from desktop.sandbox.replies import ApiFailure, Reply, invalid, missing, not_found
from desktop.sandbox.state import SandboxState
from desktop.sandbox.tokens import TokenIssuer

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
TRUE_TEXT = ("true", "1", "yes")
FALSE_TEXT = ("false", "0", "no")


class SandboxApp(Protocol):
    state: SandboxState
    faults: Faults
    tokens: TokenIssuer
    mode: Mode

    @property
    def clock(self) -> Clock: ...

    def reset(self) -> None: ...

    def refuse_for(self, seconds: float) -> None: ...

    def set_now(self, moment: datetime, *, reseed: bool | None = None) -> bool: ...


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    #: The token's claims (empty on control endpoints).
    claims: dict[str, Any] = field(default_factory=dict)

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


def check_business(app: SandboxApp, business_id: str | None) -> None:
    """An absent business_id means the token's business; another one does not exist here."""
    if business_id is not None and business_id != app.state.business_id:
        raise not_found("Business")


def page_args(request: Request) -> tuple[int, int]:
    """``page`` and ``per_page`` (default 25, at most 100: more is quietly capped)."""
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
    return number("page", 1), min(number("per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)


def paginate(request: Request, items: list[Any]) -> tuple[list[Any], int | None]:
    page, per_page = page_args(request)
    start = (page - 1) * per_page
    next_page = page + 1 if start + per_page < len(items) else None
    return items[start:start + per_page], next_page


def date_arg(request: Request, name: str) -> date:
    text = request.arg(name)
    if text is None:
        raise missing(name)
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise invalid(f"Parameter {name} must be a date as YYYY-MM-DD") from None


def list_arg(request: Request, *names: str) -> list[str]:
    """Values of the first-named parameters, repeated (``a[]=x&a[]=y``) or comma-separated."""
    values: list[str] = []
    for name in names:
        for raw in request.query.get(name, []):
            values += [part.strip() for part in raw.split(",") if part.strip()]
    return values


def json_body(request: Request) -> dict[str, Any]:
    if request.body is None:
        return {}
    if not isinstance(request.body, dict):
        raise invalid("The request body must be a JSON object")
    return request.body


def body_text(body: dict[str, Any], *names: str, required: bool = False) -> str | None:
    """The first of ``names`` present in ``body`` as text (``business_id`` or ``business_uid``)."""
    for name in names:
        value = body.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise invalid(f"Parameter {name} must be a string")
        return str(value)
    if required:
        raise missing(names[0])
    return None


def body_flag(body: dict[str, Any], name: str, default: bool) -> bool:
    """A boolean that may come as true/false or as "true"/"false" (the vendor documents some
    of these flags as strings)."""
    value = body.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in TRUE_TEXT + FALSE_TEXT:
        return value.strip().lower() in TRUE_TEXT
    raise invalid(f"Parameter {name} must be true or false")


def booking_ids(body: dict[str, Any], *, required: bool = True) -> tuple[list[str], bool]:
    """``booking_id`` as a string or a list of strings: (ids, given as a list)."""
    value = body.get("booking_id")
    if value is None or value == "" or value == []:
        if required:
            raise missing("booking_id")
        return [], False
    if isinstance(value, str):
        return [value], False
    if isinstance(value, list) and all(isinstance(item, str) and item for item in value):
        return list(value), True
    raise invalid("Parameter booking_id must be a booking id or a list of them")
