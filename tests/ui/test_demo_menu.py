"""The demo's Sandbox menu: another desk books or cancels, and the Day view picks it up."""

from __future__ import annotations

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from desktop.day.summary import DeskState
from desktop.sandbox.server import SandboxServer
from desktop.ui.demo_menu import install_demo_menu
from desktop.ui.main_window import MainWindow
from tests.helpers.windows import WAIT_MS


def _action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_another_desk_books_and_cancels_and_the_day_shows_both(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    install_demo_menu(day_window, day_sandbox)
    before = {e.id for e in day_window.day.entries()}
    _action(day_window, "demo-another-desk-books").trigger()
    assert "Another desk just booked" in day_window.day.banner.message()
    day_window.day.refresh()  # what the timer (15 s) or the window coming forward does
    qtbot.waitUntil(lambda: len({e.id for e in day_window.day.entries()} - before) == 1,
                    timeout=WAIT_MS)

    cancelled_before = {e.id for e in day_window.day.entries()
                        if e.state is DeskState.CANCELLED}
    _action(day_window, "demo-another-desk-cancels").trigger()
    assert "Another desk just cancelled" in day_window.day.banner.message()
    day_window.day.refresh()
    qtbot.waitUntil(lambda: len({e.id for e in day_window.day.entries()
                                 if e.state is DeskState.CANCELLED} - cancelled_before) == 1,
                    timeout=WAIT_MS)
