"""The writes of the day at the desk: cancel, completed / no-show, reschedule, accept a
request, join or leave an event's waitlist (../shared/API.md, "The day at the desk").

Each follows the write rule of ``calls.Caller.write``: sent again only when nothing can have
reached the server, otherwise ``InDoubtError`` and the outbox looks the result up (an
appointment already in the target state counts as done).

Batches: the Business API takes at most 50 booking ids a call, so longer lists go out as
several calls, in order. If one fails, the calls before it were carried out (their bookings
show the new state) and the error of the failing one is raised.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from pydantic import ValidationError as ModelError

from desktop.api.actions import Action
from desktop.api.constants import MAX_IDS_PER_CALL
from desktop.api.models import CancelRequest
from desktop.api.paths import (
    BUSINESS_ACCEPT_PATH,
    BUSINESS_CANCEL_PATH,
    BUSINESS_COMPLETE_PATH,
    CANCEL_PATH,
    WAITLIST_CANCEL_PATH,
    WAITLIST_PATH,
    reschedule_path,
)
from desktop.api.reads import ReadCalls
from desktop.api.requests import (
    AcceptBookingRequest,
    CancelBookingsRequest,
    CompleteBookingsRequest,
    DeskRequest,
    RescheduleRequest,
    WaitlistRequest,
)
from desktop.api.retry import CancelCheck

R = TypeVar("R", bound=DeskRequest)


class DeskCalls(ReadCalls):
    """Mixed into ``BookingClient``."""

    def cancel_bookings(self, business_id: str, booking_ids: Sequence[str], *,
                        message: str | None = None,
                        cancel: CancelCheck | None = None) -> None:
        """Cancel bookings (``message`` goes to the client), at most 50 ids a call."""
        for batch in id_batches(booking_ids):
            body = _valid(CancelBookingsRequest, business_id=business_id,
                          booking_id=_one_or_list(batch), message=message)
            self._caller.write("PUT", BUSINESS_CANCEL_PATH, body.to_json(),
                               what="that booking", action=Action.CANCEL_BOOKINGS,
                               cancel=cancel, data_required=False)

    def complete_bookings(self, business_id: str, booking_ids: Sequence[str], *,
                          no_show: bool = False, message: str | None = None,
                          cancel: CancelCheck | None = None) -> None:
        """Mark bookings as completed, or (``no_show``) as no-shows, at most 50 ids a call."""
        action = Action.MARK_NO_SHOWS if no_show else Action.COMPLETE_BOOKINGS
        for batch in id_batches(booking_ids):
            body = _valid(CompleteBookingsRequest, business_id=business_id,
                          booking_id=_one_or_list(batch), mark_as_no_show=no_show,
                          message=message)
            self._caller.write("POST", BUSINESS_COMPLETE_PATH, body.to_json(),
                               what="that booking", action=action, cancel=cancel,
                               data_required=False)

    def reschedule_booking(self, business_id: str, booking_id: str, *, start_time: datetime,
                           duration: int | None = None, notify_client: bool = True,
                           message: str | None = None,
                           cancel: CancelCheck | None = None) -> None:
        """Move a booking to ``start_time`` (same staff member), never onto a taken time
        (``allow_double_booking`` is always false): a taken time is a SlotTakenError.

        Check the new time first with ``get_availability(..., booking_instance_id=booking_id)``.
        """
        body = _valid(RescheduleRequest, business_id=business_id, booking_id=booking_id,
                      start_time=start_time, duration=duration, notify_client=notify_client,
                      message=message)
        self._caller.write("PUT", reschedule_path(booking_id), body.to_json(),
                           what="that booking", action=Action.RESCHEDULE_BOOKINGS,
                           cancel=cancel, data_required=False)

    def accept_booking(self, business_id: str, booking_id: str, *,
                       cancel: CancelCheck | None = None) -> None:
        """Accept a pending booking request."""
        body = _valid(AcceptBookingRequest, business_id=business_id, booking_id=booking_id)
        self._caller.write("POST", BUSINESS_ACCEPT_PATH, body.to_json(), what="that booking",
                           action=Action.ACCEPT_REQUESTS, cancel=cancel, data_required=False)

    def join_waitlist(self, business_id: str, event_instance_id: str, client_id: str, *,
                      cancel: CancelCheck | None = None) -> None:
        """Put a client on the waitlist of a full event session."""
        body = _valid(WaitlistRequest, business_id=business_id,
                      event_instance_id=event_instance_id, client_id=client_id)
        self._caller.write("POST", WAITLIST_PATH, body.to_json(), what="that event",
                           action=Action.JOIN_WAITLISTS, cancel=cancel, data_required=False)

    def leave_waitlist(self, business_id: str, event_instance_id: str, client_id: str, *,
                       cancel: CancelCheck | None = None) -> None:
        """Take a client off the waitlist of an event session."""
        body = _valid(WaitlistRequest, business_id=business_id,
                      event_instance_id=event_instance_id, client_id=client_id)
        self._caller.write("PUT", WAITLIST_CANCEL_PATH, body.to_json(), what="that event",
                           action=Action.LEAVE_WAITLISTS, cancel=cancel, data_required=False)

    def cancel_booking(self, business_id: str, booking_id: str, *,
                       cancel: CancelCheck | None = None) -> None:
        """Cancel one booking through the Platform API (``POST …/bookings/cancel``), without a
        message to the client. The desk uses ``cancel_bookings``; this one stays for tools
        that clean up after themselves (benchmarks, the self-test)."""
        body = CancelRequest(business_id=business_id, booking_id=booking_id)
        self._caller.write("POST", CANCEL_PATH, body.to_json(), what="that booking",
                           action=Action.CANCEL_BOOKINGS, cancel=cancel, data_required=False)


def id_batches(booking_ids: Sequence[str]) -> list[list[str]]:
    """The ids, without repeats, in calls of at most MAX_IDS_PER_CALL."""
    if isinstance(booking_ids, str):
        booking_ids = [booking_ids]
    unique = list(dict.fromkeys(booking_ids))
    if not unique:
        raise ValueError("No booking was given.")
    return [unique[start:start + MAX_IDS_PER_CALL]
            for start in range(0, len(unique), MAX_IDS_PER_CALL)]


def _one_or_list(batch: list[str]) -> str | list[str]:
    return batch[0] if len(batch) == 1 else batch


def _valid(cls: type[R], **fields: object) -> R:
    """The request, or a ValueError that says which argument is wrong."""
    try:
        return cls.model_validate(fields)
    except ModelError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                             for e in exc.errors())
        raise ValueError(f"Cannot send {cls.__name__}: {problems}.") from None
