"""Right side of the status bar: online or offline, who is signed in, what waits to be sent.
A change of online state or of drafts needing attention is announced to screen readers."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop.ui.announce import announce
from desktop.ui.plain_text import plain_label
from desktop.ui.style import Tone, text_style


class StatusIndicators(QWidget):
    """Right side of the status bar: online/offline, who is signed in, drafts waiting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.online = plain_label(self, "status-online")
        self.staff = plain_label(self, "status-staff")
        self.drafts = plain_label(self, "status-drafts")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(14)
        for label in (self.drafts, self.staff, self.online):
            layout.addWidget(label)
        self._online: bool | None = None
        self._attention = 0
        self.set_online(True)
        self.set_drafts(0, 0)

    def set_online(self, online: bool) -> None:
        # The dot is a shape as well as a colour: filled when online, hollow when not.
        self.online.setText(self.tr("● Online") if online else self.tr("○ Offline"))
        self.online.setStyleSheet(text_style(Tone.SUCCESS if online else Tone.ERROR, bold=True))
        name = self.tr("Online") if online else self.tr("Offline")
        self.online.setAccessibleName(name)
        if self._online is not None and online != self._online:
            announce(self.online, self.tr("Back online") if online else
                     self.tr("Offline: bookings are kept as drafts and sent later"),
                     assertive=not online)
        self._online = online

    def set_staff(self, name: str) -> None:
        """Who the token speaks for; a token naming no staff member says just that."""
        self.staff.setText(self.tr("Signed in: {name}").format(name=name) if name
                           else self.tr("Signed in with a staff token"))

    def set_drafts(self, waiting: int, attention: int) -> None:
        text = self.tr("Drafts waiting: {count}").format(count=waiting)
        if attention:
            text = self.tr("Drafts waiting: {count} · need attention: {attention}").format(
                count=waiting, attention=attention)
        self.drafts.setText(text)
        self.drafts.setStyleSheet(text_style(Tone.WARNING, bold=True) if attention else "")
        if attention > self._attention:
            announce(self.drafts, self.tr("Drafts needing attention: {count}").format(
                count=attention))
        self._attention = attention
