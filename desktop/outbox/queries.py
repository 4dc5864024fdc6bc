"""Reading the outbox (for the drafts panel, the status bar and the day view), and the one
form in progress kept for a crash (autosave). Mixed into :class:`OutboxStore`."""

from __future__ import annotations

import json
from collections.abc import Sequence

from desktop.booking.saved_booking import SavedBooking
from desktop.clock import Clock
from desktop.outbox.db import Database
from desktop.outbox.model import AutosavedForm, Operation, OperationKind, OperationStatus
from desktop.outbox.policy import ATTENTION, UNSETTLED, WAITING
from desktop.outbox.rows import dumps, from_iso, iso, operation_of
from desktop.outbox.schema import COLUMNS


class OutboxQueries:
    db: Database
    clock: Clock

    # ------------------------------------------------------------------ reading

    def get(self, op_id: str) -> Operation | None:
        rows = self.db.read(f"SELECT {COLUMNS} FROM operations WHERE id = ?", (op_id,))
        return operation_of(rows[0]) if rows else None

    def list_operations(self, statuses: Sequence[OperationStatus] | None = None,
                        kinds: Sequence[OperationKind] | None = None) -> list[Operation]:
        """Operations in creation order, optionally only those of ``statuses``/``kinds``."""
        where: list[str] = []
        params: list[str] = []
        for column, values in (("status", statuses), ("kind", kinds)):
            if values is not None:
                where.append(f"{column} IN ({','.join('?' for _ in values)})")
                params.extend(str(v) for v in values)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.read(f"SELECT {COLUMNS} FROM operations {clause} ORDER BY seq", params)
        return [operation_of(row) for row in rows]

    def pending_by_booking(self, booking_ids: Sequence[str] | None = None
                           ) -> dict[str, list[Operation]]:
        """Unsettled operations on existing bookings, by booking id, in send order: what the
        day view shows as "cancelling…" / "moving to 15:30…" (and the intended state)."""
        sql = f"SELECT {COLUMNS} FROM operations WHERE subject IS NOT NULL AND status IN " \
              f"({','.join('?' for _ in UNSETTLED)})"
        params: list[str] = [str(s) for s in UNSETTLED]
        if booking_ids is not None:
            sql += f" AND subject IN ({','.join('?' for _ in booking_ids)})"
            params.extend(booking_ids)
        pending: dict[str, list[Operation]] = {}
        for row in self.db.read(sql + " ORDER BY seq", params):
            op = operation_of(row)
            assert op.subject is not None
            pending.setdefault(op.subject, []).append(op)
        return pending

    def counts(self) -> dict[OperationStatus, int]:
        result = dict.fromkeys(OperationStatus, 0)
        for status, n in self.db.read("SELECT status, count(*) FROM operations GROUP BY status"):
            result[OperationStatus(status)] = int(n)
        return result

    def waiting_and_attention(self) -> tuple[int, int]:
        """(waiting to send, needing a person): the status bar's two numbers."""
        counts = self.counts()
        return (sum(counts[s] for s in WAITING), sum(counts[s] for s in ATTENTION))

    def in_doubt(self) -> int:
        """Operations sent once whose answer was lost, still to be looked up: the status
        bar tells these ("checking…") apart from being offline."""
        rows = self.db.read("SELECT count(*) FROM operations WHERE needs_lookup = 1 AND "
                            "status IN ('queued', 'sending')")
        return int(rows[0][0])

    # ------------------------------------------------------------------ autosave

    def autosave(self, form: SavedBooking) -> None:
        """Keep the form in progress (one slot, overwritten on each call)."""
        with self.db.write("autosave") as conn:
            conn.execute(
                "INSERT INTO autosave (slot, values_json, saved_at) VALUES (1, ?, ?) "
                "ON CONFLICT (slot) DO UPDATE SET values_json = excluded.values_json, "
                "saved_at = excluded.saved_at",
                (dumps(form.to_json()), iso(self.clock.now())))

    def recover_autosave(self) -> AutosavedForm | None:
        rows = self.db.read("SELECT values_json, saved_at FROM autosave WHERE slot = 1")
        if not rows:
            return None
        saved_at = from_iso(rows[0][1])
        assert saved_at is not None
        return AutosavedForm(form=SavedBooking.from_json(json.loads(rows[0][0])),
                             saved_at=saved_at)

    def clear_autosave(self) -> None:
        """Forget the form in progress (after it was booked, or the person discarded it)."""
        with self.db.write("clear_autosave") as conn:
            conn.execute("DELETE FROM autosave")
