"""The drafts outbox on disk: one SQLite file (WAL, ``synchronous=FULL``) per user.

A draft is a booking the desk means to make: the request to send (``BookingRequest.to_json()``)
plus the form's raw values to reopen it. Its life is ``draft`` → ``queued`` → ``sending`` →
``sent``, or ``needs_attention`` (the API refused it: a person must fix it) / ``failed``.

Every write is one ``BEGIN IMMEDIATE … COMMIT`` transaction, so a save that returned is on
disk even if the app dies the next instant; ``sending`` is committed before the request goes
out, which is what lets the sync engine book each draft exactly once (see ``sync.py``).

One connection guarded by a lock serves every thread (the GUI's workers and the sync engine):
the writes are tiny, and a single connection keeps the transaction rules simple.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop.api.models import BookingRequest
from desktop.drafts.errors import (
    DISK_FULL,
    DraftNotFoundError,
    DraftStorageError,
    InvalidTransitionError,
)
from desktop.paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "drafts.sqlite3"
#: How long a writer waits for another process holding the file (a second app instance).
BUSY_TIMEOUT_MS = 5000

#: Keys of the form values the UI stores for display (the rest is the UI's own business).
LABEL_KEYS = ("client_name", "service_name", "staff_name", "local_time")


class DraftStatus(StrEnum):
    DRAFT = "draft"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    NEEDS_ATTENTION = "needs_attention"
    FAILED = "failed"


S = DraftStatus
#: Which status may follow which. ``sending`` only from ``queued``; nothing after ``sent``.
TRANSITIONS: dict[DraftStatus, frozenset[DraftStatus]] = {
    S.DRAFT: frozenset({S.QUEUED}),
    S.QUEUED: frozenset({S.SENDING, S.DRAFT}),
    S.SENDING: frozenset({S.SENT, S.QUEUED, S.NEEDS_ATTENTION, S.FAILED}),
    S.NEEDS_ATTENTION: frozenset({S.QUEUED, S.DRAFT}),
    S.FAILED: frozenset({S.QUEUED, S.DRAFT}),
    S.SENT: frozenset(),
}
#: Statuses whose request may be edited. Not ``sending`` (it may be on the wire) nor ``sent``.
EDITABLE = frozenset({S.DRAFT, S.QUEUED, S.NEEDS_ATTENTION, S.FAILED})
#: A ``sending`` draft may already be booked: deleting it would hide a booking from the desk.
DELETABLE = frozenset({S.DRAFT, S.QUEUED, S.NEEDS_ATTENTION, S.FAILED, S.SENT})


def utcnow() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    # One fixed format, so that text comparison in SQL is time comparison.
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _from_iso(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _dumps(value: Mapping[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Draft:
    id: str
    created_at: datetime
    updated_at: datetime
    request: dict[str, Any]
    values: dict[str, Any]
    status: DraftStatus
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str | None = None
    booking_id: str | None = None
    idempotency_key: str | None = None
    #: An earlier send may have reached the server: look the booking up before sending again.
    needs_lookup: bool = False

    def booking_request(self) -> BookingRequest:
        return BookingRequest.model_validate(self.request)

    def label(self, key: str) -> str:
        value = self.values.get(key)
        return "" if value is None else str(value)


@dataclass(frozen=True)
class AutosavedForm:
    values: dict[str, Any]
    saved_at: datetime


# --------------------------------------------------------------------------- migrations


def _migrate_v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE drafts (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- creation order, also the send order
            id TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            request_json TEXT NOT NULL,
            values_json TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN
                ('draft', 'queued', 'sending', 'sent', 'needs_attention', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            booking_id TEXT,
            idempotency_key TEXT
        )
        """
    )


def _migrate_v2(conn: sqlite3.Connection) -> None:
    # v2: the look-up flag (exactly-once after ambiguous sends), the due index, autosave.
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


#: Index i brings a file from user_version i to i + 1. Append only; never edit a shipped one.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_v1, _migrate_v2]
SCHEMA_VERSION = len(MIGRATIONS)


# --------------------------------------------------------------------------- errors


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return isinstance(exc, sqlite3.Error) and "full" in str(exc).lower()


def _storage_error(exc: BaseException) -> DraftStorageError:
    if _is_disk_full(exc):
        return DraftStorageError(DISK_FULL)
    if "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
        return DraftStorageError(
            "The draft could not be saved because the drafts file is read-only. Nothing was "
            "lost from the form; ask for write access to the drafts folder."
        )
    return DraftStorageError(
        f"The draft could not be saved ({exc}). Nothing was lost from the form; press Save "
        "again, and restart Frontdesk if it keeps failing."
    )


# --------------------------------------------------------------------------- the store

_COLUMNS = (
    "id, created_at, updated_at, request_json, values_json, status, attempts, "
    "next_attempt_at, last_error, booking_id, idempotency_key, needs_lookup"
)


def default_path() -> Path:
    return AppPaths.default().drafts_file


class DraftStore:
    """The outbox file. Thread-safe; call :meth:`close` when done.

    ``before_commit(op)`` is a fault hook for tests and drills: it runs inside every write
    transaction just before COMMIT, so raising from it exercises the real rollback path.
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        clock: Callable[[], datetime] = utcnow,
        before_commit: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.clock = clock
        self.before_commit = before_commit
        #: A sentence for the UI when a damaged file was set aside at open, else None.
        self.recovery_notice: str | None = None
        self._lock = threading.RLock()
        self._check_writable_dir()
        self._conn = self._open_or_set_aside()

    # ------------------------------------------------------------------ opening

    def _check_writable_dir(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # os.access lies for root and on some mounts: really try to create a file.
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise DraftStorageError(
                    f"Drafts cannot be kept because the disk holding {folder} is full. "
                    "Free some space and start Frontdesk again."
                ) from exc
            raise DraftStorageError(
                f"Drafts cannot be kept because the folder {folder} is read-only or cannot be "
                "written. Ask for write access to it, or start Frontdesk with another data "
                "folder."
            ) from exc

    def _open_or_set_aside(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except DraftStorageError:
            raise
        except (sqlite3.DatabaseError, OSError) as exc:
            if _is_disk_full(exc):
                raise DraftStorageError(DISK_FULL) from exc
            aside = self._set_aside()
            log.warning("Drafts file was unreadable (%s); moved to %s", exc, aside)
            self.recovery_notice = (
                f"The drafts file could not be read, so it was moved aside to {aside} and "
                "Frontdesk started with an empty list of drafts. Keep that file: support can "
                "try to recover the drafts in it."
            )
            try:
                return self._connect()
            except (sqlite3.DatabaseError, OSError) as again:
                raise _storage_error(again) from again

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.DatabaseError(f"journal mode stayed {mode}")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            # Reading the schema is what fails on a garbage file ("file is not a database").
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise DraftStorageError(
                f"The drafts file {self.path} was written by a newer Frontdesk. Update "
                "Frontdesk to open it; it was left untouched."
            )
        for target in range(version, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[target](conn)
                # user_version lives in the file header and is part of the transaction.
                conn.execute(f"PRAGMA user_version = {target + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def _set_aside(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        os.replace(self.path, aside)
        wal = self.path.with_name(self.path.name + "-wal")
        if wal.exists():
            os.replace(wal, aside.with_name(aside.name + "-wal"))
        with suppress(FileNotFoundError):
            self.path.with_name(self.path.name + "-shm").unlink()
        return aside

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> DraftStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def _write(self, op: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except (sqlite3.Error, OSError) as exc:
                raise _storage_error(exc) from exc
            try:
                yield conn
                if self.before_commit is not None:
                    self.before_commit(op)
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    with suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error | OSError):
                    raise _storage_error(exc) from exc
                raise

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise DraftStorageError(
                    f"The drafts could not be read ({exc}). Restart Frontdesk; if it keeps "
                    "happening, the drafts file may be damaged."
                ) from exc

    @staticmethod
    def _row_to_draft(row: Sequence[Any]) -> Draft:
        created = _from_iso(row[1])
        updated = _from_iso(row[2])
        assert created is not None
        assert updated is not None
        return Draft(
            id=row[0], created_at=created, updated_at=updated,
            request=json.loads(row[3]), values=json.loads(row[4]),
            status=DraftStatus(row[5]), attempts=int(row[6]),
            next_attempt_at=_from_iso(row[7]), last_error=row[8], booking_id=row[9],
            idempotency_key=row[10], needs_lookup=bool(row[11]),
        )

    def _fetch(self, conn: sqlite3.Connection, draft_id: str) -> Draft:
        row = conn.execute(f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise DraftNotFoundError("That draft no longer exists; it may have been deleted.")
        return self._row_to_draft(row)

    def _transition(self, draft_id: str, to: DraftStatus, op: str,
                    **fields: Any) -> Draft:
        """Move one draft to ``to`` (checked against TRANSITIONS) and set ``fields``."""
        with self._write(op) as conn:
            current = self._fetch(conn, draft_id)
            if to != current.status and to not in TRANSITIONS[current.status]:
                raise InvalidTransitionError(_refusal(current.status, to))
            fields["status"] = str(to)
            fields["updated_at"] = _iso(self.clock())
            assignments = ", ".join(f"{name} = ?" for name in fields)
            conn.execute(f"UPDATE drafts SET {assignments} WHERE id = ?",
                         (*fields.values(), draft_id))
            return self._fetch(conn, draft_id)

    # ------------------------------------------------------------------ drafts

    def save(self, request: BookingRequest | Mapping[str, Any], values: Mapping[str, Any],
             *, queue: bool = False, in_doubt: str | None = None,
             not_before: datetime | None = None) -> Draft:
        """Keep a new draft (``queue=True``: ready to send at once). Durable on return.

        ``in_doubt``: the request was already sent once and its answer never came (the desk
        stopped waiting, or the answer was lost). The draft is queued with a look-up before any
        re-send, not before ``not_before``, and ``in_doubt`` as its last error: all in one
        transaction, so no crash can leave it queued without the look-up.
        """
        now = self.clock()
        body = request.to_json() if isinstance(request, BookingRequest) else dict(request)
        queue = queue or in_doubt is not None
        status = S.QUEUED if queue else S.DRAFT
        draft = Draft(
            id=str(uuid.uuid4()), created_at=now, updated_at=now, request=body,
            values=dict(values), status=status,
            next_attempt_at=(not_before or now) if queue else None,
            idempotency_key=str(uuid.uuid4()) if queue else None,
            attempts=1 if in_doubt else 0, last_error=in_doubt,
            needs_lookup=in_doubt is not None,
        )
        with self._write("save") as conn:
            conn.execute(
                f"INSERT INTO drafts ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (draft.id, _iso(now), _iso(now), _dumps(body), _dumps(draft.values),
                 str(status), draft.attempts, _iso(draft.next_attempt_at), in_doubt, None,
                 draft.idempotency_key, int(draft.needs_lookup)),
            )
        return draft

    def update_request(self, draft_id: str, request: BookingRequest | Mapping[str, Any],
                       values: Mapping[str, Any] | None = None) -> Draft:
        """Put a fixed request (e.g. a new slot) into a draft.

        A refused draft (``needs_attention``/``failed``) becomes a plain ``draft`` again, to
        be queued once the person is happy with it. The request changed, so its idempotency
        key is renewed: the old key belongs to a request the server refused.
        """
        body = request.to_json() if isinstance(request, BookingRequest) else dict(request)
        with self._write("update_request") as conn:
            current = self._fetch(conn, draft_id)
            if current.status not in EDITABLE:
                raise InvalidTransitionError(
                    "This draft is being sent or was already sent, so it can no longer be "
                    "changed."
                )
            if current.needs_lookup:
                raise InvalidTransitionError(
                    "This draft's last send may have reached the server; wait until "
                    "Frontdesk has checked whether it was booked before changing it."
                )
            status = S.QUEUED if current.status == S.QUEUED else S.DRAFT
            key = str(uuid.uuid4()) if status == S.QUEUED else None
            new_values = current.values if values is None else dict(values)
            conn.execute(
                "UPDATE drafts SET request_json = ?, values_json = ?, status = ?, "
                "idempotency_key = ?, updated_at = ? WHERE id = ?",
                (_dumps(body), _dumps(new_values), str(status), key,
                 _iso(self.clock()), draft_id),
            )
            return self._fetch(conn, draft_id)

    def queue(self, draft_id: str) -> Draft:
        """Make a draft ready to send now. The idempotency key is fixed here, once."""
        with self._write("queue") as conn:
            current = self._fetch(conn, draft_id)
            if current.status == S.QUEUED:
                conn.execute("UPDATE drafts SET next_attempt_at = ? WHERE id = ?",
                             (_iso(self.clock()), draft_id))
                return self._fetch(conn, draft_id)
            if S.QUEUED not in TRANSITIONS[current.status]:
                raise InvalidTransitionError(_refusal(current.status, S.QUEUED))
            now = _iso(self.clock())
            conn.execute(
                "UPDATE drafts SET status = 'queued', next_attempt_at = ?, updated_at = ?, "
                "last_error = NULL, idempotency_key = COALESCE(idempotency_key, ?) "
                "WHERE id = ?",
                (now, now, str(uuid.uuid4()), draft_id),
            )
            return self._fetch(conn, draft_id)

    def unqueue(self, draft_id: str) -> Draft:
        """Take a queued draft back to ``draft`` (to hold or edit it)."""
        return self._transition(draft_id, S.DRAFT, "unqueue", next_attempt_at=None)

    def delete(self, draft_id: str) -> None:
        with self._write("delete") as conn:
            current = self._fetch(conn, draft_id)
            if current.status not in DELETABLE:
                raise InvalidTransitionError(
                    "This draft is being sent right now; it can be deleted once Frontdesk "
                    "knows whether it was booked."
                )
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    # ------------------------------------------------------------------ the sender's moves

    def mark_sending(self, draft_id: str) -> Draft:
        """``queued`` → ``sending``, committed before the request leaves (the exactly-once
        anchor): from here on, a crash means "look it up before sending again"."""
        with self._write("mark_sending") as conn:
            current = self._fetch(conn, draft_id)
            if current.status != S.QUEUED:
                raise InvalidTransitionError(_refusal(current.status, S.SENDING))
            conn.execute(
                "UPDATE drafts SET status = 'sending', attempts = attempts + 1, "
                "needs_lookup = 1, updated_at = ?, "
                "idempotency_key = COALESCE(idempotency_key, ?) WHERE id = ?",
                (_iso(self.clock()), str(uuid.uuid4()), draft_id),
            )
            return self._fetch(conn, draft_id)

    def mark_sent(self, draft_id: str, booking_id: str) -> Draft:
        return self._transition(draft_id, S.SENT, "mark_sent", booking_id=booking_id,
                                last_error=None, needs_lookup=0, next_attempt_at=None)

    def requeue(self, draft_id: str, *, next_attempt_at: datetime, error: str | None,
                lookup_needed: bool) -> Draft:
        """``sending`` → ``queued`` for a later try. ``lookup_needed``: the request may have
        reached the server, so look the booking up before sending it again."""
        return self._transition(draft_id, S.QUEUED, "requeue",
                                next_attempt_at=_iso(next_attempt_at), last_error=error,
                                needs_lookup=int(lookup_needed))

    def defer_resolution(self, draft_id: str, *, next_attempt_at: datetime,
                         error: str) -> Draft:
        """Stay ``sending`` (outcome still unknown) and try the look-up again later."""
        with self._write("defer_resolution") as conn:
            current = self._fetch(conn, draft_id)
            if current.status != S.SENDING:
                raise InvalidTransitionError(_refusal(current.status, S.SENDING))
            conn.execute(
                "UPDATE drafts SET next_attempt_at = ?, last_error = ?, updated_at = ? "
                "WHERE id = ?",
                (_iso(next_attempt_at), error, _iso(self.clock()), draft_id),
            )
            return self._fetch(conn, draft_id)

    def mark_needs_attention(self, draft_id: str, error: str) -> Draft:
        return self._transition(draft_id, S.NEEDS_ATTENTION, "mark_needs_attention",
                                last_error=error, needs_lookup=0, next_attempt_at=None)

    def mark_failed(self, draft_id: str, error: str, *, lookup_needed: bool = True) -> Draft:
        return self._transition(draft_id, S.FAILED, "mark_failed", last_error=error,
                                needs_lookup=int(lookup_needed), next_attempt_at=None)

    # ------------------------------------------------------------------ reading

    def get(self, draft_id: str) -> Draft | None:
        rows = self._read(f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", (draft_id,))
        return self._row_to_draft(rows[0]) if rows else None

    def list_drafts(self, statuses: Sequence[DraftStatus] | None = None) -> list[Draft]:
        """Drafts in creation order, optionally only those in ``statuses``."""
        if statuses is None:
            rows = self._read(f"SELECT {_COLUMNS} FROM drafts ORDER BY seq")
        else:
            marks = ",".join("?" for _ in statuses)
            rows = self._read(
                f"SELECT {_COLUMNS} FROM drafts WHERE status IN ({marks}) ORDER BY seq",
                [str(s) for s in statuses],
            )
        return [self._row_to_draft(row) for row in rows]

    def due(self, now: datetime | None = None, limit: int = 100) -> list[Draft]:
        """Queued drafts whose time has come, oldest first."""
        rows = self._read(
            f"SELECT {_COLUMNS} FROM drafts WHERE status = 'queued' AND "
            "(next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY seq LIMIT ?",
            (_iso(now or self.clock()), limit),
        )
        return [self._row_to_draft(row) for row in rows]

    def unresolved(self, now: datetime | None = None) -> list[Draft]:
        """``sending`` drafts due for a look-up (``now=None``: all of them)."""
        if now is None:
            rows = self._read(
                f"SELECT {_COLUMNS} FROM drafts WHERE status = 'sending' ORDER BY seq")
        else:
            rows = self._read(
                f"SELECT {_COLUMNS} FROM drafts WHERE status = 'sending' AND "
                "(next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY seq",
                (_iso(now),),
            )
        return [self._row_to_draft(row) for row in rows]

    def next_due_at(self) -> datetime | None:
        rows = self._read(
            "SELECT MIN(COALESCE(next_attempt_at, '')) FROM drafts "
            "WHERE status IN ('queued', 'sending')"
        )
        value = rows[0][0]
        if value is None:
            return None
        return self.clock() if value == "" else _from_iso(value)

    def counts(self) -> dict[DraftStatus, int]:
        result = dict.fromkeys(DraftStatus, 0)
        for status, n in self._read("SELECT status, count(*) FROM drafts GROUP BY status"):
            result[DraftStatus(status)] = int(n)
        return result

    def make_due_now(self) -> int:
        """Bring every queued draft's next try forward to now (the network just came back)."""
        with self._write("make_due_now") as conn:
            cur = conn.execute(
                "UPDATE drafts SET next_attempt_at = ? WHERE status = 'queued'",
                (_iso(self.clock()),),
            )
            return int(cur.rowcount)

    # ------------------------------------------------------------------ autosave

    def autosave(self, values: Mapping[str, Any]) -> None:
        """Keep the form in progress (one slot, overwritten on each call)."""
        with self._write("autosave") as conn:
            conn.execute(
                "INSERT INTO autosave (slot, values_json, saved_at) VALUES (1, ?, ?) "
                "ON CONFLICT (slot) DO UPDATE SET values_json = excluded.values_json, "
                "saved_at = excluded.saved_at",
                (_dumps(values), _iso(self.clock())),
            )

    def recover_autosave(self) -> AutosavedForm | None:
        rows = self._read("SELECT values_json, saved_at FROM autosave WHERE slot = 1")
        if not rows:
            return None
        saved_at = _from_iso(rows[0][1])
        assert saved_at is not None
        return AutosavedForm(values=json.loads(rows[0][0]), saved_at=saved_at)

    def clear_autosave(self) -> None:
        """Forget the form in progress (after it was booked, or the person discarded it)."""
        with self._write("clear_autosave") as conn:
            conn.execute("DELETE FROM autosave")


def _refusal(current: DraftStatus, wanted: DraftStatus) -> str:
    if current == S.SENT:
        return "This draft was already booked, so it cannot be sent again."
    if wanted == S.SENDING:
        return "Only a draft waiting in the outbox can be sent; queue it first."
    if current == S.SENDING:
        return "This draft is being sent right now; wait until it is finished."
    return f"A draft that is {current.value.replace('_', ' ')} cannot become {wanted.value}."
