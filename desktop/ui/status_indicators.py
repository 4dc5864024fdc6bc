"""Right side of the status bar: online or offline, who is signed in, what waits to be sent."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop.ui.plain_text import plain_label


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
        #: Drafts are kept only until exit (the drafts file could not be opened).
        self.session_only = False
        self.set_online(True)
        self.set_drafts(0, 0)

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
        if not self._online:
            text, tip, colour = self.tr("● Offline"), self.tr(
                "The booking service cannot be reached. Work goes on; what waits is sent "
                "when the network is back."), "#b42318"
        elif self._in_doubt:
            text = self.tr("● Checking %n unconfirmed send(s)", "", self._in_doubt)
            tip = self.tr("The connection dropped before the service answered. Frontdesk "
                          "checks whether these went through before sending anything again.")
            colour = "#9a6700"
        else:
            text, tip, colour = self.tr("● Online"), "", "#1a7f37"
        self.online.setText(text)
        self.online.setToolTip(tip)
        self.online.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.online.setAccessibleName(text.lstrip("● "))
        self.online.setAccessibleDescription(tip)

    def set_staff(self, name: str) -> None:
        """Who the token speaks for; a token naming no staff member says just that."""
        self.staff.setText(self.tr("Signed in: {name}").format(name=name) if name
                           else self.tr("Signed in with a staff token"))

    def set_drafts(self, waiting: int, attention: int) -> None:
        text = self.tr("Drafts waiting: {waiting}").format(waiting=waiting)
        if attention:
            text += self.tr(" · need attention: {attention}").format(attention=attention)
        if self.session_only:
            text += self.tr(" (kept only until Frontdesk closes)")
        self.drafts.setText(text)
        self.drafts.setStyleSheet("color: #b54708; font-weight: 600;" if attention else "")
