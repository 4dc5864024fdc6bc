"""Qt face of the sync engine: runs its loop on a QThread, re-emits its events as signals.

The engine calls its listeners on the thread it runs on. That thread is a QThread (created
here), and the listener only posts each event through the app's one delivery primitive,
:class:`desktop.ui.tasks.GuiRelay`, so every signal below is emitted on the GUI thread and no
signal is ever emitted from a thread Qt did not create. No polling.

Signals (all on the GUI thread):

* ``sig_counts_changed(waiting, attention)`` — for the status bar;
* ``sig_online_changed(online)``;
* ``sig_auth_required()`` — a 401: sign in again, then ``resume()``/``sign_in(client)``;
* ``sig_operation_changed(op_id)`` — an operation was claimed, sent, refused, retried...:
  the drafts panel and the day view re-read it (``store.get`` / ``pending_by_booking``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from desktop.outbox.api import DeskApi
from desktop.outbox.engine import SyncEngine, SyncListener
from desktop.outbox.model import Operation
from desktop.ui.tasks import GuiRelay


class _EngineThread(QThread):
    def __init__(self, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outbox-sync")
        self._engine = engine

    def run(self) -> None:
        self._engine.run_loop()


class _Relaying(SyncListener):
    """The engine's listener: hands each event to the GUI thread, touches no widget."""

    def __init__(self, service: SyncService, relay: GuiRelay) -> None:
        self._service = service
        self._relay = relay

    def operation_changed(self, op_id: str) -> None:
        self._relay.post(lambda: self._service.sig_operation_changed.emit(op_id))

    def counts_changed(self, waiting: int, attention: int) -> None:
        self._relay.post(lambda: self._service.sig_counts_changed.emit(waiting, attention))

    def online_changed(self, online: bool) -> None:
        self._relay.post(lambda: self._service.sig_online_changed.emit(online))

    def auth_required(self) -> None:
        self._relay.post(self._service.sig_auth_required.emit)


class SyncService(QObject):
    """Owns a running :class:`SyncEngine` for the window. ``stop()`` at exit."""

    sig_counts_changed = Signal(int, int)
    sig_online_changed = Signal(bool)
    sig_auth_required = Signal()
    sig_operation_changed = Signal(str)

    def __init__(self, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_sync_service")
        self.engine = engine
        self._relay = GuiRelay(self)
        engine.add_listener(_Relaying(self, self._relay))
        self._thread: _EngineThread | None = None

    def start(self) -> None:
        """Start the engine's loop on its QThread (it first reports the counts)."""
        if self._thread is None:
            self._thread = _EngineThread(self.engine, self)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop after the request in flight, if any; True if the loop ended."""
        self.engine.request_stop()
        thread, self._thread = self._thread, None
        ended = True
        if thread is not None:
            ended = bool(thread.wait(int(timeout * 1000)))
        self.engine.keeper.close()
        return ended

    def wake(self) -> None:
        """Call after queueing something, so it goes now rather than at the next idle check."""
        self.engine.wake()

    def sign_in(self, client: DeskApi) -> None:
        self.engine.sign_in(client)

    def sign_out(self) -> None:
        self.engine.sign_out()

    def resume(self) -> None:
        self.engine.resume()

    def connection_lost(self) -> None:
        self.engine.connection_lost()

    def api_answered(self) -> None:
        self.engine.api_answered()

    def refresh_counts(self) -> None:
        """Blocking (store read): call it from a TaskRunner worker. Emits only on change."""
        self.engine.refresh_counts()

    def send_now(self, op_id: str) -> Operation:
        """Blocking (network): call it from a TaskRunner worker, never the GUI thread."""
        return self.engine.send_now(op_id)
