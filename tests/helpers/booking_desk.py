"""The receptionist's steps on the Book page of a real window, each waiting for the API."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.api.models import Client, Slot
from desktop.ui.booking.page import BookingPage
from tests.helpers.windows import WAIT_MS


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

    def give_asked_details(self, told: Mapping[str, str]) -> dict[str, str]:
        """Type what the client tells (``told``: field kind → text, e.g. ``{"email": ...}``)
        into the required fields asked under the chosen client that are still blank: what
        the service's form needs and the client's record lacks (issue 13). The field ids
        typed into, with what was typed."""
        form = self.page.details_host.form
        if form is None:
            return {}
        blank = form.values()
        typed: dict[str, str] = {}
        for field in form.definition.fields():
            text = told.get(field.kind)
            if not field.required or text is None or blank.get(field.id):
                continue
            line = form.findChild(QLineEdit, f"field-{field.id}")
            assert line is not None, field.id
            line.setFocus()
            self.qtbot.keyClicks(line, text)
            typed[field.id] = text
        return typed

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

    def choose_booking(self, service_id: str, client_term: str) -> tuple[Slot, Client]:
        """:meth:`first_time` for ``service_id`` and :meth:`find_client` with ``client_term``;
        the slot (with its staff member) and the client now chosen."""
        self.first_time(service_id)
        slot = self.page.selection.slot
        self.find_client(client_term)
        client = self.page.selection.client
        assert slot is not None
        assert slot.staff_id is not None
        assert client is not None
        return slot, client
