"""Reschedule: the same calendar and slot picker as booking, with the open times of that service
and staff member, the booking's own time counted as free (``booking_instance_id``).

Choosing another staff member is a move: a new booking with them plus a cancel of the old one,
sent as one operation that the receptionist confirms once here. The new booking names the
existing client, so the service's required details come along as for any booking (asked here
when the record lacks them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.api.client import BookingClient
from desktop.api.models import BookingRequest, Business, Client, Service, Slot, Staff
from desktop.booking.bookable import bookable_availability
from desktop.booking.client_details import MissingClientDetails
from desktop.clock import Clock, today_in
from desktop.ui.booking.busy_bar import BusyBar
from desktop.ui.booking.definitions import FormDefinitions
from desktop.ui.booking.details_host import ClientDetailsHost
from desktop.ui.booking.message_banner import MessageBanner, Tone
from desktop.ui.booking.slot_picker import SlotPicker
from desktop.ui.booking.times import month_range
from desktop.ui.day.dialogs import MessageBox
from desktop.ui.day.entries import DayEntry
from desktop.ui.form.date_edit import clock_today
from desktop.ui.formatting import time_in_zone
from desktop.ui.messages import plain_words
from desktop.ui.page_work import PageWork, cancel_check
from desktop.ui.plain_text import plain_label
from desktop.ui.tasks import CancelToken, TaskRunner


@dataclass(frozen=True)
class RescheduleChoice:
    start: datetime
    notify_client: bool
    message: str | None
    #: A move to another staff member: the new booking to make (None: same staff member).
    new_booking: BookingRequest | None = None
    new_staff_name: str = ""


class RescheduleDialog(QDialog):
    def __init__(self, entry: DayEntry, *, client: BookingClient, business: Business,
                 service: Service | None, staff: list[Staff], runner: TaskRunner,
                 clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reschedule-dialog")
        self.setWindowTitle(self.tr("Reschedule"))
        self.entry = entry
        self._client = client
        self._business = business
        self._service = service
        self._staff = staff
        self._clock = clock
        self._zone = business.time_zone or "UTC"
        self.choice: RescheduleChoice | None = None
        appointment = entry.appointment
        self._original_staff = appointment.staff_id or ""
        self._record: Client | None = None

        self.banner = MessageBanner(self)
        self.busy = BusyBar(self)
        self.work = PageWork(runner, self.busy, self.banner, "reschedule", self)
        heading = plain_label(self, "reschedule-heading", self.tr(
            "Move {client}'s {service} (now {time})").format(
            client=entry.client_text(), service=entry.service_text(),
            time=entry.time_text()))
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.staff_picker = QComboBox(self)
        self.staff_picker.setObjectName("reschedule-staff")
        self.staff_picker.setAccessibleName(self.tr("With"))
        for member in staff:
            self.staff_picker.addItem(member.label, member.id)
        self.staff_picker.setCurrentIndex(max(0, self.staff_picker.findData(
            self._original_staff)))
        self.move_note = plain_label(self, "reschedule-move-note", self.tr(
            "Another staff member: Frontdesk books the new time with them first and cancels "
            "the old booking only once the new one is made."))
        self.move_note.setWordWrap(True)

        self.slots = SlotPicker(self)
        self.slots.set_time_zone(self._zone)
        self.slots.time_zone_picker.setEnabled(False)  # the business's zone, as the day

        self.notify = QCheckBox(self.tr("&Tell the client"), self)
        self.notify.setObjectName("reschedule-notify")
        self.notify.setChecked(True)
        self.message_box = MessageBox(self)
        self.message_box.setAccessibleName(self.tr("Message to the client (optional)"))

        self._details_area = QScrollArea(self)
        self._details_area.setAccessibleName(self.tr("Details the new booking needs"))
        self._details_area.setWidgetResizable(True)
        self._details_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self._details_area.hide()
        definitions = FormDefinitions(client, business, self.work, self)
        self.details = ClientDetailsHost(definitions, self, self,
                                         today=clock_today(clock, ZoneInfo(self._zone)))

        buttons = QDialogButtonBox(self)
        self.confirm = QPushButton(self.tr("&Move"), self)
        self.confirm.setObjectName("confirm-reschedule")
        self.confirm.setEnabled(False)
        buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        staff_label = QLabel(self.tr("&With"), self)
        staff_label.setBuddy(self.staff_picker)
        form.addRow(staff_label, self.staff_picker)
        message_label = QLabel(self.tr("Message to the client (optional)"), self)
        message_label.setBuddy(self.message_box)
        notify_row = QHBoxLayout()
        notify_row.addWidget(self.notify)
        notify_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.move_note)
        layout.addWidget(self.slots, 1)
        layout.addWidget(self._details_area)
        layout.addLayout(notify_row)
        layout.addWidget(message_label)
        layout.addWidget(self.message_box)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        self.resize(560, 720)

        self.staff_picker.currentIndexChanged.connect(lambda _i: self._staff_changed())
        self.slots.sig_month_changed.connect(lambda _y, _m: self.load_times())
        self.slots.sig_slot_chosen.connect(self._slot_chosen)
        self.details.sig_changed.connect(self._update)
        today = today_in(clock, ZoneInfo(self._zone))
        self.slots.set_first_day(today)
        if appointment.start_time is not None:
            start = appointment.start_time.astimezone(ZoneInfo(self._zone)).date()
            shown = max(start, today)
            self.slots.calendar.setCurrentPage(shown.year, shown.month)
        self._staff_changed()

    # ------------------------------------------------------------------ choices

    def set_details_widget(self, widget: QWidget | None) -> None:
        """Where a move's required client details are asked (see ClientDetailsHost)."""
        old = self._details_area.takeWidget()
        if old is not None:
            old.deleteLater()
        if widget is None:
            self._details_area.hide()
            return
        self._details_area.setWidget(widget)
        self._details_area.show()

    @property
    def moving(self) -> bool:
        return (self.staff_picker.currentData() or "") != self._original_staff

    def _staff_changed(self) -> None:
        self.move_note.setVisible(self.moving)
        self.load_times()
        if not self.moving:
            self.details.show_for(None, None)
        elif self._record is not None:
            self._ask_details()
        else:
            self._load_record()

    def _ask_details(self) -> None:
        """What the new booking's form needs that the client's record lacks."""
        self.details.show_for(self._service, self._existing_client(),
                              meeting_details=self.entry.appointment.interaction_details)

    def _load_record(self) -> None:
        """The client's record (e-mail, phone): the new booking's form is filled from it."""
        client_id = self.entry.appointment.client_id
        if not client_id:
            self.details.show_for(None, None)
            return
        client, business_id = self._client, self._business.id

        def work(token: CancelToken) -> Client | None:
            found = client.search_clients(business_id, client_id, search_by="uid",
                                          cancel=cancel_check(token)).clients
            return next((c for c in found if c.id == client_id), None)

        def loaded(record: Client | None) -> None:
            self._record = record
            if self.moving:
                self._ask_details()

        self.work.run("client", self.tr("Reading the client's details…"), work, loaded,
                      retry=self._load_record,
                      on_error=lambda e: self.banner.show_message(plain_words(e), Tone.ERROR))

    def _existing_client(self) -> Client | None:
        appointment = self.entry.appointment
        if self._record is not None:
            return self._record
        if not appointment.client_id:
            return None
        return Client(id=appointment.client_id, first_name=appointment.client_first_name or "",
                      last_name=appointment.client_last_name or "")

    def load_times(self) -> None:
        service = self._service
        staff_id = self.staff_picker.currentData() or ""
        if service is None or not staff_id:
            self.slots.clear_availability(self.tr("This service is no longer offered, so "
                                                  "its open times cannot be shown."))
            return
        today = today_in(self._clock, ZoneInfo(self._zone))
        span = month_range(*self.slots.visible_month(), today)
        if span is None:
            self.slots.clear_availability(self.tr("That month is past."))
            return
        # The booking's own time counts as free only with the same staff member.
        own = None if self.moving else self.entry.appointment.id
        client, business_id, zone = self._client, self._business.id, self._zone

        def work(token: CancelToken) -> dict[date, list[Slot]]:
            return client.get_availability(
                business_id=business_id, service_id=service.id, start_date=span[0],
                end_date=span[1], time_zone=zone, staff_ids=[staff_id],
                booking_instance_id=own, cancel=cancel_check(token))

        def loaded(found: dict[date, list[Slot]]) -> None:
            if (self.staff_picker.currentData() or "") != staff_id:
                return
            self.slots.set_staff_names({}, show=False)
            self.slots.set_availability(bookable_availability(found, service.duration))

        self.slots.set_loading()
        self.work.run("times", self.tr("Loading open times…"), work, loaded,
                      retry=self.load_times,
                      on_error=lambda e: self.slots.clear_availability(plain_words(e)))

    def _slot_chosen(self, _slot: Slot | None) -> None:
        self._update()

    def _update(self) -> None:
        slot = self.slots.current_slot()
        ready = slot is not None and (not self.moving or (self.details.ready
                                                          and self._record is not None))
        self.confirm.setEnabled(ready)
        if slot is not None:
            text = self.tr("&Move to {time}").format(time=time_in_zone(slot.start_time,
                                                                       self._zone))
            if self.moving:
                text = self.tr("&Move to {time} with {name}").format(
                    time=time_in_zone(slot.start_time, self._zone),
                    name=self.staff_picker.currentText())
            self.confirm.setText(text)

    def _accept(self) -> None:
        slot = self.slots.current_slot()
        if slot is None:
            return
        new_booking: BookingRequest | None = None
        if self.moving:
            problem = self.details.first_problem()
            if problem:
                self.banner.show_message(problem, Tone.WARNING)
                return
            client = self._existing_client()
            if client is None or self._service is None:
                self.banner.show_message(self.tr(
                    "This booking names no client, so it cannot be moved to another staff "
                    "member. Book the new time, then cancel this one."), Tone.WARNING)
                return
            try:
                form_data = self.details.form_data(client)
            except MissingClientDetails as missing:
                self.banner.show_message(str(missing), Tone.WARNING)
                return
            new_booking = BookingRequest(
                business_id=self._business.id, service_id=self._service.id,
                staff_id=str(self.staff_picker.currentData()), start_time=slot.start_time,
                time_zone=self._zone, client_id=client.id, form_data=form_data)
        self.choice = RescheduleChoice(
            start=slot.start_time, notify_client=self.notify.isChecked(),
            message=self.message_box.message(), new_booking=new_booking,
            new_staff_name=self.staff_picker.currentText() if self.moving else "")
        self.accept()

    def done(self, result: int) -> None:
        self.work.cancel()
        super().done(result)

