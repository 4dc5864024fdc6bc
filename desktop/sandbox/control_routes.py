"""The control endpoints under ``/__sandbox/`` (no token; this machine only), for the demo
window, child processes and tests that only have the URL.

==============================  =============================================================
``GET/POST /__sandbox/faults``  read / switch faults (faults.py); ``refuse_connections`` over
                                HTTP is a number of seconds
``POST /__sandbox/reset``       fresh sample data around the clock's today, no faults, mode
                                as started
``GET /__sandbox/bookings``     every booking (create-booking shape)
``POST /__sandbox/take_slot``   ``{staff_id, start_time, service_id?}``: someone else books it
``POST /__sandbox/token``       ``{expires_in?, business_id?, limited?}``: a staff token;
                                ``limited`` gets 403 on client search
``GET /__sandbox/clock``        ``{now, business_now, today, clock}``
``POST /__sandbox/clock``       ``{now: ISO with offset, reseed?}``: the clock jumps there and
                                runs on. Reseeds (fresh sample data around the new day) when
                                the business day changes, unless ``reseed`` says otherwise;
                                the answer says whether it did
``GET/POST /__sandbox/mode``    ``{strict, form_shape}`` (mode.py)
``POST /__sandbox/another_desk`` ``{action: "book" | "cancel"}``: someone at another desk
                                books a free time / cancels a scheduled appointment now
                                (today if possible); answers the change
==============================  =============================================================
"""

from __future__ import annotations

import re

from desktop.clock import parse_moment
from desktop.sandbox.records import iso, iso_ms
from desktop.sandbox.replies import Reply, invalid, missing, ok
from desktop.sandbox.routing import Request, SandboxApp, json_body, route


@route("GET", r"/__sandbox/faults")
def get_faults(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    return ok({"faults": app.faults.snapshot()})


@route("POST", r"/__sandbox/faults")
def set_faults(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    switches = dict(json_body(request))
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
    body = json_body(request)
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
    body = json_body(request)
    expires_in = body.get("expires_in", 3600)
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float):
        raise invalid("expires_in must be a number of seconds")
    limited = body.get("limited", False)
    if not isinstance(limited, bool):
        raise invalid("limited must be true or false")
    token = app.tokens.mint(expires_in, business_id=body.get("business_id"), limited=limited)
    return ok({"token": token, "expires_in": expires_in, "limited": limited})


def _clock_view(app: SandboxApp) -> dict[str, object]:
    now = app.clock.now()
    return {"now": iso_ms(now), "business_now": iso(now, app.state.tz),
            "today": now.astimezone(app.state.tz).date().isoformat(), "clock": repr(app.clock)}


@route("GET", r"/__sandbox/clock")
def get_clock(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    return ok(_clock_view(app))


@route("POST", r"/__sandbox/clock")
def set_clock(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    body = json_body(request)
    text = body.get("now")
    if not isinstance(text, str) or not text.strip():
        raise missing("now")
    reseed = body.get("reseed")
    if reseed is not None and not isinstance(reseed, bool):
        raise invalid("reseed must be true or false")
    try:
        moment = parse_moment(text)
    except ValueError as problem:
        raise invalid(str(problem)) from None
    reseeded = app.set_now(moment, reseed=reseed)
    return ok({**_clock_view(app), "reseeded": reseeded})


@route("GET", r"/__sandbox/mode")
def get_mode(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    return ok({"mode": app.mode.snapshot()})


@route("POST", r"/__sandbox/mode")
def set_mode(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    try:
        app.mode.update(**json_body(request))
    except ValueError as problem:
        raise invalid(str(problem)) from None
    return ok({"mode": app.mode.snapshot()})


@route("POST", r"/__sandbox/another_desk")
def another_desk(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    action = json_body(request).get("action")
    if not isinstance(action, str):
        raise missing("action")
    return ok(app.state.another_desk(action))
