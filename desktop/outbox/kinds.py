"""Per kind of operation: how it is sent, and how to tell whether it already happened.

The look-up is what makes a re-send safe: it runs before any re-send of an operation whose
earlier request may have reached the server, and after a refusal (a target already reached
counts as done — a cancel of a booking someone already cancelled is done, not refused).

* create: ``find_booking`` (the client's bookings at that time).
* cancel: the appointment is cancelled.
* complete / no-show: the appointment is done with the same ``no_show``.
* reschedule: the appointment starts at the new time.
* move: the new booking is found (``find_booking``), then the old one is cancelled.
* join waitlist: no look-up exists; a second join is refused as "already registered",
  which counts as done.

An appointment cancelled elsewhere, or no longer known (404), is a conflict for a person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Protocol

from desktop.api.errors import AlreadyRegisteredError, ApiError, NotFoundError
from desktop.api.models import Appointment
from desktop.i18n import translate
from desktop.outbox.api import DeskApi
from desktop.outbox.model import (
    AcceptBooking,
    CancelBooking,
    CompleteBooking,
    CreateBooking,
    JoinWaitlist,
    MoveBooking,
    Operation,
    OperationKind,
    Payload,
    Problem,
    RescheduleBooking,
)


@dataclass(frozen=True)
class Done:
    """Already happened; ``result_id`` is the booking made, where one was."""

    result_id: str | None = None


@dataclass(frozen=True)
class NotDone:
    """Not (fully) happened: send it. ``made``: a move's new booking already exists."""

    made: str | None = None


@dataclass(frozen=True)
class Conflict:
    """Cannot be done as meant; a person decides."""

    problem: Problem
    sentence: str


Lookup = Done | NotDone | Conflict


class Unsendable(Exception):
    """The operation cannot be sent as stored (an unfinished draft)."""

    def __init__(self, problem: Problem, sentence: str) -> None:
        super().__init__(sentence)
        self.problem = problem
        self.sentence = sentence


#: Called by a move once its new booking exists, before the old one is cancelled.
StepRecorder = Callable[[str], None]


class Kind(Protocol):
    def look_up(self, api: DeskApi, op: Operation) -> Lookup: ...

    def deliver(self, api: DeskApi, op: Operation, step: StepRecorder) -> str | None: ...

    def settles(self, error: ApiError) -> bool:
        """A refusal that means it is already done."""
        ...


def _gone() -> Conflict:
    return Conflict(Problem.NOT_FOUND, translate(
        "Outbox", "The booking service no longer knows this booking (it may have been deleted "
           "elsewhere). Drop this, or try again if it should still be there."))


def _cancelled_elsewhere() -> Conflict:
    return Conflict(Problem.CANCELLED_ELSEWHERE, translate(
        "Outbox", "This booking was already cancelled elsewhere, so this change was not made. Drop "
           "it, or book the client again."))


def _appointment(api: DeskApi, booking_id: str) -> Appointment | None:
    try:
        return api.get_appointment(booking_id)
    except NotFoundError:
        return None


class _Base:
    def settles(self, error: ApiError) -> bool:
        return False


class _OnAppointment(_Base):
    """A change to one existing appointment, looked up by reading that appointment: gone is
    a conflict, so is a state in ``ended``; otherwise :meth:`reached` says whether it is done."""

    #: States in which the change can no longer be made (someone else ended the booking).
    ended: tuple[str, ...] = ("cancelled",)

    def reached(self, appointment: Appointment, payload: Payload) -> bool:
        raise NotImplementedError

    def look_up(self, api: DeskApi, op: Operation) -> Lookup:
        payload = op.payload
        assert isinstance(payload, _BOOKING_CHANGES)
        appointment = _appointment(api, payload.booking_id)
        if appointment is None:
            return _gone()
        if appointment.state in self.ended:
            return _cancelled_elsewhere()
        return Done() if self.reached(appointment, payload) else NotDone()


class Create(_Base):
    def _request(self, op: Operation) -> CreateBooking:
        payload = op.payload
        assert isinstance(payload, CreateBooking)
        if payload.request is None:
            raise Unsendable(Problem.INCOMPLETE, translate(
                "Outbox", "This draft is not complete enough to send (a time or a client may be "
                   "missing). Open it, finish it and book it."))
        return payload

    def look_up(self, api: DeskApi, op: Operation) -> Lookup:
        request = self._request(op).request
        assert request is not None
        found = api.find_booking(request)
        return Done(found.id) if found is not None else NotDone()

    def deliver(self, api: DeskApi, op: Operation, step: StepRecorder) -> str | None:
        request = self._request(op).request
        assert request is not None
        return api.create_booking(request, idempotency_key=op.idempotency_key).id


class Cancel(_OnAppointment):
    ended = ()  # cancelled is where a cancel goes

    def reached(self, appointment: Appointment, payload: Payload) -> bool:
        return appointment.state == "cancelled"

    def deliver(self, api: DeskApi, op: Operation, step: StepRecorder) -> str | None:
        payload = op.payload
        assert isinstance(payload, CancelBooking)
        api.cancel_bookings(payload.business_id, [payload.booking_id], message=payload.message)
        return None


class Complete(_OnAppointment):
    def reached(self, appointment: Appointment, payload: Payload) -> bool:
        assert isinstance(payload, CompleteBooking)
        return appointment.state == "done" and appointment.no_show == payload.no_show

    def deliver(self, api: DeskApi, op: Operation, step: StepRecorder) -> str | None:
        payload = op.payload
        assert isinstance(payload, CompleteBooking)
        api.complete_bookings(payload.business_id, [payload.booking_id],
                              no_show=payload.no_show, message=payload.message)
        return None


class Reschedule(_OnAppointment):
    def reached(self, appointment: Appointment, payload: Payload) -> bool:
        assert isinstance(payload, RescheduleBooking)
        start = appointment.start_time
        return start is not None and start.astimezone(UTC) == payload.start_time.astimezone(UTC)

    def deliver(self, api: DeskApi, op: Operation, step: StepRecorder) -> str | None:
        payload = op.payload
        assert isinstance(payload, RescheduleBooking)
        api.reschedule_booking(payload.business_id, payload.booking_id,
                               start_time=payload.start_time, duration=payload.duration,
                               notify_client=payload.notify_client, message=payload.message)
        return None


class Move(_Base):
    """A new booking (with the new staff member), then the old one cancelled. If the new
    booking cannot be made, the old one stays untouched."""

    def look_up(self, api: DeskApi, op: Operation) -> Lookup:
        payload = op.payload
        assert isinstance(payload, MoveBooking)
        made = op.result_id
        if made is None:
            found = api.find_booking(payload.new_booking)
            made = found.id if found is not None else None
        old = _appointment(api, payload.booking_id)
        if made is not None:
            # The new booking exists: the move is done once the old one is gone.
            return Done(made) if old is None or old.state == "cancelled" else NotDone(made)
        if old is None:
            return _gone()
        return _cancelled_elsewhere() if old.state == "cancelled" else NotDone()

    def deliver(self, api: DeskApi, op: Operation, step: StepRecorder) -> str | None:
        payload = op.payload
        assert isinstance(payload, MoveBooking)
        made = op.result_id
        if made is None:
            made = api.create_booking(payload.new_booking,
                                      idempotency_key=op.idempotency_key).id
            step(made)
        api.cancel_bookings(payload.business_id, [payload.booking_id], message=payload.message)
        return made


class Waitlist(_Base):
    def look_up(self, api: DeskApi, op: Operation) -> Lookup:
        return NotDone()  # nothing to look up: a second join is refused as already there

    def deliver(self, api: DeskApi, op: Operation, step: StepRecorder) -> str | None:
        payload = op.payload
        assert isinstance(payload, JoinWaitlist)
        api.join_waitlist(payload.business_id, payload.event_instance_id, payload.client_id)
        return None

    def settles(self, error: ApiError) -> bool:
        return isinstance(error, AlreadyRegisteredError)


class Accept(_OnAppointment):
    """A pending request made a booking: done once the appointment is no longer pending."""

    ended = ("cancelled", "rejected")

    def reached(self, appointment: Appointment, payload: Payload) -> bool:
        return appointment.state not in ("pending", "requested")

    def deliver(self, api: DeskApi, op: Operation, step: StepRecorder) -> str | None:
        payload = op.payload
        assert isinstance(payload, AcceptBooking)
        api.accept_booking(payload.business_id, payload.booking_id)
        return None


#: The payloads of changes to one existing appointment (looked up by :class:`_OnAppointment`).
_BOOKING_CHANGES = (CancelBooking, CompleteBooking, RescheduleBooking, AcceptBooking)

KINDS: dict[OperationKind, Kind] = {
    OperationKind.CREATE_BOOKING: Create(),
    OperationKind.CANCEL: Cancel(),
    OperationKind.COMPLETE: Complete(),
    OperationKind.RESCHEDULE: Reschedule(),
    OperationKind.MOVE: Move(),
    OperationKind.JOIN_WAITLIST: Waitlist(),
    OperationKind.ACCEPT: Accept(),
}
