"""Open times of what is selected: a month of appointment times, or an event's sessions.

"Today" is the business's day on the app's clock, so the first bookable day, the past months
and the event horizon follow the business, not the computer it runs on.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from desktop.api.client import BookingClient
from desktop.api.models import Business, Slot
from desktop.booking.bookable import bookable_availability
from desktop.booking.selection import BookingMode, BookingSelection
from desktop.clock import Clock, today_in
from desktop.ui.booking.catalogue import Catalogue
from desktop.ui.booking.event_picker import EventPicker
from desktop.ui.booking.slot_picker import SlotPicker
from desktop.ui.formatting import month_name
from desktop.ui.messages import plain_words
from desktop.ui.page_work import PageWork, cancel_check
from desktop.ui.tasks import CancelToken

#: Event sessions are listed this far ahead.
EVENT_HORIZON_DAYS = 60


def month_range(year: int, month: int, today: date) -> tuple[date, date] | None:
    """The part of a calendar month that can still be booked, or None if it is all past."""
    first = date(year, month, 1)
    last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    start = max(first, today)
    return (start, last) if start <= last else None


class TimesLoader(QObject):
    """Fills the slot picker (appointments) or the event picker (sessions) for the selection.
    ``sig_shown`` after new times are on screen (a reopened draft's time is found then)."""

    sig_shown = Signal()

    def __init__(self, client: BookingClient, business: Business, selection: BookingSelection,
                 catalogue: Catalogue, slot_picker: SlotPicker, event_picker: EventPicker,
                 work: PageWork, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._business = business
        self._selection = selection
        self._catalogue = catalogue
        self._slot_picker = slot_picker
        self._event_picker = event_picker
        self._work = work
        self._clock = clock
        #: (what was asked, today) when the calendar last moved on from a month with nothing
        #: left in it: it moves on by itself once, not again when the receptionist goes back.
        self._moved_on: tuple[object, date] | None = None
        slot_picker.set_first_day(self.business_today())

    def now(self) -> datetime:
        """The app's clock (a draft's time may have passed since it was saved)."""
        return self._clock.now()

    def business_today(self) -> date:
        return today_in(self._clock, ZoneInfo(self._business.time_zone or "UTC"))

    def load(self) -> None:
        """The open times of the chosen service, whatever the mode."""
        if self._selection.mode is BookingMode.APPOINTMENT:
            self.load_availability()
        else:
            self.load_event_instances()

    def load_availability(self) -> None:
        selection = self._selection
        service = selection.service
        if service is None or selection.mode is not BookingMode.APPOINTMENT:
            return
        today = self.business_today()
        self._slot_picker.set_first_day(today)
        span = month_range(*self._slot_picker.visible_month(), today)
        if span is None:
            self._slot_picker.clear_availability(self.tr("That month is past."))
            return
        staff = selection.staff
        time_zone = selection.time_zone
        wanted = (service.id, staff.id if staff else None, time_zone)
        business_id = self._business.id
        staff_ids = [staff.id] if staff else self._catalogue.staff_ids_for(service)
        client = self._client

        def work(token: CancelToken) -> dict[date, list[Slot]]:
            return client.get_availability(
                business_id=business_id, service_id=service.id, start_date=span[0],
                end_date=span[1], time_zone=time_zone, staff_ids=staff_ids,
                kind="appointment", cancel=cancel_check(token))

        def loaded(availability: dict[date, list[Slot]]) -> None:
            now = (selection.service.id if selection.service else None,
                   selection.staff.id if selection.staff else None, selection.time_zone)
            if now != wanted:
                return  # the receptionist has moved on
            self._slot_picker.set_staff_names(self._catalogue.staff_names(), show=staff is None)
            # The platform may list free starts without checking the duration fits.
            bookable = bookable_availability(availability, service.duration)
            if span[0] == today and not any(bookable.values()) \
                    and self._moved_on != (wanted, today):
                # Late on the month's last open day (31 Dec at 23:50, say): nothing is left
                # this month, so the calendar opens on the next one instead of an empty one.
                self._moved_on = (wanted, today)
                self._slot_picker.show_next_month(self.tr(
                    "Nothing is open for the rest of {month}.").format(
                    month=month_name(today)))
                return
            self._slot_picker.set_availability(bookable)
            self.sig_shown.emit()

        self._slot_picker.set_loading()
        self._work.run("availability", self.tr("Loading open times…"), work, loaded,
                       retry=self.load_availability,
                       on_error=lambda e: self._slot_picker.clear_availability(plain_words(e)))

    def load_event_instances(self) -> None:
        selection = self._selection
        service = selection.service
        if service is None or selection.mode is not BookingMode.EVENT:
            return
        today = self.business_today()
        time_zone = selection.time_zone
        business_id = self._business.id
        staff_ids = self._catalogue.staff_ids_for(service)
        client = self._client

        def work(token: CancelToken) -> list[Slot]:
            by_day = client.get_availability(
                business_id=business_id, service_id=service.id, start_date=today,
                end_date=today + timedelta(days=EVENT_HORIZON_DAYS), time_zone=time_zone,
                staff_ids=staff_ids, kind="event", cancel=cancel_check(token))
            return [slot for slots in by_day.values() for slot in slots]

        def loaded(slots: list[Slot]) -> None:
            if selection.service is None or selection.service.id != service.id:
                return
            self._event_picker.set_instances(slots, self._catalogue.staff_names())
            self.sig_shown.emit()

        self._event_picker.set_loading()
        self._work.run("availability", self.tr("Loading event sessions…"), work, loaded,
                       retry=self.load_event_instances,
                       on_error=lambda e: self._event_picker.show_status(plain_words(e)))
