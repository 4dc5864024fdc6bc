"""The outbox file's plumbing: opening it safely, one transaction per write, readable errors.

One SQLite file (WAL, ``synchronous=FULL``) per user. Every write is one ``BEGIN IMMEDIATE …
COMMIT``, so a write that returned is on disk even if the app dies the next instant, and two
processes on the same file take turns (``busy_timeout``) instead of failing.

Opening tells real damage from trouble that is not the file's fault. Only a file SQLite calls
"not a database"/"malformed", or one failing ``quick_check``, is moved aside (and Frontdesk
starts with an empty outbox, saying where the old file went). A locked file, one the operating
system will not open, a read-only folder or a file from a newer Frontdesk is left exactly as it
is and an ``OutboxUnavailableError`` says why: the queued bookings in it are not lost, they
wait for the problem to be fixed.

One connection guarded by a lock serves every thread of the process: the writes are tiny and a
single connection keeps the transaction rules simple.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.i18n import translate
from desktop.outbox.errors import (
    OpenProblem,
    OutboxStorageError,
    OutboxUnavailableError,
    disk_full_sentence,
)
from desktop.outbox.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

#: How long a writer waits for another process holding the file (a second app instance).
BUSY_TIMEOUT_MS = 5000

# SQLite primary result codes (``sqlite3.Error.sqlite_errorcode & 0xff``).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, \
    14, 26
_PERM, _AUTH = 3, 23


class _Damaged(Exception):
    """The file is really broken (not a database, malformed, failed quick_check)."""


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return _code(exc) == _FULL or (isinstance(exc, sqlite3.Error) and "full" in str(exc).lower())


def write_error(exc: BaseException) -> OutboxStorageError:
    """A failed write, as a sentence."""
    if is_disk_full(exc):
        return OutboxStorageError(disk_full_sentence())
    if _code(exc) == _READONLY or "readonly" in str(exc).lower():
        return OutboxStorageError(translate(
            "Outbox", "The draft could not be saved because the drafts file is read-only. "
                      "Nothing was lost from the form; ask for write access to the drafts "
                      "folder."))
    if _code(exc) in (_BUSY, _LOCKED):
        return OutboxStorageError(translate(
            "Outbox", "The draft could not be saved because another program kept the drafts "
                      "file busy. Nothing was lost from the form; press Save again."))
    return OutboxStorageError(translate(
        "Outbox", "The draft could not be saved ({error}). Nothing was lost from the form; "
                  "press Save again, and restart Frontdesk if it keeps failing.").format(
        error=exc))


def _unavailable(path: Path, exc: BaseException) -> OutboxUnavailableError:
    """Why an intact (or unknown) file cannot be opened; the file is left alone."""
    code = _code(exc)
    left = translate("Outbox", "The file was left untouched; the drafts in it are kept.")
    if is_disk_full(exc):
        return OutboxUnavailableError(disk_full_sentence(), OpenProblem.DISK_FULL)
    if code in (_BUSY, _LOCKED):
        text = translate("Outbox", "The drafts file {path} is locked by another program (or "
                                   "another Frontdesk), so it cannot be opened now. Close the "
                                   "other program and start Frontdesk again.")
        return OutboxUnavailableError(f"{text.format(path=path)} {left}", OpenProblem.LOCKED)
    if code == _READONLY:
        text = translate("Outbox", "The drafts file {path} is read-only, so Frontdesk cannot "
                                   "keep drafts in it. Ask for write access to it.")
        return OutboxUnavailableError(f"{text.format(path=path)} {left}", OpenProblem.READ_ONLY)
    if code in (_CANTOPEN, _PERM, _AUTH) or isinstance(exc, PermissionError):
        text = translate("Outbox", "The drafts file {path} cannot be opened: the computer "
                                   "refused access to it. Check that this account may read "
                                   "and write it.")
        return OutboxUnavailableError(f"{text.format(path=path)} {left}", OpenProblem.NO_ACCESS)
    text = translate("Outbox", "The drafts file {path} could not be opened ({error}).")
    return OutboxUnavailableError(f"{text.format(path=path, error=exc)} {left}",
                                  OpenProblem.OTHER)


def _is_damage(exc: BaseException) -> bool:
    return isinstance(exc, _Damaged) or _code(exc) in (_CORRUPT, _NOTADB)


class Database:
    """The open outbox file. Thread-safe; call :meth:`close` when done.

    ``before_commit(op)`` is a fault hook for tests and drills: it runs inside every write
    transaction just before COMMIT, so raising from it exercises the real rollback path.
    """

    def __init__(self, path: Path, *, clock: Clock = SYSTEM_CLOCK,
                 before_commit: Callable[[str], None] | None = None,
                 busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = path
        self.clock = clock
        self.before_commit = before_commit
        self.busy_timeout_ms = busy_timeout_ms
        #: A sentence for the UI when a damaged file was set aside at open, else None.
        self.recovery_notice: str | None = None
        self._lock = threading.RLock()
        self._check_folder()
        self._conn = self._open_or_set_aside()

    # ------------------------------------------------------------------ opening

    def _check_folder(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # os.access lies for root and on some mounts: really try to create a file.
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise OutboxUnavailableError(translate(
                    "Outbox", "Drafts cannot be kept because the disk holding {folder} is "
                              "full. Free some space and start Frontdesk again.").format(
                    folder=folder), OpenProblem.DISK_FULL) from exc
            raise OutboxUnavailableError(translate(
                "Outbox", "Drafts cannot be kept because the folder {folder} is read-only or "
                          "cannot be written. Ask for write access to it, or start Frontdesk "
                          "with another data folder.").format(folder=folder),
                OpenProblem.FOLDER_NOT_WRITABLE) from exc

    def _open_or_set_aside(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except OutboxStorageError:
            raise
        except (sqlite3.Error, OSError, _Damaged) as exc:
            if not _is_damage(exc):
                raise _unavailable(self.path, exc) from exc
            aside = self._set_aside()
            log.warning("Drafts file was damaged (%s); moved to %s", exc, aside)
            self.recovery_notice = translate(
                "Outbox", "The drafts file was damaged, so it was moved aside to {aside} and "
                          "Frontdesk started with an empty list of drafts. Keep that file: "
                          "support can try to recover the drafts in it.").format(aside=aside)
            try:
                return self._connect()
            except (sqlite3.Error, OSError, _Damaged) as again:
                raise _unavailable(self.path, again) from again

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                               timeout=self.busy_timeout_ms / 1000)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            # Reading the schema is what fails on a garbage file ("file is not a database").
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise _Damaged(f"quick_check: {check}")
            # Before anything writes (switching to WAL rewrites the file's header): a newer
            # Frontdesk's file must be left exactly as it was.
            self._refuse_newer(conn)
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"journal mode stayed {mode}")
            conn.execute("PRAGMA synchronous = FULL")
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _refuse_newer(self, conn: sqlite3.Connection) -> None:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise OutboxUnavailableError(translate(
                "Outbox", "The drafts file {path} was written by a newer Frontdesk. Update "
                          "Frontdesk to open it; it was left untouched.").format(
                path=self.path), OpenProblem.NEWER_SCHEMA)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        self._refuse_newer(conn)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
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
            log.info("Drafts file brought to schema v%d", target + 1)

    def _set_aside(self) -> Path:
        now = self.clock.now()  # a file name, the same on every platform (no strftime)
        stamp = (f"{now.year:04d}{now.month:02d}{now.day:02d}-"
                 f"{now.hour:02d}{now.minute:02d}{now.second:02d}")
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

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def write(self, op: str) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE … COMMIT``; ``op`` names it for the fault hook."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except (sqlite3.Error, OSError) as exc:
                raise write_error(exc) from exc
            try:
                yield conn
                if self.before_commit is not None:
                    self.before_commit(op)
                conn.execute("COMMIT")
            except BaseException as exc:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error | OSError):
                    raise write_error(exc) from exc
                raise

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise OutboxStorageError(translate(
                    "Outbox", "The drafts could not be read ({error}). Restart Frontdesk; if "
                              "it keeps happening, the drafts file may be damaged.").format(
                    error=exc)) from exc
