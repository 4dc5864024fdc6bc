"""The self-test's booking: the main window on the sandbox, driven through its own pickers."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.api.models import Booking
    from desktop.sandbox.server import SandboxServer
    from desktop.ui.main_window import MainWindow

from desktop.self_test.report import CheckFailed, Report


def wait_until(app: QApplication, report: Report, predicate: Callable[[], bool],
               what: str, timeout: float = 10.0) -> float:
    """Process events until ``predicate()``; CheckFailed after ``timeout`` (or the overall
    deadline, whichever is sooner). Returns the seconds waited."""
    start = time.monotonic()
    limit = min(start + timeout, report.deadline)
    while not predicate():
        if time.monotonic() > limit:
            raise CheckFailed(f"timed out after {time.monotonic() - start:.1f} s waiting "
                              f"for {what}")
        app.processEvents()
        time.sleep(0.002)
    return time.monotonic() - start


def _banner_text(window: MainWindow) -> str:
    return window.page.banner.message()


class BookingDrive:
    """Drive the booking page as a receptionist would, step by step."""

    def __init__(self, app: QApplication, report: Report, window: MainWindow) -> None:
        self.app = app
        self.report = report
        self.window = window
        self.page = window.page
        self.booked: list[Booking] = []
        self.page.sig_booked.connect(self.booked.append)

    def idle(self, what: str) -> None:
        """Wait for the page's background work (catalogue, slots, search) to finish."""
        wait_until(self.app, self.report, lambda: not self.page.busy.waiting, what)

    def catalogue(self) -> str:
        self.window.start()
        # The window loads services and staff (and the day) on the Day view, which shows
        # first; the Book page lists them.
        day = self.window.day
        wait_until(self.app, self.report, lambda: not day.busy.waiting, "services and staff")
        count = self.page.service_picker.count()
        if count == 0:
            raise CheckFailed(f"no services listed. {day.banner.message()}".strip())
        return f"{count} appointment services, {len(self.page.staff_names())} staff"

    def slot(self) -> str:
        from datetime import date, timedelta

        page = self.page
        page.service_picker.setCurrentIndex(0)
        service = page.selection.service
        if service is None:
            raise CheckFailed("choosing the first service did not select it")
        picker = page.slot_picker
        for _month in range(3):  # this month and two more, in case this one is all booked
            self.idle("open times")
            year, month = picker.visible_month()
            day = max(date(year, month, 1), page.times.business_today())
            while day.month == month:
                picker.select_date(day)
                if picker.slot_list.count() > 0:
                    picker.slot_list.setCurrentRow(0)
                    slot = page.selection.slot
                    if slot is None:
                        raise CheckFailed("picking the first open time did not select it")
                    return (f"{service.name}, {day.isoformat()} "
                            f"{picker.slot_list.item(0).text().strip()}")
                day += timedelta(days=1)
            nxt = date(year, month, 28) + timedelta(days=4)
            picker.calendar.setCurrentPage(nxt.year, nxt.month)
        raise CheckFailed(f"no open times for {service.name} in three months. "
                          f"{picker.status.text()}".strip())

    def client(self) -> str:
        picker = self.page.client_picker
        picker.search.setText("an")
        picker.search.returnPressed.emit()  # what pressing Enter in the search box does
        self.idle("the client search")
        if picker.results.count() == 0:
            raise CheckFailed(f"no client found for 'an': {picker.search_status.text()}")
        picker.results.setCurrentRow(0)
        chosen = self.page.selection.client
        if chosen is None:
            raise CheckFailed("picking the first client did not select it")
        self.answer_required_details()
        return f"{chosen.full_name} (of {picker.results.count()} found)"

    def answer_required_details(self) -> None:
        """What the service's form requires and the client's record lacks (a policy to
        accept, a question): answered as the receptionist would, with the client."""
        self.idle("the service's booking form")
        form = self.page.details_host.form
        if form is None:
            return
        answers: dict[str, object] = {}
        for field in form.definition.fields():
            if not field.required:
                continue
            if field.kind in ("checkbox", "opt-in", "policy"):
                answers[field.id] = True
            elif field.options:
                answers[field.id] = field.options[0].value
            elif field.kind != "datepicker":
                answers[field.id] = "self-test"
        form.set_values(answers)
        self.page.update_summary()

    def book(self) -> Booking:
        # Choosing the client loads the service's booking form (its required fields go with
        # the client's id): Book is enabled once it is there.
        self.idle("the service's booking form")
        if not self.page.book_button.isEnabled():
            raise CheckFailed(f"Book is disabled: {self.page.summary.text()}")
        self.page.book()
        # book() starts its wait on the busy bar before returning, and ends it after the
        # answer (booked or failed) has been handled.
        wait_until(self.app, self.report, lambda: bool(self.booked) or not self.page.busy.waiting,
                   "the booking")
        if not self.booked:
            raise CheckFailed(f"the booking did not go through: {_banner_text(self.window)}")
        return self.booked[0]


def confirm_on_sandbox(sandbox: SandboxServer, before: list[dict[str, Any]],
                       booking: Booking) -> str:
    after = sandbox.state.bookings()
    known = {b["id"] for b in before}
    new = [b for b in after if b["id"] not in known]
    if len(new) != 1:
        raise CheckFailed(f"expected exactly one new booking on the sandbox, found {len(new)}")
    stored = new[0]
    if stored["id"] != booking.id:
        raise CheckFailed(f"the sandbox has booking {stored['id']}, the window {booking.id}")
    expected = {"service_id": booking.service_id, "client_id": booking.client_id}
    for key, value in expected.items():
        if value is not None and stored.get(key) != value:
            raise CheckFailed(f"{key} differs: sandbox {stored.get(key)}, window {value}")
    return f"booking {booking.id} ({stored.get('status', '?')}) is the only new one"


# ---------------------------------------------------------------------- the run


