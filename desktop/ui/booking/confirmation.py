"""The panel shown after a booking succeeds: what was booked, for whom, when."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.plain_text import plain_label


@dataclass(frozen=True)
class BookingSummary:
    booking_id: str
    service: str
    staff: str
    when: str
    client: str
    kind: str = "Appointment"


class ConfirmationPanel(QFrame):
    sig_dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmation")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#confirmation { background: #eaf6ef; border: 1px solid #7cc49a; border-radius: 6px; }"
        )
        self.heading = plain_label(self, "confirmation-heading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600; color: #14532d;")
        self._values: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, (key, label) in enumerate(
            (("client", "Client"), ("service", "Service"), ("staff", "With"),
             ("when", "When"), ("booking_id", "Booking number"))):
            name = QLabel(label + ":", self)
            name.setStyleSheet("color: #3f5f4a;")
            value = plain_label(self, f"confirmation-{key.replace('_', '-')}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self._values[key] = value
        grid.setColumnStretch(1, 1)
        self.dismiss = QPushButton("Close", self)
        self.dismiss.setObjectName("confirmation-close")
        self.dismiss.clicked.connect(self._dismiss)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignRight)
        self.hide()

    def show_summary(self, summary: BookingSummary) -> None:
        self.heading.setText(f"✔ {summary.kind} booked")
        for key, label in self._values.items():
            label.setText(str(getattr(summary, key)))
        self.setAccessibleName(
            f"{summary.kind} booked for {summary.client}, {summary.service}, {summary.when}")
        self.show()

    def text(self) -> str:
        return "\n".join(label.text() for label in self._values.values())

    def _dismiss(self) -> None:
        self.hide()
        self.sig_dismissed.emit()
