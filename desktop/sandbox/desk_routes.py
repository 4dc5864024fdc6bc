"""The day at the desk over HTTP (API.md, "The day at the desk"; issue 16).

Answers, as the vendor's OpenAPI files show them (``swagger/scheduling/legacy/
scheduling.json`` for ``/business/scheduling/v1``, ``legacy_v1_scheduling.json`` for
``/platform/v1``; workflows in ``api-validation/workflows/scheduling/``):

* cancel: ``POST /platform/v1/scheduling/bookings/cancel`` 200 ``data.booking``;
  ``PUT /business/scheduling/v1/bookings/cancel`` 201 ``data.booking`` for one id, 200
  ``data.batch_response`` ``[{id, success, error}]`` for a list (at most 50);
* complete / no-show: ``POST /business/scheduling/v1/bookings/complete`` 201
  ``data.booking{uid, status}`` (plus ``state`` and ``no_show``), or a batch response;
* reschedule: ``PUT /business/scheduling/v1/bookings/{id}`` 201 ``data.booking`` (the
  appointment, with ``uid``); ``allow_double_booking`` defaults to true;
* accept: ``POST /business/scheduling/v1/bookings/accept`` 201 ``data.booking``;
* waitlist: ``POST /platform/v1/scheduling/waitlist`` 201 ``data.waitlist`` (200 when the
  client was already waiting), ``PUT /platform/v1/scheduling/waitlist/cancel`` 200; both take
  ``business_id``/``event_instance_id``/``client_id`` or the ``*_uid`` spellings.

Unknown bookings are 404 ``Booking not found``. Every write that succeeds is "committed" for
the ``drop_after_commit`` fault.
"""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo

from desktop.sandbox.replies import ApiFailure, Reply, invalid, ok
from desktop.sandbox.routing import (
    Request,
    SandboxApp,
    body_flag,
    body_text,
    booking_ids,
    check_business,
    json_body,
    route,
)
from desktop.sandbox.state import Outcome
from desktop.sandbox.validation import parse_start

BUSINESS_BOOKINGS = "/business/scheduling/v1/bookings"
#: The Business API takes start_time "in UTC": a time without an offset is read as UTC.
UTC_ZONE = ZoneInfo("UTC")


def _committed(reply: Reply) -> Reply:
    reply.committed = True
    return reply


def _message(body: dict[str, Any]) -> str | None:
    value = body.get("message")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise invalid("Parameter message must be a string")
    return value


def _batch_reply(outcomes: list[Outcome]) -> Reply:
    entries = [{"id": o.booking_id, "success": o.failure is None,
                "error": o.failure.message if o.failure else None} for o in outcomes]
    reply = ok({"batch_response": entries}, 200)
    reply.committed = any(o.failure is None for o in outcomes)
    return reply


def _single(outcomes: list[Outcome]) -> Outcome:
    outcome = outcomes[0]
    if outcome.failure is not None:
        raise outcome.failure
    return outcome


def _cancel(app: SandboxApp, request: Request, status: int) -> Reply:
    body = json_body(request)
    business_id = body_text(body, "business_id", required=True)
    ids, as_list = booking_ids(body)  # every parameter is checked before any look-up
    check_business(app, business_id)
    outcomes = app.state.cancel_bookings(ids, message=_message(body))
    if as_list:
        return _batch_reply(outcomes)
    booking = app.state.booking(_single(outcomes).booking_id)
    return _committed(ok({"booking": booking}, status))


@route("POST", r"/platform/v1/scheduling/bookings/cancel")
def cancel_platform(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    return _cancel(app, request, 200)


@route("PUT", BUSINESS_BOOKINGS + r"/cancel")
def cancel_business(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    return _cancel(app, request, 201)


@route("POST", BUSINESS_BOOKINGS + r"/complete")
def complete(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    body = json_body(request)
    check_business(app, body_text(body, "business_id", required=True))
    instance_id = body_text(body, "event_instance_id")
    ids, as_list = booking_ids(body, required=instance_id is None)
    if not ids and instance_id is not None:  # every registration of that event instance
        ids, as_list = app.state.registrations(instance_id), True
        if not ids:
            raise invalid("That event instance has no registration to complete")
    no_show = body_flag(body, "mark_as_no_show", False)
    outcomes = app.state.complete_bookings(ids, no_show=no_show, message=_message(body))
    if as_list:
        return _batch_reply(outcomes)
    outcome = _single(outcomes)
    return _committed(ok({"booking": {"uid": outcome.booking_id, "status": "completed",
                                      "state": outcome.appointment["state"],
                                      "no_show": outcome.appointment["no_show"]}}, 201))


@route("POST", BUSINESS_BOOKINGS + r"/accept")
def accept(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    body = json_body(request)
    business_id = body_text(body, "business_id", required=True)
    ids, as_list = booking_ids(body)  # every parameter is checked before any look-up
    check_business(app, business_id)
    if as_list:
        return _batch_reply([app.state.accept_booking(booking_id) for booking_id in ids])
    outcome = app.state.accept_booking(ids[0])
    if outcome.failure is not None:
        raise outcome.failure
    return _committed(ok({"booking": {**outcome.appointment, "uid": outcome.booking_id}}, 201))


@route("PUT", BUSINESS_BOOKINGS + r"/(?P<id>(?!cancel$|complete$|accept$)[^/]+)")
def reschedule(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    body = json_body(request)
    check_business(app, body_text(body, "business_id", required=True))
    given = body_text(body, "booking_id")
    if given is not None and given != match["id"]:
        raise invalid("Parameter booking_id does not match the booking in the path")
    current = app.state.appointment(match["id"])
    if current is None:
        raise ApiFailure(404, "NOT_FOUND", "Booking not found")
    start = parse_start(body_text(body, "start_time") or str(current["start_time"]), UTC_ZONE)
    duration = body.get("duration")
    if duration is not None and (isinstance(duration, bool) or not isinstance(duration, int)):
        raise invalid("Parameter duration must be a whole number of minutes")
    moved = app.state.reschedule(
        match["id"], start, duration=duration,
        allow_double_booking=body_flag(body, "allow_double_booking", True),
        notify_client=body_flag(body, "notify_client", False), message=_message(body),
        staff_id=body_text(body, "staff_id"))
    return _committed(ok({"booking": {**moved, "uid": moved["id"]}}, 201))


def _waitlist_entry(app: SandboxApp, request: Request) -> tuple[str, str]:
    """The event instance and the client a waitlist call names (uid spellings accepted)."""
    body = json_body(request)
    check_business(app, body_text(body, "business_id", "business_uid", required=True))
    instance_id = body_text(body, "event_instance_id", "event_instance_uid", required=True)
    client_id = body_text(body, "client_id", "client_uid", required=True)
    assert instance_id is not None
    assert client_id is not None
    return instance_id, client_id


@route("POST", r"/platform/v1/scheduling/waitlist")
def join_waitlist(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    entry, created = app.state.join_waitlist(*_waitlist_entry(app, request))
    return _committed(ok({"waitlist": entry}, 201 if created else 200))


@route("PUT", r"/platform/v1/scheduling/waitlist/cancel")
def leave_waitlist(app: SandboxApp, request: Request, match: re.Match[str]) -> Reply:
    return _committed(ok({"waitlist": app.state.leave_waitlist(*_waitlist_entry(app, request))}))
