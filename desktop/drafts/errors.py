"""Errors of the drafts outbox. Every message is a sentence a receptionist can read."""

from __future__ import annotations

DISK_FULL = (
    "The draft could not be saved because the disk is full. Nothing was lost from the form; "
    "free some space and press Save again."
)


class DraftStorageError(Exception):
    """The drafts file could not be opened or written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DraftNotFoundError(DraftStorageError):
    """The draft was deleted (perhaps from another window) or never existed."""


class InvalidTransitionError(DraftStorageError):
    """A status change the outbox does not allow, e.g. re-queuing a sent draft."""


class SyncUnavailableError(Exception):
    """Sending was asked for while nobody is signed in."""

    def __init__(self, message: str = "Sign in again to send drafts.") -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
