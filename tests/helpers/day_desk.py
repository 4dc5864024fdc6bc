"""The receptionist's steps on the Day view of a real window, on a sandbox and its clock."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.day.summary import DeskState
from desktop.sandbox.server import SandboxServer
from desktop.ui.day.dialogs import CancelDialog
from desktop.ui.day.entries import DayEntry
from desktop.ui.main_window import MainWindow
from tests.helpers.windows import WAIT_MS


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
