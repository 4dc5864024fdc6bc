"""Help › About shows the version from the package metadata and the connected API."""

from __future__ import annotations

from importlib.metadata import version

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.ui.about import AboutDialog


def test_about_shows_the_installed_version_and_the_api(qtbot: QtBot) -> None:
    dialog = AboutDialog("https://api.vcita.biz")
    qtbot.addWidget(dialog)
    dialog.show()
    assert __version__ == version("frontdesk") != "0+unknown"
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"version {__version__}" in shown
    assert "Connected to https://api.vcita.biz" in shown
    icon = dialog.findChild(QLabel, "about-icon")
    assert icon is not None
    assert not icon.pixmap().isNull()


def test_copy_details_puts_the_versions_on_the_clipboard(qtbot: QtBot) -> None:
    dialog = AboutDialog("http://127.0.0.1:9999")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Frontdesk {__version__}")
    assert "API: http://127.0.0.1:9999" in copied
    assert "Qt " in copied
    assert "Python " in copied
    assert dialog.copy_button.text() == "Copied"
