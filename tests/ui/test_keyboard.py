"""The Day view from the keyboard alone: Tab goes toolbar → schedule → details, Enter on an
entry opens its actions, Alt+Left/Right change the day wherever the focus is, Ctrl+1/Ctrl+2
switch views, and the focused control is drawn visibly."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView, QWidget
from pytestqt.qtbot import QtBot

from desktop.sandbox.server import SandboxServer
from desktop.ui.main_window import MainWindow
from tests.helpers.day_desk import DayDesk
from tests.helpers.windows import WAIT_MS


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _tab_through(qtbot: QtBot, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=WAIT_MS)
    seen = [start]
    for _ in range(steps):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        seen.append(_focus())
    return seen


def _where(window: MainWindow, widget: QWidget) -> str:
    day = window.day
    for name, area in (("toolbar", day.toolbar), ("schedule", day.schedule),
                       ("details", day.details)):
        if area.isAncestorOf(widget) or area is widget:
            return name
    return "elsewhere"


def test_tab_goes_from_the_toolbar_to_the_schedule_to_the_details(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    desk = DayDesk(qtbot, day_window, day_sandbox)
    desk.choose(desk.upcoming_booked()[0])
    day_window.activateWindow()
    seen = _tab_through(qtbot, day_window.day.toolbar.previous, 14)
    areas = [_where(day_window, widget) for widget in seen]
    # In reading order, each area once: no jumping back to the toolbar from the schedule.
    order = [area for i, area in enumerate(areas) if i == 0 or areas[i - 1] != area]
    assert order[:3] == ["toolbar", "schedule", "details"], areas
    assert any(isinstance(widget, QListView) for widget in seen)


def test_enter_on_an_entry_opens_its_actions(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    desk = DayDesk(qtbot, day_window, day_sandbox)
    desk.choose(desk.upcoming_booked()[0])
    day_window.activateWindow()
    view = _focus()
    assert isinstance(view, QListView)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert _focus() is day_window.day.details.complete_button


def test_alt_arrows_change_the_day_from_the_schedule_too(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    desk = DayDesk(qtbot, day_window, day_sandbox)
    today = day_window.day.day()
    desk.choose(desk.upcoming_booked()[0])
    day_window.activateWindow()
    view = _focus()
    assert isinstance(view, QListView)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert day_window.day.day() == today + timedelta(days=1)
    qtbot.keyClick(_focus(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(_focus(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert day_window.day.day() == today - timedelta(days=1)


def test_ctrl_1_and_ctrl_2_switch_views(qtbot: QtBot, day_window: MainWindow) -> None:
    day_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is day_window, timeout=WAIT_MS)
    qtbot.keyClick(day_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert day_window.views.currentWidget() is day_window.page
    qtbot.keyClick(day_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert day_window.views.currentWidget() is day_window.day


def test_alt_letters_act_on_the_selected_visit_and_undo_it(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    """The keys the README lists: Alt+N marks a no-show (held), Alt+U takes it back, Alt+T
    comes back to today from another day."""
    desk = DayDesk(qtbot, day_window, day_sandbox)
    entry = desk.upcoming_booked()[0]
    desk.choose(entry)
    day_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is day_window, timeout=WAIT_MS)
    qtbot.keyClick(_focus(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: desk.shown(entry.id).pending is not None, timeout=WAIT_MS)
    assert day_window.day.toast.isVisible()
    qtbot.keyClick(_focus(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: desk.shown(entry.id).pending is None, timeout=WAIT_MS)
    assert day_window.drafts.store.list_operations() == []

    today = day_window.day.day()
    qtbot.keyClick(_focus(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert day_window.day.day() != today
    qtbot.keyClick(_focus(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    # A mnemonic "animates" the button's click: it lands a moment later.
    qtbot.waitUntil(lambda: day_window.day.day() == today, timeout=WAIT_MS)
