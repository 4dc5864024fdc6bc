"""The offline outbox of bookings: a durable SQLite store and the engine that sends it once."""

from desktop.drafts.errors import (
    DISK_FULL,
    DraftNotFoundError,
    DraftStorageError,
    InvalidTransitionError,
    SyncUnavailableError,
)
from desktop.drafts.store import AutosavedForm, Draft, DraftStatus, DraftStore, default_path
from desktop.drafts.sync import Backoff, BookingApi, SyncEngine, SyncListener

__all__ = [
    "DISK_FULL",
    "AutosavedForm",
    "Backoff",
    "BookingApi",
    "Draft",
    "DraftNotFoundError",
    "DraftStatus",
    "DraftStorageError",
    "DraftStore",
    "InvalidTransitionError",
    "SyncEngine",
    "SyncListener",
    "SyncUnavailableError",
    "default_path",
]
