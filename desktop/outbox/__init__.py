"""The outbox of desk operations: a durable SQLite file and the engine that sends it once.

Desk side (every call blocks on disk: run it on a worker, never the GUI thread)::

    store = OutboxStore(path)                      # OutboxUnavailableError: shown at start-up
    store.save_draft(request_or_None, saved_booking, queue=False)     # a booking draft
    store.enqueue(CancelBooking(business_id=b, booking_id=i, message=m), label=label)
    store.enqueue_all([CompleteBooking(business_id=b, booking_id=i, no_show=True), ...])
    store.enqueue(RescheduleBooking(business_id=b, booking_id=i, start_time=t, ...))
    store.enqueue(MoveBooking(business_id=b, booking_id=i, new_booking=request, message=m))
    store.enqueue(JoinWaitlist(business_id=b, event_instance_id=e, client_id=c))
    store.pending_by_booking(ids)   # {booking id: [unsettled operations]} for the day view
    store.queue(id) / store.drop(id) / store.change_time(id, start)   # a person's decisions

Sending side: ``desktop.outbox.engine.SyncEngine`` (kept out of this namespace so that
``desktop.outcomes`` can import the model without importing the engine).
"""

from desktop.outbox.errors import (
    InvalidTransitionError,
    OpenProblem,
    OperationNotFoundError,
    OutboxStorageError,
    OutboxUnavailableError,
    SyncUnavailableError,
)
from desktop.outbox.model import (
    AutosavedForm,
    BookingLabel,
    CancelBooking,
    CompleteBooking,
    CreateBooking,
    Decision,
    JoinWaitlist,
    MoveBooking,
    Operation,
    OperationKind,
    OperationStatus,
    Payload,
    Problem,
    RescheduleBooking,
)
from desktop.outbox.store import OutboxStore, default_path

__all__ = [
    "AutosavedForm",
    "BookingLabel",
    "CancelBooking",
    "CompleteBooking",
    "CreateBooking",
    "Decision",
    "InvalidTransitionError",
    "JoinWaitlist",
    "MoveBooking",
    "OpenProblem",
    "Operation",
    "OperationKind",
    "OperationNotFoundError",
    "OperationStatus",
    "OutboxStorageError",
    "OutboxStore",
    "OutboxUnavailableError",
    "Payload",
    "Problem",
    "RescheduleBooking",
    "SyncUnavailableError",
    "default_path",
]
