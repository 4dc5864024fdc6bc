"""The sending side of the outbox file: which operations are due, claiming one under a lease,
and recording what came of it.

**Leases.** An engine sends an operation only after claiming it: one ``BEGIN IMMEDIATE``
transaction turns it from ``queued`` into ``sending`` with the engine's ``owner`` id and an
expiry, so two engines on one file (two processes, or two windows) can never both have it.
The owner renews its leases while it works (:meth:`renew`); every outcome is written only
while the lease is still its own (else :class:`LeaseLostError`). An operation left
``sending`` by an engine that died is taken back only once its lease has expired, and then —
since its request may have reached the server — it is looked up before anything is re-sent,
and not before the in-doubt grace counted from when it was sent (:meth:`release_expired`).

**Due.** Queued, its time has come, and no earlier operation on the same booking is
unsettled. A due time further ahead than ``horizon`` (the longest wait the engine ever sets)
can only come from a clock that was set back: it counts as due now.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from desktop.outbox.db import Database
from desktop.outbox.errors import LeaseLostError
from desktop.outbox.model import Operation, OperationStatus, Problem
from desktop.outbox.policy import UNSETTLED
from desktop.outbox.rows import dumps, iso, operation_of
from desktop.outbox.schema import COLUMNS
from desktop.outbox.store import fetch

_UNSETTLED = "(" + ",".join(f"'{s}'" for s in sorted(UNSETTLED)) + ")"
#: Due: queued, its time has come (or lies beyond the horizon: a clock set back), and no
#: earlier operation on the same booking is unsettled. Parameters: now, now + horizon.
_DUE = (
    "o.status = 'queued' AND "
    "(o.next_attempt_at IS NULL OR o.next_attempt_at <= ? OR o.next_attempt_at > ?) AND "
    "(o.subject IS NULL OR NOT EXISTS (SELECT 1 FROM operations e WHERE "
    f"e.subject = o.subject AND e.seq < o.seq AND e.status IN {_UNSETTLED}))"
)


class SendLedger:
    """What one engine (``owner``) writes about the operations it sends."""

    def __init__(self, db: Database, owner: str, *, lease: timedelta,
                 horizon: timedelta = timedelta(hours=1)) -> None:
        self.db = db
        self.owner = owner
        self.lease = lease
        #: The longest wait the engine sets (``Timing.horizon``).
        self.horizon = horizon

    # ------------------------------------------------------------------ what is due

    def due(self, now: datetime, horizon: timedelta | None = None, limit: int = 100,
            only: str | None = None) -> list[Operation]:
        """Queued operations to send now, oldest first, each the head of its booking
        (``only``: just that one, if it is due)."""
        ahead = now + (self.horizon if horizon is None else horizon)
        rows = self.db.read(
            f"SELECT {COLUMNS} FROM operations o WHERE (? IS NULL OR o.id = ?) AND {_DUE} "
            "ORDER BY o.seq LIMIT ?", (only, only, iso(now), iso(ahead), limit))
        return [operation_of(row) for row in rows]

    def next_wake(self, now: datetime, horizon: timedelta) -> datetime | None:
        """When the engine next has something to do: the earliest due time, or the earliest
        expiry of another engine's lease (a dead engine's work to take back)."""
        rows = self.db.read(
            "SELECT MIN(CASE WHEN status = 'queued' THEN COALESCE(next_attempt_at, '') "
            "ELSE lease_expires END) FROM operations WHERE status = 'queued' OR "
            "(status = 'sending' AND (lease_owner IS NULL OR lease_owner != ?))",
            (self.owner,))
        value = rows[0][0]
        if value is None:
            return None
        if value == "":
            return now
        moment = datetime.fromisoformat(value)
        return now if moment > now + horizon else moment

    # ------------------------------------------------------------------ claims and leases

    def claim(self, op: Operation, now: datetime) -> tuple[Operation, bool] | None:
        """``queued`` → ``sending`` under this owner's lease, committed before the request
        leaves (the exactly-once anchor). Returns the claimed operation and whether it must
        be looked up first (an earlier send may have reached the server), read inside the
        claim's own transaction; None when it is not due any more. ``op`` may come from a
        list read a while ago: meanwhile another engine may have sent it, or put it in doubt
        (queued again, but not due before its grace), so due-ness is checked again here."""
        with self.db.write("mark_sending") as conn:
            row = self._due_row(conn, op, now)
            if row is None:
                return None
            conn.execute(
                "UPDATE operations SET status = 'sending', attempts = attempts + 1, "
                "needs_lookup = 1, lease_owner = ?, lease_expires = ?, sent_at = ?, "
                "updated_at = ? WHERE id = ?",
                (self.owner, iso(now + self.lease), iso(now), iso(now), op.id))
            if row[2] != iso(op.updated_at):
                return fetch(conn, op.id), bool(row[0])  # edited since it was read
        claimed = replace(op, status=OperationStatus.SENDING, attempts=op.attempts + 1,
                          needs_lookup=True, lease_owner=self.owner,
                          lease_expires=now + self.lease, updated_at=now)
        return claimed, bool(row[0])

    def claim_all(self, ops: Sequence[Operation], now: datetime
                  ) -> list[tuple[Operation, bool]]:
        """:meth:`claim` for a batch, in one transaction (one disk sync for up to 50)."""
        claimed: list[tuple[Operation, bool]] = []
        with self.db.write("mark_sending") as conn:
            for op in ops:
                row = self._due_row(conn, op, now)
                if row is None:
                    continue
                conn.execute(
                    "UPDATE operations SET status = 'sending', attempts = attempts + 1, "
                    "needs_lookup = 1, lease_owner = ?, lease_expires = ?, sent_at = ?, "
                    "updated_at = ? WHERE id = ?",
                    (self.owner, iso(now + self.lease), iso(now), iso(now), op.id))
                current = op if row[2] == iso(op.updated_at) else fetch(conn, op.id)
                claimed.append((replace(current, status=OperationStatus.SENDING,
                                        attempts=current.attempts + 1, needs_lookup=True,
                                        lease_owner=self.owner,
                                        lease_expires=now + self.lease, updated_at=now),
                                bool(row[0])))
        return claimed

    def _due_row(self, conn: sqlite3.Connection, op: Operation,
                 now: datetime) -> tuple[int, str, str] | None:
        row = conn.execute(
            f"SELECT o.needs_lookup, o.status, o.updated_at FROM operations o "
            f"WHERE o.id = ? AND {_DUE}", (op.id, iso(now), iso(now + self.horizon))).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), str(row[2]))

    def renew(self, now: datetime) -> int:
        """Push this owner's leases forward (called while it works)."""
        with self.db.write("renew") as conn:
            cur = conn.execute(
                "UPDATE operations SET lease_expires = ? WHERE status = 'sending' AND "
                "lease_owner = ?", (iso(now + self.lease), self.owner))
            return int(cur.rowcount)

    def release_expired(self, now: datetime, grace: timedelta) -> int:
        """Take back what a dead engine left ``sending`` once its lease has expired: queued
        again, looked up first, not before ``grace`` after it was sent."""
        if not self.db.read(
                "SELECT 1 FROM operations WHERE status = 'sending' AND "
                "(lease_expires IS NULL OR lease_expires <= ?) LIMIT 1", (iso(now),)):
            return 0
        with self.db.write("release_expired") as conn:
            rows = conn.execute(
                "SELECT id, sent_at, updated_at FROM operations WHERE status = 'sending' AND "
                "(lease_expires IS NULL OR lease_expires <= ?)", (iso(now),)).fetchall()
            for op_id, sent_at, updated_at in rows:
                sent = datetime.fromisoformat(sent_at or updated_at)
                after = max(now, min(sent + grace, now + grace))
                conn.execute(
                    "UPDATE operations SET status = 'queued', needs_lookup = 1, "
                    "lease_owner = NULL, lease_expires = NULL, next_attempt_at = ?, "
                    "lookup_after = ?, updated_at = ? WHERE id = ?",
                    (iso(after), iso(after), iso(now), op_id))
            return len(rows)

    def _mine(self, conn: sqlite3.Connection, op: Operation) -> None:
        row = conn.execute("SELECT status, lease_owner FROM operations WHERE id = ?",
                           (op.id,)).fetchone()
        if row is None or row[0] != OperationStatus.SENDING or row[1] != self.owner:
            # Taken back after this engine's lease expired (and maybe settled by another).
            raise LeaseLostError(f"operation {op.id} is no longer held by {self.owner}")

    # ------------------------------------------------------------------ outcomes
    # Each takes the operation as this engine holds it and returns it as now written.

    def done(self, op: Operation, result_id: str | None, now: datetime) -> Operation:
        return self._mark_sent([(op, result_id)], now)[0]

    def done_all(self, ops: Sequence[Operation], now: datetime) -> list[Operation]:
        """:meth:`done` for a batch sent in one call, in one transaction."""
        return self._mark_sent([(op, None) for op in ops], now)

    def _mark_sent(self, sent: Sequence[tuple[Operation, str | None]],
                   now: datetime) -> list[Operation]:
        """Each operation (with the booking it made, if any) as sent, in one transaction."""
        with self.db.write("mark_sent") as conn:
            for op, _result_id in sent:
                self._mine(conn, op)
            conn.executemany(
                "UPDATE operations SET status = 'sent', result_id = COALESCE(?, result_id), "
                "last_error = NULL, problem = NULL, needs_lookup = 0, next_attempt_at = NULL, "
                "lease_owner = NULL, lease_expires = NULL, updated_at = ? WHERE id = ?",
                [(result_id, iso(now), op.id) for op, result_id in sent])
        return [replace(op, status=OperationStatus.SENT, result_id=result_id or op.result_id,
                        last_error=None, problem=None, needs_lookup=False,
                        next_attempt_at=None, lease_owner=None, lease_expires=None,
                        updated_at=now) for op, result_id in sent]

    def record_step(self, op: Operation, result_id: str, now: datetime) -> Operation:
        """A move's new booking exists: remember it before cancelling the old one."""
        with self.db.write("record_step") as conn:
            self._mine(conn, op)
            conn.execute("UPDATE operations SET result_id = ?, updated_at = ? WHERE id = ?",
                         (result_id, iso(now), op.id))
        return replace(op, result_id=result_id, updated_at=now)

    def retry_later(self, op: Operation, *, when: datetime, error: str | None,
                    needs_lookup: bool, now: datetime,
                    lookup_after: datetime | None = None) -> Operation:
        """``sending`` → ``queued`` for a later try. ``needs_lookup``: the request may have
        reached the server, so look it up first (not before ``lookup_after``)."""
        with self.db.write("requeue") as conn:
            self._mine(conn, op)
            conn.execute(
                "UPDATE operations SET status = 'queued', next_attempt_at = ?, last_error = ?, "
                "needs_lookup = ?, lookup_after = COALESCE(?, lookup_after), "
                "lease_owner = NULL, lease_expires = NULL, updated_at = ? WHERE id = ?",
                (iso(when), error, int(needs_lookup), iso(lookup_after), iso(now), op.id))
        return replace(op, status=OperationStatus.QUEUED, next_attempt_at=when,
                       last_error=error, needs_lookup=needs_lookup,
                       lookup_after=lookup_after or op.lookup_after, lease_owner=None,
                       lease_expires=None, updated_at=now)

    def set_aside(self, op: Operation, *, problem: Problem, sentence: str, now: datetime,
                  field_errors: dict[str, str] | None = None,
                  status: OperationStatus = OperationStatus.NEEDS_ATTENTION,
                  needs_lookup: bool = False) -> Operation:
        """A person must decide (``needs_attention``), or something unexpected happened
        (``failed``, looked up before any re-send)."""
        with self.db.write("mark_needs_attention" if status is OperationStatus.NEEDS_ATTENTION
                           else "mark_failed") as conn:
            self._mine(conn, op)
            conn.execute(
                "UPDATE operations SET status = ?, problem = ?, last_error = ?, "
                "field_errors_json = ?, needs_lookup = ?, next_attempt_at = NULL, "
                "lease_owner = NULL, lease_expires = NULL, updated_at = ? WHERE id = ?",
                (str(status), str(problem), sentence,
                 dumps(field_errors) if field_errors else None, int(needs_lookup), iso(now),
                 op.id))
        return replace(op, status=status, problem=problem, last_error=sentence,
                       field_errors=dict(field_errors or {}), needs_lookup=needs_lookup,
                       next_attempt_at=None, lease_owner=None, lease_expires=None,
                       updated_at=now)

    # ------------------------------------------------------------------ the network is back

    def make_due_now(self, now: datetime) -> int:
        """Bring every queued operation forward to now, never before its look-up grace."""
        with self.db.write("make_due_now") as conn:
            cur = conn.execute(
                "UPDATE operations SET next_attempt_at = MAX(?, COALESCE(lookup_after, ?)) "
                "WHERE status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at > ?)",
                (iso(now), iso(now), iso(now)))
            return int(cur.rowcount)

    def lookups_waiting(self, now: datetime) -> bool:
        """Is any look-up past its grace still waiting for a later retry?"""
        return bool(self.db.read(
            "SELECT 1 FROM operations WHERE status = 'queued' AND needs_lookup = 1 AND "
            "lookup_after IS NOT NULL AND lookup_after <= ? AND next_attempt_at > ? LIMIT 1",
            (iso(now), iso(now))))

    def held(self, op_ids: Sequence[str]) -> list[Operation]:
        """The given operations as they are now (tests and the sender's batches)."""
        marks = ",".join("?" for _ in op_ids)
        rows = self.db.read(f"SELECT {COLUMNS} FROM operations WHERE id IN ({marks}) "
                            "ORDER BY seq", list(op_ids))
        return [operation_of(row) for row in rows]
