"""One line at the top of the page for what the receptionist must know now. Each message is
also announced to screen readers (errors and warnings assertively)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from desktop.ui.announce import announce
from desktop.ui.plain_text import plain_label
from desktop.ui.style import Tone, tone_style

__all__ = ["MessageBanner", "Tone"]


class MessageBanner(QFrame):
    """Shows one message, coloured by its tone (and led by its tone's word for screen
    readers), until replaced or dismissed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-message")
        self.text = plain_label(self, "page-message-text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton("✕", self)
        self.close_button.setObjectName("page-message-close")
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.setToolTip(self.tr("Dismiss message"))
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.tone = Tone.INFO
        self.hide()

    def show_message(self, message: str, tone: Tone = Tone.INFO) -> None:
        self.tone = tone
        self.setStyleSheet(tone_style("page-message", tone))
        self.text.setText(message)
        self.setAccessibleName(message)
        self.setAccessibleDescription(self._tone_word(tone))
        self.show()
        announce(self, message, assertive=tone in (Tone.ERROR, Tone.WARNING))

    def _tone_word(self, tone: Tone) -> str:
        return {Tone.INFO: self.tr("Information"), Tone.SUCCESS: self.tr("Done"),
                Tone.WARNING: self.tr("Warning"), Tone.ERROR: self.tr("Error")}[tone]

    def message(self) -> str:
        return self.text.text() if self.isVisible() else ""

    def clear(self) -> None:
        self.text.clear()
        self.hide()
