"""The outbox file's schema and how an older file is brought forward.

``MIGRATIONS[i]`` brings a file from ``user_version`` i to i + 1, inside one transaction
together with the new version number, so a crash mid-migration leaves the old file. Append
only; never edit a shipped one: files of every earlier version exist on desks.

* v1: the ``drafts`` table (bookings only).
* v2: the look-up flag (exactly once after ambiguous sends), the due index, autosave.
* v3: desk operations: ``drafts`` becomes ``operations`` (every draft kept, as a
  ``create_booking``), with a kind and typed payload, the booking acted on (per-booking send
  order), leases (owner + expiry: two engines on one file never send the same operation), the
  in-doubt grace, the problem a person must decide, and the result of each step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

STATUSES = "('draft', 'queued', 'sending', 'sent', 'needs_attention', 'failed')"


def _migrate_v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"""
        CREATE TABLE drafts (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- creation order, also the send order
            id TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            request_json TEXT NOT NULL,
            values_json TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN {STATUSES}),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            booking_id TEXT,
            idempotency_key TEXT
        )
        """
    )


def _migrate_v2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE drafts ADD COLUMN needs_lookup INTEGER NOT NULL DEFAULT 0")
    # Drafts caught in ``sending`` by a v1 app may be booked already: check before resending.
    conn.execute("UPDATE drafts SET needs_lookup = 1 WHERE status = 'sending'")
    conn.execute("CREATE INDEX drafts_due ON drafts (status, next_attempt_at, seq)")
    conn.execute(
        """
        CREATE TABLE autosave (
            slot INTEGER PRIMARY KEY CHECK (slot = 1),  -- one form in progress per desk
            values_json TEXT NOT NULL,
            saved_at TEXT NOT NULL
        )
        """
    )


def _migrate_v3(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"""
        CREATE TABLE operations (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- creation order, also the send order
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            subject TEXT,               -- the booking acted on; sent in seq order per subject
            batch_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            payload_json TEXT NOT NULL,
            label_json TEXT NOT NULL DEFAULT '{{}}',
            values_json TEXT,           -- create: the form, to reopen it
            status TEXT NOT NULL CHECK (status IN {STATUSES}),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            needs_lookup INTEGER NOT NULL DEFAULT 0,
            lookup_after TEXT,          -- in doubt: not looked up before this (the grace)
            last_error TEXT,
            problem TEXT,
            field_errors_json TEXT,
            result_id TEXT,             -- the booking made (create; move's new booking)
            idempotency_key TEXT,
            lease_owner TEXT,           -- the engine sending it, until lease_expires
            lease_expires TEXT,
            sent_at TEXT                -- when the last send was claimed
        )
        """
    )
    # Every v2 draft is a create_booking with its request as payload. A ``sending`` draft is
    # leaseless (its engine is gone): looked up after the grace counted from its last change.
    conn.execute(
        """
        INSERT INTO operations (seq, id, kind, subject, created_at, updated_at, payload_json,
                                values_json, status, attempts, next_attempt_at, needs_lookup,
                                lookup_after, last_error, result_id, idempotency_key, sent_at)
        SELECT seq, id, 'create_booking', NULL, created_at, updated_at,
               json_object('kind', 'create_booking', 'request', json(request_json)),
               values_json, status, attempts, next_attempt_at, needs_lookup,
               CASE WHEN needs_lookup = 1 AND status = 'queued' THEN next_attempt_at END,
               last_error, booking_id, idempotency_key,
               CASE WHEN status = 'sending' THEN updated_at END
        FROM drafts ORDER BY seq
        """
    )
    conn.execute("DROP TABLE drafts")
    conn.execute("CREATE INDEX operations_due ON operations (status, next_attempt_at, seq)")
    conn.execute("CREATE INDEX operations_subject ON operations (subject, seq)")
    conn.execute("CREATE INDEX operations_lease ON operations (lease_owner)")


#: Index i brings a file from user_version i to i + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_v1, _migrate_v2, _migrate_v3]
SCHEMA_VERSION = len(MIGRATIONS)

#: The columns every read selects, in the order ``rows.operation_of`` expects.
COLUMNS = (
    "id, seq, kind, subject, batch_id, created_at, updated_at, payload_json, label_json, "
    "values_json, status, attempts, next_attempt_at, needs_lookup, lookup_after, last_error, "
    "problem, field_errors_json, result_id, idempotency_key, lease_owner, lease_expires"
)
