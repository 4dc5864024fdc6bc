"""What the outbox holds: desk operations, typed end to end.

An *operation* is one thing the desk means the platform to do: make a booking (a draft the
receptionist may still be editing, or one queued to send), cancel, mark completed or no-show,
reschedule, move to another staff member, join an event's waitlist. Its ``payload`` is a
pydantic model per kind (``Payload``, discriminated by ``kind``), stored as JSON; its ``label``
is what a person needs to recognise it ("10:30 Ann Lee, Massage") without asking the API.

Operations acting on an existing booking name it as their ``subject``; the engine sends the
operations of one subject strictly in creation order (see ``ledger.due``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from desktop.api.models import Appointment, BookingRequest
from desktop.booking.saved_booking import SavedBooking

#: The Business API takes at most this many booking ids per cancel / complete call.
MAX_IDS_PER_CALL = 50


class OperationKind(StrEnum):
    CREATE_BOOKING = "create_booking"
    CANCEL = "cancel"
    #: Completed, or no-show (``CompleteBooking.no_show``): one call, one kind.
    COMPLETE = "complete"
    RESCHEDULE = "reschedule"
    #: To another staff member: a new booking plus a cancel of the old one, confirmed once.
    MOVE = "move"
    JOIN_WAITLIST = "join_waitlist"
    #: Accept a booking the client requested (pending → scheduled).
    ACCEPT = "accept"


class OperationStatus(StrEnum):
    #: A booking still being written (create only); never sent until queued.
    DRAFT = "draft"
    QUEUED = "queued"
    #: Claimed by an engine (it holds the lease); its request may be on the wire.
    SENDING = "sending"
    #: Done: the platform did it (the value is v1's, kept for old files).
    SENT = "sent"
    #: The platform refused, or a conflict was found: a person decides (see ``Problem``).
    NEEDS_ATTENTION = "needs_attention"
    #: Something unexpected happened while sending; looked up before any re-send.
    FAILED = "failed"


class Problem(StrEnum):
    """Why an operation waits for the receptionist's decision."""

    INCOMPLETE = "incomplete"
    FIX_FIELDS = "fix_fields"
    TIME_TAKEN = "time_taken"
    CANCELLED_ELSEWHERE = "cancelled_elsewhere"
    NOT_FOUND = "not_found"
    NOT_ALLOWED = "not_allowed"
    REFUSED = "refused"
    #: A move made its new booking but could not cancel the old one.
    PARTLY_DONE = "partly_done"
    UNEXPECTED = "unexpected"


class Decision(StrEnum):
    """What the receptionist can do about an operation that needs attention."""

    #: Send it again as it is (after fixing something elsewhere, e.g. a right granted).
    RETRY = "retry"
    #: Give it up; the booking stays as the platform has it.
    DROP = "drop"
    #: Open the booking in the form to fix it (create).
    OPEN = "open"
    #: Choose another start time (reschedule, move, or a create whose time was taken).
    PICK_TIME = "pick_time"


# --------------------------------------------------------------------------- payloads


class _Payload(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CreateBooking(_Payload):
    kind: Literal[OperationKind.CREATE_BOOKING] = OperationKind.CREATE_BOOKING
    #: None while the form cannot build a request yet (a half-filled draft).
    request: BookingRequest | None = None


class CancelBooking(_Payload):
    kind: Literal[OperationKind.CANCEL] = OperationKind.CANCEL
    business_id: str
    booking_id: str
    #: Sent to the client with the cancellation (the business form's message).
    message: str | None = None


class CompleteBooking(_Payload):
    kind: Literal[OperationKind.COMPLETE] = OperationKind.COMPLETE
    business_id: str
    booking_id: str
    no_show: bool = False
    message: str | None = None


class RescheduleBooking(_Payload):
    kind: Literal[OperationKind.RESCHEDULE] = OperationKind.RESCHEDULE
    business_id: str
    booking_id: str
    start_time: datetime
    duration: int | None = None
    notify_client: bool = True
    message: str | None = None


class MoveBooking(_Payload):
    kind: Literal[OperationKind.MOVE] = OperationKind.MOVE
    business_id: str
    #: The booking that is cancelled once the new one exists.
    booking_id: str
    new_booking: BookingRequest
    #: Sent to the client with the cancellation of the old booking.
    message: str | None = None
    #: For people: who the booking moves to (not sent).
    new_staff_name: str = ""


class JoinWaitlist(_Payload):
    kind: Literal[OperationKind.JOIN_WAITLIST] = OperationKind.JOIN_WAITLIST
    business_id: str
    event_instance_id: str
    client_id: str


class AcceptBooking(_Payload):
    kind: Literal[OperationKind.ACCEPT] = OperationKind.ACCEPT
    business_id: str
    booking_id: str


Payload = Annotated[
    CreateBooking | CancelBooking | CompleteBooking | RescheduleBooking | MoveBooking
    | JoinWaitlist | AcceptBooking,
    Field(discriminator="kind"),
]
PAYLOAD: TypeAdapter[Payload] = TypeAdapter(Payload)


def subject_of(payload: Payload) -> str | None:
    """The existing booking an operation acts on (its ordering key); None for a new booking
    and for a waitlist entry."""
    if isinstance(payload, CreateBooking | JoinWaitlist):
        return None
    return payload.booking_id


class BookingLabel(BaseModel):
    """What a person recognises a booking by, kept with the operation (no API call needed)."""

    model_config = ConfigDict(frozen=True)

    client_name: str = ""
    start_time: datetime | None = None
    #: The business's zone the time is shown in.
    time_zone: str | None = None
    service_name: str = ""
    staff_name: str = ""

    @classmethod
    def of_appointment(cls, appointment: Appointment, *, service_name: str = "",
                       time_zone: str | None = None) -> BookingLabel:
        return cls(client_name=appointment.client_name, start_time=appointment.start_time,
                   time_zone=time_zone or appointment.time_zone,
                   service_name=service_name or appointment.title or "",
                   staff_name=appointment.staff_display_name or "")

    @classmethod
    def of_form(cls, form: SavedBooking) -> BookingLabel:
        return cls(client_name=form.client_name,
                   start_time=form.slot.start_time if form.slot is not None else None,
                   time_zone=form.time_zone, service_name=form.service_name,
                   staff_name=form.staff_name)


# --------------------------------------------------------------------------- the record


@dataclass(frozen=True)
class Operation:
    """One row of the outbox, as read back."""

    id: str
    seq: int
    payload: Payload
    status: OperationStatus
    created_at: datetime
    updated_at: datetime
    label: BookingLabel = field(default_factory=BookingLabel)
    #: Create only: the form as it was on screen, to reopen it.
    form: SavedBooking | None = None
    subject: str | None = None
    #: Complete/no-show enqueued together share one batch (sent in calls of ≤50 ids).
    batch_id: str | None = None
    attempts: int = 0
    next_attempt_at: datetime | None = None
    #: An earlier send may have reached the server: look it up first, not before this.
    needs_lookup: bool = False
    lookup_after: datetime | None = None
    last_error: str | None = None
    problem: Problem | None = None
    field_errors: dict[str, str] = field(default_factory=dict)
    #: The booking made (create; move: the new booking, set once it exists).
    result_id: str | None = None
    idempotency_key: str | None = None
    lease_owner: str | None = None
    lease_expires: datetime | None = None

    @property
    def kind(self) -> OperationKind:
        return self.payload.kind

    def booking_request(self) -> BookingRequest | None:
        """The request a create sends (None for other kinds and unfinished drafts)."""
        return self.payload.request if isinstance(self.payload, CreateBooking) else None

    @property
    def values(self) -> dict[str, Any]:
        """The form's JSON (create), as ``BookingPage.restore_values`` takes it."""
        return self.form.to_json() if self.form is not None else {}


@dataclass(frozen=True)
class AutosavedForm:
    form: SavedBooking
    saved_at: datetime
