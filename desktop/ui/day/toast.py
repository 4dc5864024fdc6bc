"""A short message at the bottom of the day with Undo: every action can be taken back for a
few seconds before it is sent. The action is already safe on disk meanwhile (held in the
outbox until the toast goes), so closing the app in those seconds loses nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from desktop.ui.announce import announce
from desktop.ui.plain_text import plain_label

#: How long Undo is offered.
UNDO_SECONDS = 6


class UndoToast(QFrame):
    sig_undone = Signal()
    sig_expired = Signal()

    def __init__(self, parent: QWidget | None = None, *, seconds: int = UNDO_SECONDS) -> None:
        super().__init__(parent)
        self.setObjectName("undo-toast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = plain_label(self, "undo-toast-text")
        self.text.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo"), self)
        self.undo_button.setObjectName("undo")
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.undo_button.clicked.connect(self._undo)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.undo_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(seconds * 1000)
        self._timer.timeout.connect(self._expire)
        self._on_undo: Callable[[], None] | None = None
        self._on_expire: Callable[[], None] | None = None
        self.hide()

    def offer(self, text: str, on_undo: Callable[[], None],
              on_expire: Callable[[], None]) -> None:
        """Show ``text`` with Undo; a previous offer still showing is settled first."""
        if self._timer.isActive():
            self._expire()
        self._on_undo, self._on_expire = on_undo, on_expire
        self.text.setText(text)
        self.setAccessibleName(text)
        self.show()
        self._timer.start()
        key = QKeySequence.mnemonic(self.undo_button.text()).toString(
            QKeySequence.SequenceFormat.NativeText)
        announce(self, self.tr("{action}. Undo with {key}.").format(action=text, key=key))

    @property
    def offering(self) -> bool:
        return self._timer.isActive()

    def settle(self) -> None:
        """Let the action go now (the window closes, or another action follows)."""
        if self._timer.isActive():
            self._expire()

    def _undo(self) -> None:
        self._end(self._on_undo, self.sig_undone)

    def _expire(self) -> None:
        self._end(self._on_expire, self.sig_expired)

    def _end(self, action: Callable[[], None] | None, said: SignalInstance) -> None:
        """Either way the toast ends: hidden, neither callback left to run twice, ``action``
        run, then ``said`` emitted."""
        self._timer.stop()
        self._on_undo = self._on_expire = None
        self.hide()
        if action is not None:
            action()
        said.emit()
