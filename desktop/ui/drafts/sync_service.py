"""Qt face of the sync engine: runs it on its own thread, re-emits its events as signals.

The engine calls its listeners on its own thread; emitting a signal from there is safe, and
Qt queues delivery to receivers that live on the GUI thread (status bar, drafts panel).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.drafts.store import Draft
from desktop.drafts.sync import BookingApi, SyncEngine, SyncListener


class _Relay(SyncListener):
    def __init__(self, service: SyncService) -> None:
        self._service = service

    def draft_changed(self, draft_id: str) -> None:
        self._service.sig_draft_changed.emit(draft_id)

    def counts_changed(self, waiting: int, attention: int) -> None:
        self._service.sig_counts_changed.emit(waiting, attention)

    def online_changed(self, online: bool) -> None:
        self._service.sig_online_changed.emit(online)

    def auth_required(self) -> None:
        self._service.sig_auth_required.emit()


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
        self._relay = _Relay(self)
        engine.add_listener(self._relay)

    def start(self) -> None:
        self.engine.start()
        self.engine.refresh_counts(force=True)

    def stop(self, timeout: float = 10.0) -> bool:
        return self.engine.stop(timeout)

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
