"""The booking page: what (service, staff), when (day and time, or event session), who (client),
and the Book action. Every API call runs on the task runner; the GUI thread only draws.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.api.client import BookingClient
from desktop.api.errors import (
    AmbiguousResultError,
    ApiError,
    AuthError,
    OfflineError,
    RateLimitedError,
    ServerError,
    SlotTakenError,
    ValidationError,
)
from desktop.api.models import Booking, BookingRequest, Business, Client, Service, Slot, Staff
from desktop.booking.saved_booking import DraftSaveRequest, SavedBooking, SaveReason
from desktop.booking.selection import BookingMode, BookingSelection
from desktop.forms import (
    MEETING_DETAILS_ID,
    FormDefinition,
    FormDefinitionError,
    meeting_kind_for,
    parse_definition,
)
from desktop.ui.booking.busy_bar import BusyBar
from desktop.ui.booking.client_picker import ClientPicker
from desktop.ui.booking.confirmation import BookingSummary, ConfirmationPanel
from desktop.ui.booking.event_picker import EventPicker
from desktop.ui.booking.message_banner import MessageBanner, Tone
from desktop.ui.booking.service_picker import ServicePicker, StaffPicker, staff_for_service
from desktop.ui.booking.slot_picker import SlotPicker, local_time_text
from desktop.ui.form import FormErrorView, GeneratedForm
from desktop.ui.messages import plain_words
from desktop.ui.tasks import CancelToken, TaskRunner

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The page's own background work: what Esc stops.
PAGE_SCOPE = "page"
#: Event sessions are listed this far ahead.
EVENT_HORIZON_DAYS = 60


def month_range(year: int, month: int, today: date) -> tuple[date, date] | None:
    """The part of a calendar month that can still be booked, or None if it is all past."""
    first = date(year, month, 1)
    last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    start = max(first, today)
    return (start, last) if start <= last else None


@dataclass
class _PendingRestore:
    """A draft on its way back to the screen, and which parts still wait for their data."""

    saved: SavedBooking
    slot_pending: bool
    form_pending: bool

    @property
    def done(self) -> bool:
        return not self.slot_pending and not self.form_pending


def _cancel_check(token: CancelToken) -> Callable[[], bool]:
    """Lets Esc stop a read's retry wait, not only drop its answer."""
    return lambda: token.cancelled


class BookingPage(QWidget):
    """Owns the pickers and the booking flow. The window supplies the client and reacts to the
    signals: auth failures (re-sign-in, then ``retry``), drafts, online state."""

    sig_auth_failed = Signal(object)  # retry: Callable[[], None]
    sig_online_changed = Signal(bool)
    sig_booked = Signal(object)  # Booking
    sig_save_draft = Signal(object)  # DraftSaveRequest
    sig_form_changed = Signal()
    sig_catalogue_loaded = Signal()

    def __init__(self, client: BookingClient, business: Business, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.business = business
        self.runner = runner
        self.selection = BookingSelection(time_zone=business.time_zone or "UTC")
        self._services: list[Service] = []
        self._staff: list[Staff] = []
        self._forms: dict[str, FormDefinition | FormDefinitionError] = {}
        self._form: GeneratedForm | None = None
        self._carried_values: dict[str, Any] = {}
        self._pending_restore: _PendingRestore | None = None
        self._booking_in_flight: BookingRequest | None = None
        self._wait_counter = 0
        self._build()
        self._connect()

    # ================================================================== layout

    def _build(self) -> None:
        self.banner = MessageBanner(self)
        self.confirmation = ConfirmationPanel(self)

        self.appointment_mode = QRadioButton("&Appointment", self)
        self.appointment_mode.setObjectName("mode-appointment")
        self.event_mode = QRadioButton("&Event registration", self)
        self.event_mode.setObjectName("mode-event")
        self.appointment_mode.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.appointment_mode)
        self.mode_group.addButton(self.event_mode)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.appointment_mode)
        mode_row.addWidget(self.event_mode)
        mode_row.addStretch(1)

        self.service_picker = ServicePicker(self)
        self.staff_picker = StaffPicker(self)
        self.service_details = QLabel(self)
        self.service_details.setObjectName("service-details")
        self.service_details.setWordWrap(True)
        self.service_details.setStyleSheet("color: #555;")
        what_box = QGroupBox("1 · What", self)
        what_form = QFormLayout(what_box)
        service_label = QLabel("&Service", what_box)
        service_label.setBuddy(self.service_picker)
        self.staff_label = QLabel("S&taff", what_box)
        self.staff_label.setBuddy(self.staff_picker)
        what_form.addRow(service_label, self.service_picker)
        what_form.addRow(self.staff_label, self.staff_picker)
        what_form.addRow(self.service_details)

        self.slot_picker = SlotPicker(self)
        self.event_picker = EventPicker(self)
        self.when_stack = QStackedWidget(self)
        self.when_stack.addWidget(self.slot_picker)
        self.when_stack.addWidget(self.event_picker)
        when_box = QGroupBox("2 · When", self)
        when_layout = QVBoxLayout(when_box)
        when_layout.addWidget(self.when_stack)

        self.client_picker = ClientPicker(self)
        who_box = QGroupBox("3 · Who", self)
        who_layout = QVBoxLayout(who_box)
        who_layout.addWidget(self.client_picker)

        left = QVBoxLayout()
        left.addLayout(mode_row)
        left.addWidget(what_box)
        left.addWidget(when_box, 1)

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addWidget(who_box, 6)

        self.summary = QLabel(self)
        self.summary.setObjectName("booking-summary")
        self.summary.setWordWrap(True)
        self.save_draft_button = QPushButton("Save as &draft", self)
        self.save_draft_button.setObjectName("save-draft")
        self.save_draft_button.setToolTip(
            "Keep this booking on this computer to send later (Ctrl+S)")
        self.book_button = QPushButton("&Book", self)
        self.book_button.setObjectName("book")
        self.book_button.setDefault(True)
        self.book_button.setMinimumWidth(120)
        self.book_button.setStyleSheet(
            "QPushButton#book { background: #1f6feb; color: white; font-weight: 600;"
            " padding: 6px 18px; border-radius: 4px; }"
            " QPushButton#book:disabled { background: #9db8e6; }")
        self.busy = BusyBar(self)
        self.busy.sig_cancel.connect(self.cancel_running)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.save_draft_button)
        actions.addWidget(self.book_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.confirmation)
        layout.addLayout(columns, 1)
        layout.addWidget(self.busy)
        layout.addLayout(actions)

        self.slot_picker.set_time_zone(self.selection.time_zone)
        self.event_picker.set_time_zone(self.selection.time_zone)
        self.setTabOrder(self.appointment_mode, self.service_picker)
        self.setTabOrder(self.service_picker, self.staff_picker)
        self.setTabOrder(self.staff_picker, self.slot_picker.calendar)
        self._update_summary()

    def _connect(self) -> None:
        self.appointment_mode.toggled.connect(self._mode_toggled)
        self.service_picker.sig_service_changed.connect(self._service_changed)
        self.staff_picker.sig_staff_changed.connect(self._staff_changed)
        self.slot_picker.sig_month_changed.connect(lambda _y, _m: self.load_availability())
        self.slot_picker.sig_slot_chosen.connect(self._slot_chosen)
        self.slot_picker.sig_time_zone_changed.connect(self._time_zone_changed)
        self.event_picker.sig_instance_chosen.connect(self._slot_chosen)
        self.client_picker.sig_search_requested.connect(self._search_clients)
        self.client_picker.sig_client_chosen.connect(self._client_chosen)
        self.client_picker.sig_new_client_requested.connect(self._show_new_client_form)
        self.client_picker.sig_existing_client_requested.connect(self._update_summary)
        self.book_button.clicked.connect(self.book)
        self.save_draft_button.clicked.connect(self.save_draft)

    # ================================================================== running work

    def _run(self, key: str, text: str, work: Callable[[CancelToken], T],
             on_success: Callable[[T], None], *,
             on_error: Callable[[BaseException], None] | None = None,
             retry: Callable[[], None] | None = None) -> None:
        """Run ``work`` on the pool with a progress line; route failures to plain words,
        auth failures to the window (which re-signs-in and then calls ``retry``)."""
        self._wait_counter += 1
        wait_id = f"{key}#{self._wait_counter}"  # superseded tasks must not end a newer wait
        self.busy.begin(wait_id, text)

        def succeeded(result: T) -> None:
            self.sig_online_changed.emit(True)
            on_success(result)

        def failed(error: BaseException) -> None:
            if isinstance(error, OfflineError):
                self.sig_online_changed.emit(False)
            if isinstance(error, AuthError):
                self.banner.show_message(error.message, Tone.WARNING)
                self.sig_auth_failed.emit(retry or (lambda: None))
                return
            if on_error is not None:
                on_error(error)
            else:
                self.banner.show_message(plain_words(error), Tone.ERROR)

        self.runner.run(work, succeeded, failed, key=key, scope=PAGE_SCOPE,
                        on_finished=lambda: self.busy.end(wait_id))

    def cancel_running(self) -> None:
        """Esc / Cancel: stop waiting. A booking already sent is handed to the drafts outbox,
        which looks it up before ever sending it again."""
        in_flight = self._booking_in_flight
        self.runner.cancel_scope(PAGE_SCOPE)  # only the page's own waits, not the outbox's
        self.busy.clear()
        if in_flight is not None:
            self._booking_in_flight = None
            self.book_button.setEnabled(True)
            self.sig_save_draft.emit(self._draft(in_flight, SaveReason.CANCELLED))
            self.banner.show_message(
                "Stopped waiting for the booking. It was kept in Drafts; Frontdesk will check "
                "whether it reached the server before sending it again.", Tone.WARNING)

    # ================================================================== loading

    def load_catalogue(self) -> None:
        """Services and staff, once at start (and after a re-sign-in)."""
        business_id = self.business.id

        def work(token: CancelToken) -> tuple[list[Service], list[Staff]]:
            stop = _cancel_check(token)
            return (self.client.list_services(business_id, cancel=stop),
                    self.client.list_staff(business_id, cancel=stop))

        self._run("catalogue", "Loading services and staff…", work, self._catalogue_loaded,
                  retry=self.load_catalogue)

    def _catalogue_loaded(self, result: tuple[list[Service], list[Staff]]) -> None:
        self._services, self._staff = result
        self._fill_services()
        self.sig_catalogue_loaded.emit()

    def _fill_services(self) -> None:
        event = self.selection.mode is BookingMode.EVENT
        self.service_picker.set_services(
            [service for service in self._services if service.is_event == event])
        self._apply_restore_service()

    def staff_names(self) -> dict[str, str]:
        return {member.id: member.label for member in self._staff}

    def load_availability(self) -> None:
        service = self.selection.service
        if service is None or self.selection.mode is not BookingMode.APPOINTMENT:
            return
        today = date.today()
        span = month_range(*self.slot_picker.visible_month(), today)
        if span is None:
            self.slot_picker.clear_availability("That month is past.")
            return
        staff = self.selection.staff
        time_zone = self.selection.time_zone
        wanted = (service.id, staff.id if staff else None, time_zone, span)
        business_id = self.business.id
        staff_ids = [staff.id] if staff else [m.id for m in staff_for_service(service, self._staff)]

        def work(token: CancelToken) -> dict[date, list[Slot]]:
            return self.client.get_availability(
                business_id=business_id, service_id=service.id, start_date=span[0],
                end_date=span[1], time_zone=time_zone, staff_ids=staff_ids, kind="appointment",
                cancel=_cancel_check(token))

        def loaded(availability: dict[date, list[Slot]]) -> None:
            now = (self.selection.service.id if self.selection.service else None,
                   self.selection.staff.id if self.selection.staff else None,
                   self.selection.time_zone)
            if now != wanted[:3]:
                return  # the receptionist has moved on
            self.slot_picker.set_staff_names(self.staff_names(), show=staff is None)
            self.slot_picker.set_availability(availability)
            self._apply_restore_slot()

        self.slot_picker.set_loading()
        self._run("availability", "Loading open times…", work, loaded,
                  retry=self.load_availability,
                  on_error=lambda e: self.slot_picker.clear_availability(plain_words(e)))

    def load_times(self) -> None:
        """Open times of the chosen service: a calendar's worth, or the event's sessions."""
        if self.selection.mode is BookingMode.APPOINTMENT:
            self.load_availability()
        else:
            self.load_event_instances()

    def load_event_instances(self) -> None:
        service = self.selection.service
        if service is None or self.selection.mode is not BookingMode.EVENT:
            return
        today = date.today()
        time_zone = self.selection.time_zone
        business_id = self.business.id

        def work(token: CancelToken) -> list[Slot]:
            by_day = self.client.get_availability(
                business_id=business_id, service_id=service.id, start_date=today,
                end_date=today + timedelta(days=EVENT_HORIZON_DAYS), time_zone=time_zone,
                kind="event", cancel=_cancel_check(token))
            return [slot for slots in by_day.values() for slot in slots]

        def loaded(slots: list[Slot]) -> None:
            if self.selection.service is None or self.selection.service.id != service.id:
                return
            self.event_picker.set_instances(slots, self.staff_names())
            self._apply_restore_slot()

        self.event_picker.set_loading()
        self._run("availability", "Loading event sessions…", work, loaded,
                  retry=self.load_event_instances,
                  on_error=lambda e: self.event_picker.status.setText(plain_words(e)))

    # ================================================================== picking

    def _mode_toggled(self, appointment: bool) -> None:
        self.selection.mode = BookingMode.APPOINTMENT if appointment else BookingMode.EVENT
        self.selection.slot = None
        self.when_stack.setCurrentIndex(0 if appointment else 1)
        self.staff_picker.setVisible(appointment)
        self.staff_label.setVisible(appointment)
        self._fill_services()
        self._update_summary()

    def _service_changed(self, service: Service | None) -> None:
        self.selection.service = service
        self.selection.slot = None
        self.service_details.setText(self._describe_service(service))
        self.staff_picker.set_staff(staff_for_service(service, self._staff))
        if service is None:
            self.slot_picker.clear_availability("Choose a service to see open times.")
        else:
            self.load_times()
        if self.client_picker.is_new_client:
            self._show_new_client_form()
        self._update_summary()

    @staticmethod
    def _describe_service(service: Service | None) -> str:
        if service is None:
            return ""
        where = {
            "client_location": "At the client's address — you will be asked for it.",
            "phone_call": "By phone — you will be asked for the number to call.",
            "video": "By video call.",
        }.get(service.interaction_type or "", "")
        length = f"{service.duration} minutes. " if service.duration else ""
        return (length + where).strip()

    def _staff_changed(self, staff: Staff | None) -> None:
        self.selection.staff = staff
        self.selection.slot = None
        self.load_availability()
        self._update_summary()

    def _time_zone_changed(self, name: str) -> None:
        self.selection.time_zone = name
        self.selection.slot = None
        self.event_picker.set_time_zone(name)
        self.load_times()
        self._update_summary()

    def _slot_chosen(self, slot: Slot | None) -> None:
        self.selection.slot = slot
        self._update_summary()

    def _client_chosen(self, client: Client | None) -> None:
        self.selection.client = client
        self._update_summary()

    def _search_clients(self, term: str) -> None:
        business_id = self.business.id

        def work(token: CancelToken) -> list[Client]:
            return self.client.search_clients(business_id, term, per_page=25,
                                              cancel=_cancel_check(token)).clients

        self._run("client-search", "Searching clients…", work,
                  lambda clients: self.client_picker.set_results(clients, term),
                  retry=lambda: self._search_clients(term),
                  on_error=lambda e: self.client_picker.set_search_error(plain_words(e)))

    # ================================================================== new-client form

    def _show_new_client_form(self) -> None:
        self.selection.client = None
        if self._form is not None:
            # The widget is about to be replaced: keep what was typed for the next form.
            self._carried_values = self._form.values()
            self._form = None
        service = self.selection.service
        if service is None:
            self.client_picker.set_form_widget(self._note(
                "Choose a service first: the new-client form depends on it."))
            self._form = None
            return
        cached = self._forms.get(service.id)
        if cached is not None:
            self._present_form(service, cached)
            return
        business_id = self.business.id

        def work(token: CancelToken) -> FormDefinition | FormDefinitionError:
            raw = self.client.get_scheduling_form(business_id, service.id,
                                                  cancel=_cancel_check(token))
            try:
                return parse_definition(raw)
            except FormDefinitionError as problem:
                return problem

        def loaded(result: FormDefinition | FormDefinitionError) -> None:
            self._forms[service.id] = result
            if self.selection.service is not None and self.selection.service.id == service.id \
                    and self.client_picker.is_new_client:
                self._present_form(service, result)

        self.client_picker.set_form_widget(self._note("Loading the new-client form…"))
        self._run("form", "Loading the new-client form…", work, loaded,
                  retry=self._show_new_client_form,
                  on_error=lambda e: self.client_picker.set_form_widget(
                      self._note(plain_words(e))))

    def _present_form(self, service: Service,
                      definition: FormDefinition | FormDefinitionError) -> None:
        if isinstance(definition, FormDefinitionError):
            self._form = None
            self.client_picker.set_form_widget(FormErrorView(definition))
            self._update_summary()
            return
        form = GeneratedForm(definition,
                             meeting_kind=meeting_kind_for(service.interaction_type))
        if self._carried_values:
            form.set_values(self._carried_values)  # a service change keeps what was typed
            self._carried_values = {}
        form.sig_changed.connect(self.sig_form_changed)
        form.sig_changed.connect(self._update_summary)
        self._form = form
        self.client_picker.set_form_widget(form)
        self._apply_restore_form()
        self._update_summary()

    def _note(self, text: str) -> QWidget:
        label = QLabel(text)
        label.setObjectName("form-note")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return label

    # ================================================================== summary and booking

    def _update_summary(self) -> None:
        if self.client_picker.is_new_client:
            self.selection.client = None
        needs = self._missing()
        if needs:
            self.summary.setText("Still needed: " + ", ".join(needs) + ".")
        else:
            self.summary.setText(self._describe_selection())
        self.book_button.setEnabled(not needs and self._booking_in_flight is None)

    def _missing(self) -> list[str]:
        needs = [n for n in self.selection.missing() if n != "a client"]
        if self.client_picker.is_new_client:
            if self._form is None:
                needs.append("a usable new-client form")
        elif self.selection.client is None:
            needs.append("a client")
        return needs

    def _describe_selection(self) -> str:
        service = self.selection.service
        slot = self.selection.slot
        if service is None or slot is None:
            return ""
        who = (self.selection.client.full_name if self.selection.client
               else "a new client")
        staff = self.staff_names().get(slot.staff_id or "", "")
        return f"{service.name} with {staff or 'staff'} — {self._when_text(slot)} — for {who}."

    def _when_text(self, slot: Slot) -> str:
        local = slot.start_time.astimezone(ZoneInfo(self.selection.time_zone))
        zone = self.selection.time_zone
        return (f"{local.strftime('%A, %B %-d, %Y')} at {local_time_text(slot, zone)}"
                f" ({zone})")

    def current_request(self) -> BookingRequest:
        """The request for what is on screen (validates the new-client form first)."""
        if self.client_picker.is_new_client:
            if self._form is None:
                raise ValueError("The new-client form is not available.")
            self.selection.form_data = self._form.build_form_data()
        else:
            self.selection.form_data = None
        return self.selection.to_request(self.business.id)

    def book(self) -> None:
        if self._booking_in_flight is not None:
            return
        self.banner.clear()
        needs = self._missing()
        if needs:
            self.banner.show_message("Still needed before booking: " + ", ".join(needs) + ".",
                                     Tone.WARNING)
            return
        if self.client_picker.is_new_client and self._form is not None:
            problems = self._form.validate()
            if problems:
                self.banner.show_message(
                    f"Please check the client's details: {problems[0].message}", Tone.WARNING)
                return
        request = self.current_request()
        summary = self._summary_for(request)
        self._booking_in_flight = request
        self._update_summary()

        def work(_token: CancelToken) -> Booking:
            return self.client.create_booking(request)

        def done(booking: Booking) -> None:
            self._booking_in_flight = None
            self.confirmation.show_summary(BookingSummary(
                booking_id=booking.id, service=summary.service, staff=summary.staff,
                when=summary.when, client=summary.client, kind=summary.kind))
            self.sig_booked.emit(booking)
            self.reset_for_next_client()

        def failed(error: BaseException) -> None:
            self._booking_in_flight = None
            self._update_summary()
            self._booking_failed(error, request)

        def auth_retry() -> None:
            self._booking_in_flight = None
            self.book()

        self._run("book", "Booking…", work, done, on_error=failed, retry=auth_retry)

    def _summary_for(self, request: BookingRequest) -> BookingSummary:
        slot = self.selection.slot
        assert slot is not None
        assert self.selection.service is not None
        if self.selection.client is not None:
            client = self.selection.client.full_name
        else:
            client = self._new_client_name()
        return BookingSummary(
            booking_id="",
            service=self.selection.service.name,
            staff=self.staff_names().get(slot.staff_id or "", ""),
            when=self._when_text(slot),
            client=client,
            kind="Registration" if request.kind == "event" else "Appointment",
        )

    def _new_client_name(self) -> str:
        """The name typed into the new-client form, for summaries and drafts."""
        if self._form is None:
            return "New client"
        values = self._form.values()
        fields = list(self._form.definition.fields())
        # First and last name when the form has them; a single "name" field otherwise.
        kinds = ({"firstname", "lastname"} if any(f.kind == "firstname" for f in fields)
                 else {"name"})
        parts = [str(values.get(f.id) or "").strip() for f in fields if f.kind in kinds]
        return " ".join(part for part in parts if part) or "New client"

    def _booking_failed(self, error: BaseException, request: BookingRequest) -> None:
        if isinstance(error, SlotTakenError):
            self.banner.show_message(
                "That time was just taken by someone else. The open times have been "
                "refreshed: please pick another. Everything else is kept.", Tone.WARNING)
            self.selection.slot = None
            self.load_times()
            self._update_summary()
            return
        if isinstance(error, ValidationError):
            placed = False
            if self._form is not None and self.client_picker.is_new_client:
                placed = self._form.show_field_error(error.field or error.message, error.message)
            self.banner.show_message(
                error.message if placed else f"The booking was refused: {error.message}",
                Tone.ERROR)
            return
        if isinstance(error, OfflineError | RateLimitedError):
            # Nothing reached the server: the outbox sends it when the network is back.
            self.sig_save_draft.emit(self._draft(request, SaveReason.OFFLINE))
            return
        if isinstance(error, AmbiguousResultError | ServerError):
            # It may have been booked: the outbox looks it up before any re-send.
            self.sig_save_draft.emit(self._draft(request, SaveReason.IN_DOUBT))
            return
        self.banner.show_message(plain_words(error), Tone.ERROR)

    def save_draft(self) -> None:
        """Ctrl+S: keep whatever is on screen as a draft, complete or not."""
        try:
            request: BookingRequest | None = self.current_request()
        except (ValueError, ApiError):
            request = None
        except Exception:  # a half-filled form may not build yet: the raw values still save
            request = None
        self.sig_save_draft.emit(self._draft(request, SaveReason.MANUAL))

    def _draft(self, request: BookingRequest | None, reason: SaveReason) -> DraftSaveRequest:
        return DraftSaveRequest(request, SavedBooking.from_json(self.collect_values()), reason)

    def reset_for_next_client(self) -> None:
        """After a booking: same service and staff (the next client often wants the same),
        fresh slots, empty client."""
        self.client_picker.reset()
        self._carried_values = {}
        if self._form is not None:
            self._form.reset()
        self.selection.client = None
        self.selection.form_data = None
        self.selection.slot = None
        self.load_times()
        self._update_summary()

    def show_saved_as_draft(self, message: str) -> None:
        self.banner.show_message(message, Tone.SUCCESS)

    # ================================================================== drafts: values in/out

    def collect_values(self) -> dict[str, Any]:
        """Everything needed to put this booking back on screen (a draft's raw values)."""
        slot = self.selection.slot
        service = self.selection.service
        client = self.selection.client
        new_client = self.client_picker.is_new_client
        return SavedBooking(
            mode=self.selection.mode,
            service_id=service.id if service else None,
            service_name=service.name if service else "",
            staff_id=self.selection.staff.id if self.selection.staff else None,
            time_zone=self.selection.time_zone,
            slot=slot,
            local_time=self._when_text(slot) if slot else "",
            staff_name=self.staff_names().get(slot.staff_id or "", "") if slot else "",
            new_client=new_client,
            client=client,
            client_name=client.full_name if client else (
                self._new_client_name() if new_client else ""),
            form_values=dict(self._form.values()) if self._form is not None else {},
            meeting_details=self._form.meeting_details() if self._form is not None else None,
        ).to_json()

    def restore_values(self, values: dict[str, Any]) -> None:
        """Load a draft back. The pickers fill in as their data arrives, so each part is put
        back when it can be: the service now, the time with the open times, the new-client
        form's values once the form is built."""
        self.banner.clear()
        self.confirmation.hide()
        saved = SavedBooking.from_json(values)
        self._pending_restore = _PendingRestore(
            saved, slot_pending=saved.slot is not None,
            form_pending=saved.new_client and bool(saved.form_values))
        event = saved.mode is BookingMode.EVENT
        if saved.time_zone and saved.time_zone != self.selection.time_zone:
            self.selection.time_zone = saved.time_zone
            self.slot_picker.set_time_zone(saved.time_zone)
            self.event_picker.set_time_zone(saved.time_zone)
        if event != (self.selection.mode is BookingMode.EVENT):
            (self.event_mode if event else self.appointment_mode).setChecked(True)
        else:
            self._apply_restore_service()
        if saved.client is not None:
            self.client_picker.select_client(saved.client)
        elif saved.new_client:
            self.client_picker.show_new_client()

    def _apply_restore_service(self) -> None:
        pending = self._pending_restore
        if pending is None or pending.saved.service_id is None:
            return
        saved = pending.saved
        if not self.service_picker.select_service_id(pending.saved.service_id):
            return
        if saved.staff_id:
            self.staff_picker.select_staff_id(saved.staff_id)
        if saved.slot is not None and self.selection.mode is BookingMode.APPOINTMENT:
            start = saved.slot.start_time.astimezone(ZoneInfo(self.selection.time_zone))
            self.slot_picker.calendar.setCurrentPage(start.year, start.month)
            self.slot_picker.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        # The same service may already be on screen (no change signal): load its times anyway,
        # so the saved one can be found again.
        self.load_times()

    def _apply_restore_slot(self) -> None:
        pending = self._pending_restore
        if pending is None or not pending.slot_pending or pending.saved.slot is None:
            return
        slot = pending.saved.slot
        if self.selection.mode is BookingMode.EVENT:
            found = self.event_picker.select_instance_id(slot.event_instance_id or "")
        else:
            self.slot_picker.select_date(
                slot.start_time.astimezone(ZoneInfo(self.selection.time_zone)).date())
            found = self.slot_picker.select_slot_start(slot.start_time.isoformat())
        pending.slot_pending = False
        if not found:
            self.banner.show_message(
                "The time saved in this draft is no longer open. Please pick another; "
                "everything else was restored.", Tone.WARNING)
        self._finish_restore_if_done()

    def _apply_restore_form(self) -> None:
        pending = self._pending_restore
        if pending is None or not pending.form_pending or self._form is None:
            return
        restored = dict(pending.saved.form_values)  # the editors read ISO dates themselves
        if pending.saved.meeting_details is not None:
            restored[MEETING_DETAILS_ID] = pending.saved.meeting_details
        self._form.set_values(restored)
        pending.form_pending = False
        self._finish_restore_if_done()

    def _finish_restore_if_done(self) -> None:
        if self._pending_restore is not None and self._pending_restore.done:
            self._pending_restore = None

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
        if event.key() == Qt.Key.Key_Escape and self.busy.waiting:
            self.cancel_running()
            return
        super().keyPressEvent(event)
