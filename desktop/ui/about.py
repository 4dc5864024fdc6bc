"""Help › About: the app's icon, name and version (from the installed package metadata, i.e.
pyproject.toml), the API it is connected to, and the versions a support call asks for."""

from __future__ import annotations

import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.resources_path import resource_path
from desktop.ui.plain_text import plain_label

ICON_SIZE = 96


def build_details(api_url: str) -> str:
    """Plain text for support: what runs where, never anything secret. In English whatever
    the desk's language: it is pasted into support requests."""
    frozen = "installed build" if getattr(sys, "frozen", False) else "from source"
    return (f"Frontdesk {__version__} ({frozen})\n"
            f"API: {api_url}\n"
            f"Qt {qVersion()}, PySide6 {pyside_version}, Python {platform.python_version()}\n"
            f"{platform.system()} {platform.release()} ({platform.machine()})")


class AboutDialog(QDialog):
    def __init__(self, api_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about-dialog")
        self.setWindowTitle(self.tr("About Frontdesk"))
        self.details = build_details(api_url)

        icon = QLabel(self)
        icon.setObjectName("about-icon")
        icon.setPixmap(QIcon(str(resource_path("icons", "frontdesk.svg")))
                       .pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        title = QLabel(self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setText(self.tr("Frontdesk  version {version}").format(version=__version__))
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setObjectName("about-title")
        blurb = QLabel(self.tr("Reception-desk bookings for vcita's Platform API, with offline "
                               "drafts that are sent exactly once when the connection is back."),
                       self)
        blurb.setWordWrap(True)
        connected = plain_label(self, "about-api", self.tr("Connected to {url}").format(
            url=api_url))
        connected.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        versions = QLabel(self.details.split("\n", 2)[2], self)
        versions.setObjectName("about-versions")
        versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text = QVBoxLayout()
        text.setSpacing(8)
        for widget in (title, blurb, connected, versions):
            text.addWidget(widget)
        text.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(icon)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy details"), self)
        self.copy_button.setToolTip(self.tr("Copy the versions above, e.g. for a support "
                                            "request"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 14)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def show_about(parent: QWidget, api_url: str) -> None:
    AboutDialog(api_url, parent).exec()
