"""Who hears what the engine does: listeners, called on the engine's thread.

The window's listener (``desktop.ui.drafts.sync_service``) only hands each event to the GUI
thread; tests record them. A listener that raises is logged and never stops the outbox.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class SyncListener:
    """Override what you need. Called on the engine's thread (or send_now's caller's)."""

    def operation_changed(self, op_id: str) -> None:
        pass

    def counts_changed(self, waiting: int, attention: int) -> None:
        pass

    def online_changed(self, online: bool) -> None:
        pass

    def auth_required(self) -> None:
        pass


class Listeners:
    """The engine's listeners, and the last counts told (counts are told only on change)."""

    def __init__(self) -> None:
        self._listeners: list[SyncListener] = []
        self._lock = threading.Lock()
        self._last_counts: tuple[int, int] | None = None

    def __bool__(self) -> bool:
        return bool(self._listeners)

    def add(self, listener: SyncListener) -> None:
        self._listeners.append(listener)

    def remove(self, listener: SyncListener) -> None:
        self._listeners.remove(listener)

    def notify(self, call: Callable[[SyncListener], None]) -> None:
        for listener in list(self._listeners):
            try:
                call(listener)
            except Exception:  # a broken observer must not stop the outbox
                log.exception("Outbox listener failed")

    def counts(self, counts: tuple[int, int], *, force: bool = False) -> None:
        with self._lock:
            moved = force or self._last_counts != counts
            self._last_counts = counts
        if moved:
            self.notify(lambda listener: listener.counts_changed(*counts))
