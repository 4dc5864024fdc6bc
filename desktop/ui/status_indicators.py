"""Right side of the status bar: online or offline, who is signed in, what waits to be sent.
A change of the connection or of drafts needing attention is announced to screen readers; the
connection's state is a word and a shape as well as a colour."""

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
        self._online = True
        self._in_doubt = 0
        self._said: str | None = None
        self._attention = 0
        self._waiting = 0
        self._session_only = False
        self.set_online(True)
        self.set_drafts(0, 0)

    @property
    def session_only(self) -> bool:
        """Drafts are kept only until exit (the drafts file could not be opened)."""
        return self._session_only

    @session_only.setter
    def session_only(self, value: bool) -> None:
        self._session_only = value
        self.set_drafts(self._waiting, self._attention)  # say so at once

    def set_online(self, online: bool) -> None:
        """Offline: nothing reaches the API (refused, no network, name not found)."""
        self._online = online
        self._show_connection()

    def set_in_doubt(self, count: int) -> None:
        """Sends whose answer was lost (the connection dropped after they went out): not the
        same as offline — they may have been made, and are checked before any re-send."""
        self._in_doubt = count
        self._show_connection()

    def _show_connection(self) -> None:
        # The dot is a shape as well as a colour: hollow when offline.
        if not self._online:
            name = self.tr("Offline")
            text, tip, tone = self.tr("○ Offline"), self.tr(
                "The booking service cannot be reached. Work goes on; what waits is sent "
                "when the network is back."), Tone.ERROR
            spoken = self.tr("Offline: bookings are kept as drafts and sent later")
        elif self._in_doubt:
            name = self.tr("Checking %n unconfirmed send(s)", "", self._in_doubt)
            text = self.tr("● Checking %n unconfirmed send(s)", "", self._in_doubt)
            tip = self.tr("The connection dropped before the service answered. Frontdesk "
                          "checks whether these went through before sending anything again.")
            tone, spoken = Tone.WARNING, name
        else:
            name = self.tr("Online")
            text, tip, tone = self.tr("● Online"), "", Tone.SUCCESS
            spoken = self.tr("Back online")
        self.online.setText(text)
        self.online.setToolTip(tip)
        self.online.setStyleSheet(text_style(tone, bold=True))
        self.online.setAccessibleName(name)
        self.online.setAccessibleDescription(tip)
        if self._said is not None and name != self._said:
            announce(self.online, spoken, assertive=not self._online)
        self._said = name

    def set_staff(self, name: str) -> None:
        """Who the token speaks for; a token naming no staff member says just that."""
        self.staff.setText(self.tr("Signed in: {name}").format(name=name) if name
                           else self.tr("Signed in with a staff token"))

    def set_drafts(self, waiting: int, attention: int) -> None:
        self._waiting = waiting
        text = self.tr("Drafts waiting: {count}").format(count=waiting)
        if attention:
            text = self.tr("Drafts waiting: {count} · need attention: {attention}").format(
                count=waiting, attention=attention)
        if self._session_only:
            text = self.tr("{drafts} (kept only until Frontdesk closes)").format(drafts=text)
        self.drafts.setText(text)
        self.drafts.setStyleSheet(text_style(Tone.WARNING, bold=True) if attention else "")
        if attention > self._attention:
            announce(self.drafts, self.tr("Drafts needing attention: {count}").format(
                count=attention))
        self._attention = attention
