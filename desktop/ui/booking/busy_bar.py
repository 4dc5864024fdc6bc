"""The strip at the bottom of the page that says what is being waited for, with Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from desktop.ui.plain_text import plain_label


class BusyBar(QWidget):
    sig_cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busy-bar")
        self.label = plain_label(self, "busy-text")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("busy-progress")
        self.progress.setRange(0, 0)  # indeterminate: the API gives no progress figures
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel.setObjectName("busy-cancel")
        self.cancel.clicked.connect(self.sig_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.cancel)
        self._waits: dict[str, str] = {}
        self.setVisible(False)

    def begin(self, key: str, text: str) -> None:
        self._waits[key] = text
        self._refresh()

    def end(self, key: str) -> None:
        self._waits.pop(key, None)
        self._refresh()

    def clear(self) -> None:
        self._waits.clear()
        self._refresh()

    @property
    def waiting(self) -> bool:
        return bool(self._waits)

    def _refresh(self) -> None:
        if self._waits:
            self.label.setText(list(self._waits.values())[-1])
        self.setVisible(bool(self._waits))
