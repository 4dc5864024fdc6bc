"""The outbox as the desk uses it: keep drafts, enqueue operations, fix or drop what needs a
person; reading what is pending and the autosave come from ``queries.OutboxQueries``.

The sending side (claims, leases, outcomes) is :class:`desktop.outbox.ledger.SendLedger`; both
work on the same :class:`desktop.outbox.db.Database`. Every method here is one transaction,
durable on return, and blocks on disk: call it from a worker, never from the GUI thread.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.api.models import BookingRequest
from desktop.booking.saved_booking import SavedBooking
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.i18n import translate
from desktop.outbox.db import BUSY_TIMEOUT_MS, Database
from desktop.outbox.errors import InvalidTransitionError, OperationNotFoundError
from desktop.outbox.model import (
    BookingLabel,
    CreateBooking,
    MoveBooking,
    Operation,
    OperationKind,
    OperationStatus,
    Payload,
    RescheduleBooking,
    subject_of,
)
from desktop.outbox.policy import (
    DELETABLE,
    EDITABLE,
    TRANSITIONS,
    refusal,
)
from desktop.outbox.queries import OutboxQueries
from desktop.outbox.rows import dumps, iso, operation_of, payload_json
from desktop.outbox.schema import COLUMNS
from desktop.paths import AppPaths

FILE_NAME = "drafts.sqlite3"
S = OperationStatus


def default_path() -> Path:
    return AppPaths.default().drafts_file


def gone() -> OperationNotFoundError:
    return OperationNotFoundError(translate(
        "Outbox", "That draft no longer exists; it may have been deleted."))


def fetch(conn: sqlite3.Connection, op_id: str) -> Operation:
    row = conn.execute(f"SELECT {COLUMNS} FROM operations WHERE id = ?", (op_id,)).fetchone()
    if row is None:
        raise gone()
    return operation_of(row)


class OutboxStore(OutboxQueries):
    """The outbox file, desk side. Thread-safe; call :meth:`close` when done."""

    def __init__(self, path: Path | str | None = None, *, clock: Clock = SYSTEM_CLOCK,
                 before_commit: Any = None, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.db = Database(Path(path) if path is not None else default_path(), clock=clock,
                           before_commit=before_commit, busy_timeout_ms=busy_timeout_ms)
        self.clock = clock

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def recovery_notice(self) -> str | None:
        """A sentence for the UI when a damaged file was set aside at open, else None."""
        return self.db.recovery_notice

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> OutboxStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ creating

    def _insert(self, conn: sqlite3.Connection, payload: Payload, status: OperationStatus, *,
                label: BookingLabel | None = None, form: SavedBooking | None = None,
                batch_id: str | None = None, in_doubt: str | None = None,
                not_before: datetime | None = None) -> Operation:
        now = self.clock.now()
        queued = status is S.QUEUED
        op = Operation(
            id=str(uuid.uuid4()), seq=0, payload=payload, status=status, created_at=now,
            updated_at=now, label=label or (BookingLabel.of_form(form) if form else
                                            BookingLabel()),
            form=form, subject=subject_of(payload), batch_id=batch_id,
            attempts=1 if in_doubt else 0,
            next_attempt_at=(not_before or now) if queued else None,
            needs_lookup=in_doubt is not None, lookup_after=not_before if in_doubt else None,
            last_error=in_doubt, idempotency_key=str(uuid.uuid4()) if queued else None)
        cur = conn.execute(
            f"INSERT INTO operations ({COLUMNS.replace('seq, ', '')}) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (op.id, str(payload.kind), op.subject, batch_id, iso(now), iso(now),
             payload_json(payload), "{}" if form is not None else op.label.model_dump_json(),
             dumps(form.to_json()) if form is not None else None, str(status), op.attempts,
             iso(op.next_attempt_at), int(op.needs_lookup), iso(op.lookup_after), in_doubt,
             None, None, None, op.idempotency_key, None, None),
        )
        # Built here rather than read back: a save costs one INSERT, as a bare insert does.
        return replace(op, seq=int(cur.lastrowid or 0))

    def save_draft(self, request: BookingRequest | None, form: SavedBooking, *,
                   queue: bool = False, in_doubt: str | None = None,
                   not_before: datetime | None = None) -> Operation:
        """Keep a booking to make (``queue=True``: ready to send at once).

        ``in_doubt``: the request was already sent once and its answer never came. It is
        queued with a look-up before any re-send, not before ``not_before`` (the grace), and
        ``in_doubt`` as its last error: one transaction, so no crash leaves it queued without
        the look-up.
        """
        status = S.QUEUED if queue or in_doubt is not None else S.DRAFT
        with self.db.write("save") as conn:
            return self._insert(conn, CreateBooking(request=request), status, form=form,
                                in_doubt=in_doubt, not_before=not_before)

    def enqueue(self, payload: Payload, *, label: BookingLabel | None = None,
                not_before: datetime | None = None) -> Operation:
        """Queue one operation on an existing booking (or a waitlist entry) to send now."""
        return self.enqueue_all([payload], [label] if label is not None else None,
                                not_before=not_before)[0]

    def enqueue_all(self, payloads: Sequence[Payload],
                    labels: Sequence[BookingLabel] | None = None, *,
                    not_before: datetime | None = None) -> list[Operation]:
        """Queue several operations in one transaction (e.g. no-show for five selected
        bookings): all or none are kept, and they share a batch (sent ≤50 ids a call).

        ``not_before`` holds them (on disk already) while the desk may still take them back:
        the day view's Undo drops them, or releases them at once with :meth:`queue`."""
        if labels is not None and len(labels) != len(payloads):
            raise ValueError("one label per payload")
        batch = str(uuid.uuid4()) if len(payloads) > 1 else None
        with self.db.write("enqueue") as conn:
            return [self._insert(conn, payload, S.QUEUED, batch_id=batch,
                                 label=labels[n] if labels is not None else None,
                                 not_before=not_before)
                    for n, payload in enumerate(payloads)]

    # ------------------------------------------------------------------ editing

    def update_draft(self, op_id: str, request: BookingRequest | None,
                     form: SavedBooking | None = None) -> Operation:
        """Put a fixed request (e.g. a new slot) into a booking draft.

        A refused one becomes a plain ``draft`` again, to be queued once the person is happy
        with it. The request changed, so its idempotency key is renewed.
        """
        with self.db.write("update_draft") as conn:
            current = self._editable(conn, op_id)
            if current.kind is not OperationKind.CREATE_BOOKING:
                raise InvalidTransitionError(translate(
                    "Outbox", "Only a booking draft can be opened and changed."))
            status = S.QUEUED if current.status is S.QUEUED else S.DRAFT
            conn.execute(
                "UPDATE operations SET payload_json = ?, values_json = ?, status = ?, "
                "idempotency_key = ?, problem = NULL, field_errors_json = NULL, "
                "updated_at = ? WHERE id = ?",
                (payload_json(CreateBooking(request=request)),
                 dumps((form or current.form or SavedBooking()).to_json()), str(status),
                 str(uuid.uuid4()) if status is S.QUEUED else None, iso(self.clock.now()),
                 op_id))
            return fetch(conn, op_id)

    def change_time(self, op_id: str, start_time: datetime) -> Operation:
        """A reschedule or move whose time was taken: try another start, queued at once."""
        with self.db.write("change_time") as conn:
            current = self._editable(conn, op_id)
            payload = current.payload
            if isinstance(payload, RescheduleBooking):
                changed: Payload = payload.model_copy(update={"start_time": start_time})
            elif isinstance(payload, MoveBooking) and current.result_id is None:
                changed = payload.model_copy(update={"new_booking": payload.new_booking
                                                     .model_copy(update={"start_time":
                                                                         start_time})})
            else:
                raise InvalidTransitionError(translate(
                    "Outbox", "Only a reschedule or a move that has not happened yet can be "
                              "given another time."))
            now = iso(self.clock.now())
            conn.execute(
                "UPDATE operations SET payload_json = ?, status = 'queued', "
                "next_attempt_at = ?, last_error = NULL, problem = NULL, updated_at = ?, "
                "idempotency_key = ? WHERE id = ?",
                (payload_json(changed), now, now, str(uuid.uuid4()), op_id))
            return fetch(conn, op_id)

    def _editable(self, conn: sqlite3.Connection, op_id: str) -> Operation:
        current = fetch(conn, op_id)
        if current.status not in EDITABLE:
            raise InvalidTransitionError(translate(
                "Outbox", "This is being sent or was already sent, so it can no longer be "
                          "changed."))
        if current.needs_lookup:
            raise InvalidTransitionError(translate(
                "Outbox", "Its last send may have reached the server; wait until Frontdesk "
                          "has checked whether it went through before changing it."))
        return current

    def queue(self, op_id: str) -> Operation:
        """Make a draft (or one that needs attention: the receptionist's "Try again") ready
        to send now. The idempotency key is fixed here, once."""
        with self.db.write("queue") as conn:
            current = fetch(conn, op_id)
            now = iso(self.clock.now())
            if current.status is S.QUEUED:
                # "Send now" of a waiting one: due now, but never before its look-up grace.
                conn.execute(
                    "UPDATE operations SET next_attempt_at = MAX(?, COALESCE(lookup_after, ?))"
                    " WHERE id = ?", (now, now, op_id))
                return fetch(conn, op_id)
            if S.QUEUED not in TRANSITIONS[current.status]:
                raise InvalidTransitionError(refusal(current.status, S.QUEUED))
            if current.kind is OperationKind.CREATE_BOOKING and current.booking_request() is None:
                raise InvalidTransitionError(translate(
                    "Outbox", "This draft is not complete enough to send (a time or a client "
                              "may be missing). Open it, finish it and book it."))
            conn.execute(
                "UPDATE operations SET status = 'queued', next_attempt_at = "
                "MAX(?, COALESCE(lookup_after, ?)), updated_at = ?, last_error = NULL, "
                "problem = NULL, field_errors_json = NULL, "
                "idempotency_key = COALESCE(idempotency_key, ?) WHERE id = ?",
                (now, now, now, str(uuid.uuid4()), op_id))
            return fetch(conn, op_id)

    def unqueue(self, op_id: str) -> Operation:
        """Take a queued booking back to ``draft`` (to hold or edit it)."""
        with self.db.write("unqueue") as conn:
            current = fetch(conn, op_id)
            if current.kind is not OperationKind.CREATE_BOOKING \
                    or S.DRAFT not in TRANSITIONS[current.status]:
                raise InvalidTransitionError(refusal(current.status, S.DRAFT))
            conn.execute("UPDATE operations SET status = 'draft', next_attempt_at = NULL, "
                         "updated_at = ? WHERE id = ?", (iso(self.clock.now()), op_id))
            return fetch(conn, op_id)

    def drop(self, op_id: str) -> None:
        """Give an operation up (the receptionist's "Drop", or deleting a draft)."""
        with self.db.write("delete") as conn:
            current = fetch(conn, op_id)
            if current.status not in DELETABLE:
                raise InvalidTransitionError(translate(
                    "Outbox", "This is being sent right now; it can be dropped once Frontdesk "
                              "knows whether it went through."))
            conn.execute("DELETE FROM operations WHERE id = ?", (op_id,))

    delete = drop
