"""One Frontdesk per user and data folder: a second launch brings the first one's window to
the front and quits, instead of opening a second outbox on the same drafts file.

A double-click too many, or a second sign-in on a shared PC, would otherwise run two outboxes
on one file (the outbox's send leases keep them from sending the same booking twice, but two
windows of one desk only confuse). The guard is a ``QLockFile`` in the data folder — released
by the OS when the process dies, so a crash never locks the desk out — and a ``QLocalServer``
whose name is derived from that folder, on which a second launch asks to be shown.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

#: What a second launch sends to the first.
SHOW_REQUEST = b"show\n"
CONNECT_TIMEOUT_MS = 1000


def server_name(lock_path: Path) -> str:
    """A local-socket name unique to this data folder (and short enough for every OS)."""
    digest = hashlib.sha256(str(lock_path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"frontdesk-{digest}"


class SingleInstance(QObject):
    """``acquire()`` first thing at start-up: True means this is the one instance. Then
    ``listen()`` (after the first paint: it loads QtNetwork); ``sig_show_requested`` fires when
    another launch asks to be shown. Keep the object alive as long as the app runs."""

    sig_show_requested = Signal()

    def __init__(self, lock_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_path = lock_path
        self._lock = QLockFile(str(lock_path))
        # 0: never time out a lock whose owner is alive; a dead owner's lock is stale at once.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the data folder; False when another Frontdesk holds it."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        return bool(self._lock.tryLock(0))

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def listen(self) -> None:
        """Answer later launches (they ask this instance to show its window)."""
        # QtNetwork only when this is the first instance: most starts need nothing else of it.
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.lock_path)
        QLocalServer.removeServer(name)  # a socket left by a crashed instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._answer)
        if not server.listen(name):
            log.warning("Could not listen for other launches: %s", server.errorString())
        self._server = server

    def _answer(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            connection = server.nextPendingConnection()
            # The server owns its connections and frees them when it closes; deleting them
            # from here as well (deleteLater) crashed PySide at exit.
            connection.readyRead.connect(self._read)

    def _read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        connection = self.sender()
        if not isinstance(connection, QLocalSocket):
            return
        data = bytes(connection.readAll().data())
        if data.startswith(SHOW_REQUEST.strip()):
            log.info("Another launch of Frontdesk asked for this window")
            self.sig_show_requested.emit()


def ask_running_instance_to_show(lock_path: Path) -> bool:
    """From a second launch: ask the first to bring its window forward. True if it heard."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(lock_path))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(SHOW_REQUEST)
    delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return bool(delivered)
