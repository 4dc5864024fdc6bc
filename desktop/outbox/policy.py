"""Which status may follow which, which operations may be edited, dropped, sent now, and what
the receptionist may decide about one that needs attention."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from desktop.i18n import translate
from desktop.outbox.model import (
    MAX_IDS_PER_CALL,
    CompleteBooking,
    Decision,
    MoveBooking,
    Operation,
    OperationKind,
    OperationStatus,
    Problem,
    RescheduleBooking,
)

S = OperationStatus
#: ``sending`` only from ``queued``; nothing after ``sent``.
TRANSITIONS: dict[OperationStatus, frozenset[OperationStatus]] = {
    S.DRAFT: frozenset({S.QUEUED}),
    S.QUEUED: frozenset({S.SENDING, S.DRAFT}),
    S.SENDING: frozenset({S.SENT, S.QUEUED, S.NEEDS_ATTENTION, S.FAILED}),
    S.NEEDS_ATTENTION: frozenset({S.QUEUED, S.DRAFT}),
    S.FAILED: frozenset({S.QUEUED, S.DRAFT}),
    S.SENT: frozenset(),
}
#: Statuses whose content may be edited. Not ``sending`` (it may be on the wire) nor ``sent``.
EDITABLE = frozenset({S.DRAFT, S.QUEUED, S.NEEDS_ATTENTION, S.FAILED})
#: A ``sending`` operation may already be done: dropping it would hide that from the desk.
DELETABLE = frozenset({S.DRAFT, S.QUEUED, S.NEEDS_ATTENTION, S.FAILED, S.SENT})
#: Not settled: a later operation on the same booking waits while an earlier one is in here.
UNSETTLED = frozenset({S.QUEUED, S.SENDING, S.NEEDS_ATTENTION, S.FAILED})
#: Waiting to be sent (the status bar's "waiting") and waiting for a person.
WAITING = frozenset({S.QUEUED, S.SENDING})
ATTENTION = frozenset({S.NEEDS_ATTENTION, S.FAILED})


def decisions(op: Operation) -> tuple[Decision, ...]:
    """What the receptionist may choose for ``op`` (empty unless it needs attention)."""
    if op.status not in ATTENTION:
        return ()
    if op.kind is OperationKind.CREATE_BOOKING:
        return (Decision.OPEN, Decision.RETRY, Decision.DROP)
    if op.problem is Problem.TIME_TAKEN and op.kind in (OperationKind.RESCHEDULE,
                                                         OperationKind.MOVE):
        return (Decision.PICK_TIME, Decision.DROP)
    if op.problem in (Problem.CANCELLED_ELSEWHERE, Problem.NOT_FOUND):
        return (Decision.DROP, Decision.RETRY)
    return (Decision.RETRY, Decision.DROP)


def booked_time(op: Operation) -> datetime | None:
    """The time ``op`` books or moves a booking to (None for what books no time)."""
    payload = op.payload
    if isinstance(payload, RescheduleBooking):
        return payload.start_time
    if isinstance(payload, MoveBooking):
        return payload.new_booking.start_time
    if op.kind in (OperationKind.CREATE_BOOKING, OperationKind.JOIN_WAITLIST):
        return op.label.start_time
    return None


def time_has_passed(op: Operation, now: datetime) -> bool:
    """Not done yet, and the time it books is over: it can only be refused now (a draft
    kept while offline overnight, say). The receptionist picks another time or drops it."""
    when = booked_time(op)
    return op.status is not S.SENT and when is not None and when <= now


def refusal(current: OperationStatus, wanted: OperationStatus) -> str:
    """The sentence for a status change that is not allowed."""
    if current == S.SENT:
        return translate("Outbox", "This was already done, so it cannot be sent again.")
    if wanted == S.SENDING:
        return translate("Outbox", "Only a draft waiting in the outbox can be sent; queue it "
                                   "first.")
    if current == S.SENDING:
        return translate("Outbox", "This is being sent right now; wait until it is finished.")
    return translate("Outbox", "A draft that is {current} cannot become {wanted}.").format(
        current=current.value.replace("_", " "), wanted=wanted.value.replace("_", " "))


def send_plan(due: Sequence[Operation]) -> list[list[Operation]]:
    """The due operations as the calls that send them, in order: each alone, except
    completed / no-show marks sharing business, flag and message, which go together in calls
    of ≤50 ids (after the others; each is the head of its own booking, so order holds)."""
    alone: list[list[Operation]] = []
    marks: dict[tuple[str, bool, str | None], list[Operation]] = {}
    for op in due:
        payload = op.payload
        if isinstance(payload, CompleteBooking) and not op.needs_lookup:
            marks.setdefault((payload.business_id, payload.no_show, payload.message),
                             []).append(op)
        else:
            alone.append([op])
    batches = [ops[start:start + MAX_IDS_PER_CALL] for ops in marks.values()
               for start in range(0, len(ops), MAX_IDS_PER_CALL)]
    return alone + batches
