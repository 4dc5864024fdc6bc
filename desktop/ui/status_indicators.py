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
        self.set_online(True)
        self.set_drafts(0, 0)

    def set_online(self, online: bool) -> None:
        self.online.setText("● Online" if online else "● Offline")
        self.online.setStyleSheet(f"color: {'#1a7f37' if online else '#b42318'};"
                                  " font-weight: 600;")
        self.online.setAccessibleName("Online" if online else "Offline")

    def set_staff(self, name: str) -> None:
        """Who the token speaks for; a token naming no staff member says just that."""
        self.staff.setText(f"Signed in: {name}" if name else "Signed in with a staff token")

    def set_drafts(self, waiting: int, attention: int) -> None:
        text = f"Drafts waiting: {waiting}"
        if attention:
            text += f" · need attention: {attention}"
        self.drafts.setText(text)
        self.drafts.setStyleSheet("color: #b54708; font-weight: 600;" if attention else "")
