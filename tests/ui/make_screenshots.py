"""Screenshots of the booking window for the README (docs/screenshots/window-*.png).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m tests.ui.make_screenshots
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.make_screenshots   # also works

Drives a real window on the sandbox the way a receptionist would, then grabs it.
"""

from __future__ import annotations

import os
import sys

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit

from desktop.sandbox.server import SandboxServer
from desktop.ui.application import create_application
from tests.helpers.screenshots import save, scratch_data_dir, wait
from tests.helpers.windows import window_on


def main() -> int:
    create_application(sys.argv[:1])
    with SandboxServer(port=0) as sandbox, \
            window_on(sandbox, scratch_data_dir(), size=(1240, 800)) as window:
        page = window.page
        idle = lambda: not page.busy.waiting  # noqa: E731 - a tiny local condition

        # Appointment: a service, a day with open times, a time, a client found by search.
        window.show_booking()  # the window opens on the Day view
        wait(lambda: page.service_picker.count() > 0)
        page.service_picker.select_service_id("sv-physio")
        wait(lambda: idle() and bool(page.slot_picker.open_days()))
        days = page.slot_picker.open_days()
        page.slot_picker.select_date(days[min(1, len(days) - 1)])
        wait(lambda: page.slot_picker.slot_list.count() > 0)
        page.slot_picker.slot_list.setCurrentRow(min(3, page.slot_picker.slot_list.count() - 1))
        page.client_picker.search.setText("gar")
        page.client_picker.search.returnPressed.emit()
        wait(lambda: idle() and page.client_picker.results.count() > 0)
        page.client_picker.results.setCurrentRow(0)
        details = page.details_host  # what the client confirms: the policy, physio's question
        wait(lambda: details.ready or bool(details.problem))
        if details.form is not None:
            known = {f.id for f in details.form.definition.fields()}
            details.form.set_values({k: v for k, v in (("p_cancel", True),
                                                       ("q_concern_area", "Back")) if k in known})
        save(window, "window-appointment.png")

        # Booked: the confirmation panel.
        page.book()
        wait(lambda: page.confirmation.isVisible() and idle())
        save(window, "window-booked.png")
        page.confirmation.hide()

        # Event registration for a new client through the generated form.
        page.event_mode.setChecked(True)
        page.service_picker.select_service_id("sv-yoga")
        wait(lambda: idle() and page.event_picker.table.rowCount() > 0)
        # The third session with free spots (which sessions are full depends on the day).
        table = page.event_picker.table
        open_rows = [row for row in range(table.rowCount())
                     if (item := table.item(row, 0)) is not None
                     and not item.data(Qt.ItemDataRole.UserRole).is_full]
        table.selectRow(open_rows[min(2, len(open_rows) - 1)])
        page.new_client()
        wait(lambda: idle() and page.form is not None)
        for field_id, text in (("q_email", "lena.park@example.org"), ("q_first", "Lena"),
                               ("q_last", "Park"), ("q_phone", "+1 617 555 0142")):
            line = window.findChild(QLineEdit, f"field-{field_id}")
            if line is not None:
                line.setText(text)
        policy = window.findChild(QCheckBox, "field-p_cancel")
        if policy is not None:
            policy.setChecked(True)
        save(window, "window-event.png")

        # Offline: the booking becomes a draft; the drafts panel shows it.
        sandbox.faults.update(refuse_connections=True)
        page.book()
        wait(lambda: "Saved" in page.banner.message() and idle())
        window.drafts_dock.show()
        window.drafts.panel.refresh()
        wait(lambda: idle(), 3)
        save(window, "window-offline-draft.png")
        sandbox.faults.update(refuse_connections=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
