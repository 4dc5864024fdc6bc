"""Errors of the outbox. Every message is a sentence a receptionist can read.

``OutboxUnavailableError`` is the one the start-up code shows in a dialog: the outbox file
could not be opened, it was left exactly as it was, and ``reason`` says why in a word the UI
can branch on (offer to quit, or to work without offline drafts).
"""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import translate


def disk_full_sentence() -> str:
    return translate(
        "Outbox",
        "The draft could not be saved because the disk is full. Nothing was lost from the "
        "form; free some space and press Save again.")


class OutboxStorageError(Exception):
    """The outbox file could not be read or written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class OpenProblem(StrEnum):
    """Why the outbox file could not be opened (the file itself is never touched)."""

    #: Another program (or another Frontdesk) holds a lock on it for too long.
    LOCKED = "locked"
    #: The operating system refused to open it (permissions, a folder in its place).
    NO_ACCESS = "no_access"
    #: Its folder cannot be created or written (read-only disk, missing share).
    FOLDER_NOT_WRITABLE = "folder_not_writable"
    #: The file or its folder is read-only.
    READ_ONLY = "read_only"
    #: The disk is full.
    DISK_FULL = "disk_full"
    #: Written by a newer Frontdesk: this version cannot read it.
    NEWER_SCHEMA = "newer_schema"
    #: Anything else SQLite refused with (an I/O error of the disk, ...).
    OTHER = "other"


class OutboxUnavailableError(OutboxStorageError):
    """The outbox could not be opened; the file was left untouched. Show ``message``."""

    def __init__(self, message: str, reason: OpenProblem) -> None:
        super().__init__(message)
        self.reason = reason


class OperationNotFoundError(OutboxStorageError):
    """The operation was dropped (perhaps from another window) or never existed."""


class InvalidTransitionError(OutboxStorageError):
    """A status change the outbox does not allow, e.g. re-queuing a booked draft."""


class LeaseLostError(OutboxStorageError):
    """This engine no longer holds the operation (its lease expired and another engine took
    it over): the outcome it wanted to record is not written, the other engine's stands."""


class SyncUnavailableError(Exception):
    """Sending was asked for while nobody is signed in."""

    def __init__(self, message: str = "") -> None:
        message = message or translate("Outbox", "Sign in again to send drafts.")
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
