"""Putting a saved booking (a reopened draft, or the form in progress after a crash) back on
the booking page.

The pickers fill in as their data arrives, so each part goes back when it can: the mode,
service, staff and day at once; the time when the open times are on screen; the new-client
form's values once that form is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject

from desktop.api.models import Appointment, Client
from desktop.booking.saved_booking import SavedBooking
from desktop.booking.selection import BookingMode
from desktop.forms import MEETING_DETAILS_ID
from desktop.ui.booking.message_banner import Tone
from desktop.ui.formatting import to_qdate, when_text

if TYPE_CHECKING:
    from desktop.ui.booking.page import BookingPage


@dataclass
class _Pending:
    """A booking on its way back to the screen, and which parts still wait for their data."""

    saved: SavedBooking
    slot_pending: bool
    form_pending: bool

    @property
    def done(self) -> bool:
        return not self.slot_pending and not self.form_pending


class BookingRestorer(QObject):
    def __init__(self, page: BookingPage) -> None:
        super().__init__(page)
        self._page = page
        self._pending: _Pending | None = None
        page.times.sig_shown.connect(self._times_shown)
        page.form_host.sig_form_shown.connect(self._form_shown)
        page.details_host.sig_form_shown.connect(self._form_shown)

    @property
    def restoring(self) -> bool:
        return self._pending is not None

    def restore(self, saved: SavedBooking) -> None:
        page = self._page
        passed = saved.slot is not None and saved.slot.start_time <= page.times.now()
        self._pending = _Pending(saved, slot_pending=saved.slot is not None and not passed,
                                 form_pending=bool(saved.form_values or saved.meeting_details))
        if saved.time_zone and saved.time_zone != page.selection.time_zone:
            page.set_time_zone(saved.time_zone)
        event = saved.mode is BookingMode.EVENT
        if event != (page.selection.mode is BookingMode.EVENT):
            page.set_mode(BookingMode.EVENT if event else BookingMode.APPOINTMENT)
        else:
            self.services_listed()
        if saved.client is not None:
            page.client_picker.select_client(saved.client)
        elif saved.new_client:
            page.client_picker.show_new_client()
        if passed:
            self._say_time_passed()
        self._finish_if_done()

    def services_listed(self) -> None:
        """The service list is on screen (at once, or after the catalogue or a mode change)."""
        pending = self._pending
        if pending is None or pending.saved.service_id is None:
            return
        page, saved = self._page, pending.saved
        if not page.service_picker.select_service_id(saved.service_id or ""):
            return
        if saved.staff_id:
            page.staff_picker.select_staff_id(saved.staff_id)
        if pending.slot_pending and saved.slot is not None \
                and page.selection.mode is BookingMode.APPOINTMENT:
            start = saved.slot.start_time.astimezone(ZoneInfo(page.selection.time_zone))
            page.slot_picker.calendar.setCurrentPage(start.year, start.month)
            page.slot_picker.calendar.setSelectedDate(to_qdate(start.date()))
        # The same service may already be on screen (no change signal): load its times anyway,
        # so the saved one can be found again.
        page.times.load()

    def _times_shown(self) -> None:
        pending = self._pending
        if pending is None or not pending.slot_pending or pending.saved.slot is None:
            return
        page, slot = self._page, pending.saved.slot
        if page.selection.mode is BookingMode.EVENT:
            found = page.event_picker.select_instance_id(slot.event_instance_id or "")
        else:
            zone = ZoneInfo(page.selection.time_zone)
            page.slot_picker.select_date(slot.start_time.astimezone(zone).date())
            found = page.slot_picker.select_slot_start(slot.start_time.isoformat())
        pending.slot_pending = False
        if not found and slot.start_time <= page.times.now():
            self._say_time_passed()
        elif not found:
            page.banner.show_message(self.tr(
                "The time saved in this draft is no longer open. Please pick another; "
                "everything else was restored."), Tone.WARNING)
        self._finish_if_done()

    def _say_time_passed(self) -> None:
        """The draft's time is over (the calendar stays on today: its day may be disabled
        now, its month past)."""
        pending = self._pending
        if pending is None or pending.saved.slot is None:
            return
        page = self._page
        when = when_text(pending.saved.slot.start_time, page.selection.time_zone)
        page.banner.show_message(self.tr(
            "The time saved in this draft, {when}, has passed. Please pick another; everything "
            "else was restored.").format(when=when), Tone.WARNING)

    def _form_shown(self) -> None:
        pending = self._pending
        if pending is None or not pending.form_pending:
            return
        restored = dict(pending.saved.form_values)  # the editors read ISO dates themselves
        if pending.saved.meeting_details is not None:
            restored[MEETING_DETAILS_ID] = pending.saved.meeting_details
        page = self._page
        host = page.form_host if page.client_picker.is_new_client else page.details_host
        host.set_values(restored)
        pending.form_pending = False
        self._finish_if_done()

    def _finish_if_done(self) -> None:
        if self._pending is not None and self._pending.done:
            self._pending = None

    def book_again(self, appointment: Appointment) -> None:
        """Book page with ``appointment``'s client and service (and staff), a new time to
        pick: a booking put back on screen without its time."""
        page = self._page
        client = Client(id=appointment.client_id or "",
                        first_name=appointment.client_first_name or "",
                        last_name=appointment.client_last_name or "")
        self.restore(SavedBooking(
            mode=BookingMode.EVENT if appointment.is_event else BookingMode.APPOINTMENT,
            service_id=appointment.service_id,
            staff_id=None if appointment.is_event else appointment.staff_id,
            time_zone=page.selection.time_zone,
            client=client if appointment.client_id else None))
        page.banner.show_message(QCoreApplication.translate(
            "BookingPage", "Booking again for {name}: pick the new time.").format(
            name=client.full_name), Tone.INFO)
