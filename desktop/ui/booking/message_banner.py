"""One line at the top of the page for what the receptionist must know now."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from desktop.ui.plain_text import plain_label


class Tone(StrEnum):
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


_STYLES = {
    Tone.INFO: ("#eef4fb", "#9bbbe0", "#1d3f66"),
    Tone.SUCCESS: ("#eaf6ef", "#7cc49a", "#14532d"),
    Tone.WARNING: ("#fff7e6", "#e8c070", "#6b4a00"),
    Tone.ERROR: ("#fdeeee", "#e59a9a", "#7a1f1f"),
}


class MessageBanner(QFrame):
    """Shows one message, coloured by its tone, until replaced or dismissed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-message")
        self.text = plain_label(self, "page-message-text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton("✕", self)
        self.close_button.setObjectName("page-message-close")
        self.close_button.setAccessibleName("Dismiss message")
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
        background, border, color = _STYLES[tone]
        self.setStyleSheet(
            f"#page-message {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 5px; }} #page-message-text {{ color: {color}; }}")
        self.text.setText(message)
        self.setAccessibleName(message)
        self.show()

    def message(self) -> str:
        return self.text.text() if self.isVisible() else ""

    def clear(self) -> None:
        self.text.clear()
        self.hide()
