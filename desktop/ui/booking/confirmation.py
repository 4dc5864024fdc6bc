"""The panel shown after a booking succeeds: what was booked, for whom, when."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.announce import announce
from desktop.ui.plain_text import plain_label
from desktop.ui.style import Tone, tone_style


@dataclass(frozen=True)
class BookingSummary:
    booking_id: str
    service: str
    staff: str
    when: str
    client: str
    #: An event registration (else an appointment).
    event: bool = False


class ConfirmationPanel(QFrame):
    sig_dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmation")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(tone_style("confirmation", Tone.SUCCESS, radius=6))
        self.heading = plain_label(self, "confirmation-heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self._values: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, (key, label) in enumerate(
            (("client", self.tr("Client:")), ("service", self.tr("Service:")),
             ("staff", self.tr("With:")), ("when", self.tr("When:")),
             ("booking_id", self.tr("Booking number:")))):
            name = QLabel(label, self)
            value = plain_label(self, f"confirmation-{key.replace('_', '-')}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            name.setBuddy(value)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self._values[key] = value
        grid.setColumnStretch(1, 1)
        self.dismiss = QPushButton(self.tr("Close"), self)
        self.dismiss.setObjectName("confirmation-close")
        self.dismiss.setAccessibleName(self.tr("Close the confirmation"))
        self.dismiss.clicked.connect(self._dismiss)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignRight)
        self.hide()

    def show_summary(self, summary: BookingSummary) -> None:
        self.heading.setText(self.tr("✔ Registration booked") if summary.event
                             else self.tr("✔ Appointment booked"))
        for key, label in self._values.items():
            label.setText(str(getattr(summary, key)))
        spoken = (self.tr("Registration booked for {client}, {service}, {when}") if summary.event
                  else self.tr("Appointment booked for {client}, {service}, {when}")).format(
            client=summary.client, service=summary.service, when=summary.when)
        self.setAccessibleName(spoken)
        self.show()
        announce(self, spoken)

    def text(self) -> str:
        return "\n".join(label.text() for label in self._values.values())

    def _dismiss(self) -> None:
        self.hide()
        self.sig_dismissed.emit()
