"""The booking page: what (service, staff), when (day and time, or event session), who (client),
and the Book action. The page lays the pickers out and wires the parts that do the work:

* :class:`~desktop.ui.booking.catalogue.Catalogue` — services and staff;
* :class:`~desktop.ui.booking.times.TimesLoader` — open times and event sessions;
* :class:`~desktop.ui.booking.form_host.NewClientFormHost` — the generated new-client form;
* :class:`~desktop.ui.booking.restore.BookingRestorer` — a draft put back on screen;
* :class:`~desktop.ui.booking.sender.BookingSender` — booking it;
* :class:`~desktop.ui.booking.picks.PickReactions` — what each pick changes.

Every API call runs on the task runner through :class:`~desktop.ui.page_work.PageWork`.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.api.client import BookingClient
from desktop.api.errors import ApiError
from desktop.api.models import (
    Appointment,
    BookingRequest,
    Business,
)
from desktop.booking.saved_booking import DraftSaveRequest, SavedBooking, SaveReason
from desktop.booking.selection import BookingMode, BookingSelection
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.ui.booking.catalogue import Catalogue
from desktop.ui.booking.definitions import FormDefinitions
from desktop.ui.booking.details_host import ClientDetailsHost
from desktop.ui.booking.form_host import NewClientFormHost
from desktop.ui.booking.layout import BookingLayout
from desktop.ui.booking.message_banner import Tone
from desktop.ui.booking.on_screen import OnScreen
from desktop.ui.booking.picks import PickReactions
from desktop.ui.booking.restore import BookingRestorer
from desktop.ui.booking.sender import BookingSender
from desktop.ui.booking.times import TimesLoader
from desktop.ui.form import GeneratedForm
from desktop.ui.form.date_edit import clock_today
from desktop.ui.page_work import PageWork
from desktop.ui.tasks import TaskRunner


class BookingPage(BookingLayout):
    """The window supplies the client and reacts to the signals: auth failures (re-sign-in,
    then ``retry``), drafts, online state."""

    sig_booked = Signal(object)  # Booking
    sig_save_draft = Signal(object)  # DraftSaveRequest
    sig_form_changed = Signal()
    sig_catalogue_loaded = Signal()
    #: Put the chosen client on a full session's waitlist: (JoinWaitlist, BookingLabel).
    sig_join_waitlist = Signal(object, object)

    def __init__(self, client: BookingClient, business: Business, runner: TaskRunner,
                 parent: QWidget | None = None, *, clock: Clock = SYSTEM_CLOCK,
                 catalogue: Catalogue | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.business = business
        self.runner = runner
        self.selection = BookingSelection(time_zone=business.time_zone or "UTC")
        self.work = PageWork(runner, self.busy, self.banner, "booking", self)
        self.sig_auth_failed = self.work.sig_auth_failed
        self.sig_online_changed = self.work.sig_online_changed
        # The window's catalogue (shared with the Day view), or the page's own.
        self.catalogue = catalogue if catalogue is not None else \
            Catalogue(client, business, self.work, self)
        self.times = TimesLoader(client, business, self.selection, self.catalogue,
                                 self.slot_picker, self.event_picker, self.work, clock, self)
        self.definitions = FormDefinitions(client, business, self.work, self)
        today = clock_today(clock, ZoneInfo(business.time_zone or "UTC"))
        self.form_host = NewClientFormHost(self.definitions, self.client_picker, self,
                                           today=today)
        self.details_host = ClientDetailsHost(self.definitions, self.client_picker, self,
                                              today=today)
        self.on_screen = OnScreen(self)
        self.restorer = BookingRestorer(self)
        self.booker = BookingSender(self)
        self.picks = PickReactions(self)
        self.slot_picker.set_time_zone(self.selection.time_zone)
        self.event_picker.set_time_zone(self.selection.time_zone)
        self._connect()
        self.update_summary()
        if self.catalogue.loaded:  # the window builds this page when first shown
            self.picks.catalogue_loaded()

    def _connect(self) -> None:
        self.picks.connect()
        self.client_picker.sig_new_client_requested.connect(
            lambda: self.form_host.show_for(self.selection.service))
        self.client_picker.sig_existing_client_requested.connect(self.update_summary)
        self.form_host.sig_changed.connect(self.sig_form_changed)
        self.form_host.sig_changed.connect(self.update_summary)
        self.details_host.sig_changed.connect(self.sig_form_changed)
        self.details_host.sig_changed.connect(self.update_summary)
        self.book_button.clicked.connect(self.book)
        self.waitlist_button.clicked.connect(self.join_waitlist)
        self.save_draft_button.clicked.connect(self.save_draft)
        self.busy.sig_cancel.connect(self.cancel_running)

    # ================================================================== public interface

    @property
    def form(self) -> GeneratedForm | None:
        """The new-client form on screen, if one is."""
        return self.form_host.form

    def load_catalogue(self) -> None:
        self.catalogue.load()

    def staff_names(self) -> dict[str, str]:
        return self.catalogue.staff_names()

    def book(self) -> None:
        self.booker.book()

    def cancel_running(self) -> None:
        """Esc / Cancel: stop waiting for this page's work. A booking already sent goes to
        the drafts outbox, which looks it up before ever sending it again."""
        self.work.cancel()
        self.booker.stop_waiting()
        self.update_summary()

    def save_draft(self) -> None:
        """Ctrl+S: keep whatever is on screen as a draft, complete or not."""
        try:
            request: BookingRequest | None = self.current_request()
        except (ValueError, ApiError):
            request = None
        except Exception:  # a half-filled form may not build yet: the raw values still save
            request = None
        self.sig_save_draft.emit(DraftSaveRequest(request, self.saved_booking(),
                                                  SaveReason.MANUAL))

    def show_saved_as_draft(self, message: str) -> None:
        self.banner.show_message(message, Tone.SUCCESS)

    def set_mode(self, mode: BookingMode) -> None:
        (self.event_mode if mode is BookingMode.EVENT else self.appointment_mode).setChecked(True)

    def set_time_zone(self, name: str) -> None:
        self.selection.time_zone = name
        self.slot_picker.set_time_zone(name)
        self.event_picker.set_time_zone(name)

    def restore_values(self, values: dict[str, object] | SavedBooking) -> None:
        """Put a saved booking back on screen (see :mod:`desktop.ui.booking.restore`)."""
        self.banner.clear()
        self.confirmation.hide()
        saved = values if isinstance(values, SavedBooking) else SavedBooking.from_json(values)
        self.restorer.restore(saved)

    def book_again(self, appointment: Appointment) -> None:
        """The same client and service (and staff) as ``appointment``, a new time to pick."""
        self.banner.clear()
        self.confirmation.hide()
        self.restorer.book_again(appointment)

    def join_waitlist(self) -> None:
        """The chosen session is full: the chosen client waits for a spot."""
        self.booker.join_waitlist()

    def reset_for_next_client(self) -> None:
        """After a booking: same service and staff (the next client often wants the same),
        fresh times, no client."""
        self.client_picker.reset()
        self.form_host.reset()
        self.selection.client = None
        self.selection.form_data = None
        self.selection.slot = None
        self.times.load()
        self.update_summary()

    # ================================================================== what is on screen

    def current_request(self) -> BookingRequest:
        """The request for what is on screen (see :class:`OnScreen`)."""
        return self.on_screen.request()

    def saved_booking(self) -> SavedBooking:
        """Everything needed to put this booking back on screen (a draft's values)."""
        return self.on_screen.saved_booking()

    def collect_values(self) -> dict[str, object]:
        return self.saved_booking().to_json()

    def update_summary(self) -> None:
        if self.client_picker.is_new_client:
            self.selection.client = None
        needs = self.on_screen.missing_words()
        line = self.on_screen.summary_line(needs)
        if line is not None:
            self.summary.setText(line)
        self.book_button.setEnabled(not needs and self.booker.in_flight is None)
        shown, enabled = self.on_screen.waitlist_state()
        self.waitlist_button.setVisible(shown)
        self.waitlist_button.setEnabled(enabled)

    # ================================================================== keyboard

    def focus_client_search(self) -> None:
        self.client_picker.show_existing_client()
        self.client_picker.search.setFocus()
        self.client_picker.search.selectAll()

    def new_client(self) -> None:
        self.client_picker.show_new_client()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if not isinstance(focused, QPlainTextEdit) and self.book_button.isEnabled():
                self.book()
                return
        if event.key() == Qt.Key.Key_Escape and self.work.waiting:
            self.cancel_running()
            return
        super().keyPressEvent(event)
