"""Screenshots of the Day view for the README (docs/screenshots/day-*.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.make_day_screenshots

A real window on the sandbox, both on one clock (Wednesday 10 March 2027, 10:40 in the
clinic), driven as a receptionist would: arrivals and a no-show marked, a cancellation
waiting out its Undo seconds, an entry chosen; then the narrow one-list layout and the
reschedule dialog.
"""

from __future__ import annotations

import os
import sys

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QWidget

from desktop.clock import StartedClock, parse_moment
from desktop.day.summary import DeskState
from desktop.sandbox.server import SandboxServer
from desktop.ui.application import create_application
from desktop.ui.day.entries import DayEntry
from tests.helpers.screenshots import save, scratch_data_dir, wait
from tests.helpers.windows import window_on

MORNING = parse_moment("2027-03-10T10:40-05:00")


def main() -> int:
    create_application(sys.argv[:1])
    with SandboxServer(port=0, clock=StartedClock(MORNING)) as sandbox, \
            window_on(sandbox, scratch_data_dir(), size=(1280, 800)) as window:
        day = window.day
        wait(lambda: bool(day.entries()) and not day.work.waiting)
        now = sandbox.clock.now()

        def earlier() -> list[DayEntry]:
            return [e for e in day.entries() if e.state is DeskState.SCHEDULED
                    and e.start is not None and e.start < now and not e.appointment.is_event]

        def act(entry: DayEntry, button: str) -> None:
            day.schedule.select(entry.id)
            wait(lambda: day.details.heading.text() == entry.client_text())
            getattr(day.details, button).click()
            wait(lambda: day.schedule.entry(entry.id) is not None
                 and day.schedule.entry(entry.id).pending is not None)  # type: ignore[union-attr]
            day.toast.settle()

        for entry in earlier()[:3]:
            act(entry, "complete_button")
        act(earlier()[0], "no_show_button")
        wait(lambda: not day.pending, 20)
        later = [e for e in day.entries() if e.state is DeskState.SCHEDULED
                 and e.start is not None and e.start > now]
        window.day_actions.cancel_dialog = _answered_cancel
        day.schedule.select(later[2].id)
        wait(lambda: day.details.heading.text() == later[2].client_text())
        day.details.cancel_button.click()
        wait(lambda: day.toast.isVisible())
        day.schedule.select(later[0].id)
        wait(lambda: day.details.heading.text() == later[0].client_text())
        wait(lambda: day.details.upcoming.count() > 0)
        save(window, "day-busy.png")

        window.resize(560, 800)
        wait(lambda: day.schedule.narrow)
        save(window, "day-narrow.png")
        window.resize(1280, 800)
        day.toast.settle()
        window.close()
    return 0


def _answered_cancel(entry: DayEntry, parent: QWidget) -> object:
    from PySide6.QtWidgets import QDialog

    from desktop.ui.day.dialogs import CancelDialog

    dialog = CancelDialog(entry, parent)
    dialog.message_box.setPlainText("Your therapist is ill today; we will call you.")
    dialog.exec = lambda: QDialog.DialogCode.Accepted  # type: ignore[method-assign]
    return dialog


if __name__ == "__main__":
    sys.exit(main())
