"""Plain words for operations, for the drafts panel and the day view (one place for both).

    describe(op)      "Cancel 10:30 Ann Lee — waiting to send"
                      "Move 10:30 Ann Lee to 15:30 — time taken: pick another or drop"
    pending_text(op)  "cancelling…", "moving to 15:30…" (the day view's entry while pending)
    status_text(op)   "Waiting to send", "Needs attention", ...

Times are shown as HH:MM in the booking's zone (portable; dates belong to the UI's QLocale).
"""

from __future__ import annotations

import re
from datetime import datetime

from desktop.i18n import clock_time as desk_clock_time
from desktop.i18n import translate
from desktop.outbox.model import (
    CompleteBooking,
    MoveBooking,
    Operation,
    OperationKind,
    OperationStatus,
    Problem,
    RescheduleBooking,
)

S = OperationStatus
K = OperationKind


def clock_time(moment: datetime | None, zone: str | None) -> str:
    """``moment`` as a time of day in ``zone``, as the desk writes times (the UI's locale)."""
    if moment is None:
        return ""
    return desk_clock_time(moment, zone or "")


def _target_time(op: Operation) -> str:
    payload = op.payload
    if isinstance(payload, RescheduleBooking):
        return clock_time(payload.start_time, op.label.time_zone)
    if isinstance(payload, MoveBooking):
        return clock_time(payload.new_booking.start_time, op.label.time_zone)
    return ""


def action_text(op: Operation) -> str:
    """What the operation does, e.g. "Cancel 10:30 Ann Lee", "Move 10:30 Ann Lee to 15:30"."""
    when = clock_time(op.label.start_time, op.label.time_zone)
    who = op.label.client_name
    target = _target_time(op)
    payload = op.payload
    if op.kind is K.CREATE_BOOKING:
        text = translate("Outbox", "Book {when} {who}")
    elif op.kind is K.CANCEL:
        text = translate("Outbox", "Cancel {when} {who}")
    elif isinstance(payload, CompleteBooking) and payload.no_show:
        text = translate("Outbox", "No-show {when} {who}")
    elif op.kind is K.COMPLETE:
        text = translate("Outbox", "Completed {when} {who}")
    elif op.kind is K.RESCHEDULE:
        text = translate("Outbox", "Reschedule {when} {who} to {target}")
    elif isinstance(payload, MoveBooking) and payload.new_staff_name:
        text = translate("Outbox", "Move {when} {who} to {target} with {staff}")
    elif op.kind is K.MOVE:
        text = translate("Outbox", "Move {when} {who} to {target}")
    elif op.kind is K.ACCEPT:
        text = translate("Outbox", "Accept {when} {who}")
    else:
        text = translate("Outbox", "Waitlist {who}")
    staff = payload.new_staff_name if isinstance(payload, MoveBooking) else ""
    # Collapse the gaps an empty part leaves; only plain spaces (a locale's time may hold a
    # narrow no-break space, as in "10:30\u202fAM").
    return re.sub(" {2,}", " ", text.format(when=when, who=who, target=target,
                                            staff=staff)).strip(" ")


def status_text(op: Operation) -> str:
    texts = {
        S.DRAFT: translate("Outbox", "Draft"),
        S.QUEUED: translate("Outbox", "Waiting to send"),
        S.SENDING: translate("Outbox", "Sending…"),
        S.SENT: translate("Outbox", "Booked") if op.kind in (K.CREATE_BOOKING, K.MOVE)
        else translate("Outbox", "Done"),
        S.NEEDS_ATTENTION: translate("Outbox", "Needs attention"),
        S.FAILED: translate("Outbox", "Failed"),
    }
    return texts[op.status]


def _problem_text(op: Operation) -> str:
    texts = {
        Problem.TIME_TAKEN: translate("Outbox", "time taken: pick another or drop"),
        Problem.CANCELLED_ELSEWHERE: translate("Outbox", "already cancelled elsewhere: drop it"),
        Problem.NOT_FOUND: translate("Outbox", "booking no longer exists: drop it"),
        Problem.NOT_ALLOWED: translate("Outbox", "not allowed for this account"),
        Problem.FIX_FIELDS: translate("Outbox", "details to fix: open it"),
        Problem.INCOMPLETE: translate("Outbox", "not finished: open it"),
        Problem.PARTLY_DONE: translate("Outbox", "new booking made, old one still there"),
        Problem.REFUSED: translate("Outbox", "refused: try again or drop"),
        Problem.UNEXPECTED: translate("Outbox", "unexpected problem: try again"),
    }
    return texts[op.problem] if op.problem is not None else status_text(op).lower()


def passed_text(op: Operation) -> str:
    """The status of an operation whose time is over (policy.time_has_passed)."""
    if op.kind is K.CREATE_BOOKING:
        return translate("Outbox", "In the past: open it to pick another time")
    if op.kind is K.JOIN_WAITLIST:
        return translate("Outbox", "In the past: the session has begun, drop it")
    return translate("Outbox", "In the past: pick another time or drop")


def describe(op: Operation) -> str:
    """One line for a person: what it does, and where it stands."""
    if op.status in (S.NEEDS_ATTENTION, S.FAILED):
        state = _problem_text(op)
    else:
        state = status_text(op).lower()
    return translate("Outbox", "{action} — {state}").format(action=action_text(op), state=state)


def pending_text(op: Operation) -> str:
    """The day view's word for a booking with this operation still unsettled."""
    target = _target_time(op)
    payload = op.payload
    if op.status in (S.NEEDS_ATTENTION, S.FAILED):
        return translate("Outbox", "needs attention")
    if op.kind is K.CANCEL:
        return translate("Outbox", "cancelling…")
    if isinstance(payload, CompleteBooking):
        if payload.no_show:
            return translate("Outbox", "no-show…")
        return translate("Outbox", "completing…")
    if op.kind is K.RESCHEDULE:
        return translate("Outbox", "moving to {target}…").format(target=target)
    if op.kind is K.MOVE:
        return translate("Outbox", "moving to {target}…").format(target=target)
    if op.kind is K.JOIN_WAITLIST:
        return translate("Outbox", "joining the waitlist…")
    if op.kind is K.ACCEPT:
        return translate("Outbox", "accepting…")
    return translate("Outbox", "booking…")
