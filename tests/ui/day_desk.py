"""A real main window on its own sandbox, both on one chosen clock (a Wednesday morning in the
clinic), and the receptionist's steps on the Day view."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.clock import StartedClock, parse_moment
from desktop.day.summary import DeskState
from desktop.sandbox.server import SandboxServer
from desktop.ui.day.dialogs import CancelDialog
from desktop.ui.day.entries import DayEntry
from desktop.ui.main_window import MainWindow
from tests.helpers.windows import window_on

WAIT_MS = 10_000
#: Wednesday 10 March 2027, 09:05 in New York: three staff work, the day has begun.
MORNING = parse_moment("2027-03-10T09:05-05:00")


@pytest.fixture
def day_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(port=0, clock=StartedClock(MORNING)) as server:
        yield server


@pytest.fixture
def day_window(qtbot: QtBot, day_sandbox: SandboxServer, tmp_path: Path) -> Iterator[MainWindow]:
    with window_on(day_sandbox, tmp_path / "data", qtbot, size=(1280, 800)) as window:
        qtbot.waitUntil(lambda: bool(window.day.entries()), timeout=WAIT_MS)
        yield window


class DayDesk:
    def __init__(self, qtbot: QtBot, window: MainWindow, sandbox: SandboxServer) -> None:
        self.qtbot = qtbot
        self.window = window
        self.sandbox = sandbox
        self.day = window.day

    def entry_where(self, **match: Any) -> DayEntry:
        for entry in self.day.entries():
            if all(getattr(entry.appointment, k) == v for k, v in match.items()):
                return entry
        raise AssertionError(f"no entry with {match}")

    def upcoming_booked(self) -> list[DayEntry]:
        now = self.sandbox.clock.now()
        return [e for e in self.day.entries() if e.state is DeskState.SCHEDULED
                and e.start is not None and e.start > now and not e.appointment.is_event]

    def choose(self, entry: DayEntry) -> None:
        assert self.day.schedule.select(entry.id), entry.id
        self.qtbot.waitUntil(lambda: self.day.details.heading.text() == entry.client_text(),
                             timeout=WAIT_MS)

    def shown(self, entry_id: str) -> DayEntry:
        found = self.day.schedule.entry(entry_id)
        assert found is not None
        return found

    def let_it_go(self) -> None:
        """The Undo window ends (as if its seconds had passed)."""
        self.day.toast.settle()

    def sandbox_state(self, booking_id: str) -> dict[str, Any]:
        found = self.sandbox.state.appointment(booking_id)
        assert found is not None
        return found

    def wait_sandbox(self, booking_id: str, **expected: Any) -> None:
        self.qtbot.waitUntil(lambda: all(self.sandbox_state(booking_id).get(k) == v
                                         for k, v in expected.items()), timeout=WAIT_MS)

    def answer_cancel(self, message: str | None) -> None:
        """The next cancel question is answered "Cancel the appointment" with ``message``."""
        def make(entry: DayEntry, parent: Any) -> CancelDialog:
            dialog = CancelDialog(entry, parent)
            if message:
                dialog.message_box.setPlainText(message)
            dialog.exec = lambda: QDialog.DialogCode.Accepted  # type: ignore[method-assign]
            return dialog

        self.window.day_actions.cancel_dialog = make


def at(sandbox: SandboxServer, text: str) -> datetime:
    return parse_moment(text)
