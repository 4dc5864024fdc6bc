"""A real main window on the real sandbox, and small steps that read like the receptionist's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from desktop.api.client import BookingClient
from desktop.sandbox.server import SandboxServer
from desktop.ui.booking.page import BookingPage
from desktop.ui.main_window import MainWindow
from tests.helpers.windows import open_window, ready_to_book
from tests.ui.day_desk import day_sandbox, day_window  # noqa: F401 - fixtures for the Day view

WAIT_MS = 8000


@pytest.fixture
def booking_client(sandbox: SandboxServer) -> Iterator[BookingClient]:
    with BookingClient(sandbox.url, sandbox.staff_token()) as client:
        yield client


@pytest.fixture
def window(qtbot: QtBot, sandbox: SandboxServer, booking_client: BookingClient,
           tmp_path: Path) -> Iterator[MainWindow]:
    main = open_window(qtbot, booking_client, sandbox.business_id, tmp_path / "data")
    # The window opens on the Day view: let it finish loading, then go to Book.
    qtbot.waitUntil(lambda: not main.day.work.waiting, timeout=WAIT_MS)
    ready_to_book(qtbot, main)  # these tests book
    yield main
    main.shutdown()


class Desk:
    """The receptionist's steps on a booking page, each waiting for the API's answer."""

    def __init__(self, qtbot: QtBot, page: BookingPage) -> None:
        self.qtbot = qtbot
        self.page = page

    def choose_service(self, service_id: str) -> None:
        assert self.page.service_picker.select_service_id(service_id), service_id

    def first_open_day(self) -> None:
        picker = self.page.slot_picker
        self.wait_idle()  # the times of a previous choice may still be on screen
        self.qtbot.waitUntil(lambda: bool(picker.open_days()) or "No open" in
                             picker.status.text(), timeout=WAIT_MS)
        if not picker.open_days():
            picker.calendar.showNextMonth()
            self.qtbot.waitUntil(lambda: bool(picker.open_days()), timeout=WAIT_MS)
        picker.select_date(picker.open_days()[0])
        self.qtbot.waitUntil(lambda: picker.slot_list.count() > 0, timeout=WAIT_MS)

    def first_time(self, service_id: str, row: int = 0) -> None:
        """Choose the service, go to its first day with open times, pick a time."""
        self.choose_service(service_id)
        self.first_open_day()
        self.pick_slot(row)

    def pick_slot(self, row: int = 0) -> None:
        self.page.slot_picker.slot_list.setCurrentRow(row)
        assert self.page.selection.slot is not None

    def find_client(self, term: str, row: int = 0, *, accept_policies: bool = True,
                    answers: dict[str, object] | None = None) -> None:
        """Search, pick the client, and (as a receptionist confirming with the client) tick
        the policies the service's form requires for this booking."""
        picker = self.page.client_picker
        picker.search.setText(term)
        picker._search_now()
        self.qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=WAIT_MS)
        picker.results.setCurrentRow(row)
        assert self.page.selection.client is not None
        if self.page.selection.service is not None:
            details = self.page.details_host
            self.qtbot.waitUntil(lambda: details.ready or bool(details.problem),
                                 timeout=WAIT_MS)
            if accept_policies and details.form is not None:
                for box in details.form.findChildren(QCheckBox):
                    if box.objectName().startswith("field-p"):
                        box.setChecked(True)
            if details.form is not None:
                # The sample form's one service question that is required (physiotherapy).
                wanted = {"q_concern_area": "Back", **(answers or {})}
                known = {f.id for f in details.form.definition.fields()}
                details.form.set_values({k: v for k, v in wanted.items() if k in known})

    def open_new_client_form(self) -> None:
        self.page.new_client()
        self.qtbot.waitUntil(lambda: self.page.form is not None, timeout=WAIT_MS)

    def book_and_wait(self) -> object:
        with self.qtbot.waitSignal(self.page.sig_booked, timeout=WAIT_MS,
                                   raising=False) as blocker:
            self.page.book()
        assert blocker.signal_triggered, (
            f"not booked; the page says: {self.page.banner.message()!r} / "
            f"{self.page.summary.text()!r}")
        return blocker.args[0]

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.page.busy.waiting, timeout=WAIT_MS)


@pytest.fixture
def desk(qtbot: QtBot, window: MainWindow) -> Desk:
    return Desk(qtbot, window.page)
