"""Screenshots of the booking window for the README (docs/screenshots/window-*.png).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m tests.ui.make_screenshots
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.make_screenshots   # also works

Drives a real window on the sandbox the way a receptionist would, then grabs it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit

from desktop.api.client import BookingClient
from desktop.sandbox.server import SandboxServer
from desktop.ui.application import create_application
from desktop.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def wait(app: QApplication, condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def save(app: QApplication, window: MainWindow, name: str) -> None:
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> int:
    app = create_application(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with SandboxServer(port=0) as sandbox, \
            BookingClient(sandbox.url, sandbox.staff_token()) as client:
        business = client.get_business(sandbox.business_id)
        window = MainWindow(client, business, demo=True,
                            data_dir=Path(tempfile.mkdtemp(prefix="frontdesk-shots-")))
        window.resize(1240, 800)
        window.show()
        window.start()
        page = window.page
        idle = lambda: not page.busy.waiting  # noqa: E731 - a tiny local condition

        # Appointment: a service, a day with open times, a time, a client found by search.
        wait(app, lambda: page.service_picker.count() > 0)
        page.service_picker.select_service_id("sv-physio")
        wait(app, lambda: idle() and bool(page.slot_picker.open_days()))
        days = page.slot_picker.open_days()
        page.slot_picker.select_date(days[min(1, len(days) - 1)])
        wait(app, lambda: page.slot_picker.slot_list.count() > 0)
        page.slot_picker.slot_list.setCurrentRow(min(3, page.slot_picker.slot_list.count() - 1))
        page.client_picker.search.setText("gar")
        page.client_picker.search.returnPressed.emit()
        wait(app, lambda: idle() and page.client_picker.results.count() > 0)
        page.client_picker.results.setCurrentRow(0)
        save(app, window, "window-appointment.png")

        # Booked: the confirmation panel.
        page.book()
        wait(app, lambda: page.confirmation.isVisible() and idle())
        save(app, window, "window-booked.png")
        page.confirmation.hide()

        # Event registration for a new client through the generated form.
        page.event_mode.setChecked(True)
        page.service_picker.select_service_id("sv-yoga")
        wait(app, lambda: idle() and page.event_picker.table.rowCount() > 0)
        page.event_picker.table.selectRow(2)
        page.new_client()
        wait(app, lambda: idle() and page.form is not None)
        for field_id, text in (("q_email", "lena.park@example.org"), ("q_first", "Lena"),
                               ("q_last", "Park"), ("q_phone", "+1 617 555 0142")):
            line = window.findChild(QLineEdit, f"field-{field_id}")
            if line is not None:
                line.setText(text)
        policy = window.findChild(QCheckBox, "field-p_cancel")
        if policy is not None:
            policy.setChecked(True)
        save(app, window, "window-event.png")

        # Offline: the booking becomes a draft; the drafts panel shows it.
        sandbox.faults.update(refuse_connections=True)
        page.book()
        wait(app, lambda: "Saved" in page.banner.message() and idle())
        window.drafts_dock.show()
        window.drafts.panel.refresh()
        wait(app, lambda: idle(), 3)
        save(app, window, "window-offline-draft.png")
        sandbox.faults.update(refuse_connections=False)
        window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
