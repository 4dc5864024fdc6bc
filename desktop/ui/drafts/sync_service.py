"""Qt face of the sync engine: runs it on its own thread, re-emits its events as signals.

The engine calls its listeners on whatever thread it is on (its own, or a worker's). Those
calls only put the event in a thread-safe inbox; a timer on the GUI thread empties it and
emits the signals there. So no Qt object is ever touched from a thread Qt did not create:
emitting from such threads is where PySide was seen to crash now and then.
"""

from __future__ import annotations

import queue
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.drafts.store import Draft
from desktop.drafts.sync import BookingApi, SyncEngine, SyncListener

#: How often the GUI thread looks for news from the engine; fast enough for a status bar.
DELIVERY_INTERVAL_MS = 50


class _Inbox(SyncListener):
    """The engine's listener: records events, touches nothing of Qt."""

    def __init__(self) -> None:
        self.events: queue.SimpleQueue[tuple[str, tuple[Any, ...]]] = queue.SimpleQueue()

    def draft_changed(self, draft_id: str) -> None:
        self.events.put(("sig_draft_changed", (draft_id,)))

    def counts_changed(self, waiting: int, attention: int) -> None:
        self.events.put(("sig_counts_changed", (waiting, attention)))

    def online_changed(self, online: bool) -> None:
        self.events.put(("sig_online_changed", (online,)))

    def auth_required(self) -> None:
        self.events.put(("sig_auth_required", ()))


class SyncService(QObject):
    """Owns a running :class:`SyncEngine` for the window. ``stop()`` at exit."""

    #: (waiting to send, needing attention) — for the status bar.
    sig_counts_changed = Signal(int, int)
    sig_online_changed = Signal(bool)
    #: A 401: show the sign-in dialog, then call ``sign_in(new_client)``.
    sig_auth_required = Signal()
    sig_draft_changed = Signal(str)

    def __init__(self, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_sync_service")
        self.engine = engine
        self._inbox = _Inbox()
        engine.add_listener(self._inbox)
        self._delivery = QTimer(self)
        self._delivery.setInterval(DELIVERY_INTERVAL_MS)
        self._delivery.timeout.connect(self.deliver)
        self._delivery.start()

    def deliver(self) -> None:
        """Emit, on the GUI thread, what the engine reported since the last time."""
        while True:
            try:
                name, args = self._inbox.events.get_nowait()
            except queue.Empty:
                return
            getattr(self, name).emit(*args)

    def start(self) -> None:
        self.engine.start()
        self.engine.refresh_counts(force=True)

    def stop(self, timeout: float = 10.0) -> bool:
        stopped = self.engine.stop(timeout)
        self.deliver()
        self._delivery.stop()
        return stopped

    def wake(self) -> None:
        """Call after queueing a draft, so it goes now rather than at the next idle check."""
        self.engine.wake()

    def sign_in(self, client: BookingApi) -> None:
        self.engine.sign_in(client)

    def sign_out(self) -> None:
        self.engine.sign_out()

    def resume(self) -> None:
        self.engine.resume()

    def refresh_counts(self) -> None:
        """After the UI saved or deleted a draft itself (emits only when the counts moved)."""
        self.engine.refresh_counts()

    def send_now(self, draft_id: str) -> Draft:
        """Blocking (network): call it from a TaskRunner worker, never the GUI thread."""
        return self.engine.send_now(draft_id)
