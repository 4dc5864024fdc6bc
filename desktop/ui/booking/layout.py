"""The booking page's widgets and their layout, in reading (and Tab) order: mode, what, when,
who, then the summary and the actions. No behaviour here: :mod:`desktop.ui.booking.page`
wires it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.booking.busy_bar import BusyBar
from desktop.ui.booking.client_picker import ClientPicker
from desktop.ui.booking.confirmation import ConfirmationPanel
from desktop.ui.booking.event_picker import EventPicker
from desktop.ui.booking.message_banner import MessageBanner
from desktop.ui.booking.service_picker import ServicePicker, StaffPicker
from desktop.ui.booking.slot_picker import SlotPicker
from desktop.ui.style import make_quiet, primary_button_style


class BookingLayout(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = MessageBanner(self)
        self.confirmation = ConfirmationPanel(self)

        self.appointment_mode = QRadioButton(self.tr("&Appointment"), self)
        self.appointment_mode.setObjectName("mode-appointment")
        self.event_mode = QRadioButton(self.tr("&Event registration"), self)
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
        self.service_details.setTextFormat(Qt.TextFormat.PlainText)
        make_quiet(self.service_details)
        what_box = QGroupBox(self.tr("1 · What"), self)
        what_form = QFormLayout(what_box)
        service_label = QLabel(self.tr("&Service"), what_box)
        service_label.setBuddy(self.service_picker)
        self.staff_label = QLabel(self.tr("S&taff"), what_box)
        self.staff_label.setBuddy(self.staff_picker)
        what_form.addRow(service_label, self.service_picker)
        what_form.addRow(self.staff_label, self.staff_picker)
        what_form.addRow(self.service_details)

        self.slot_picker = SlotPicker(self)
        self.event_picker = EventPicker(self)
        self.when_stack = QStackedWidget(self)
        self.when_stack.addWidget(self.slot_picker)
        self.when_stack.addWidget(self.event_picker)
        when_box = QGroupBox(self.tr("2 · When"), self)
        QVBoxLayout(when_box).addWidget(self.when_stack)

        self.client_picker = ClientPicker(self)
        who_box = QGroupBox(self.tr("3 · Who"), self)
        QVBoxLayout(who_box).addWidget(self.client_picker)

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
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.save_draft_button = QPushButton(self.tr("Save as &draft"), self)
        self.save_draft_button.setObjectName("save-draft")
        self.save_draft_button.setToolTip(
            self.tr("Keep this booking on this computer to send later (Ctrl+S)"))
        self.waitlist_button = QPushButton(self.tr("Join the &waitlist"), self)
        self.waitlist_button.setObjectName("join-waitlist")
        self.waitlist_button.setToolTip(self.tr(
            "The session is full: put the chosen client on its waitlist"))
        self.waitlist_button.hide()
        self.book_button = QPushButton(self.tr("&Book"), self)
        self.book_button.setObjectName("book")
        self.book_button.setDefault(True)
        self.book_button.setMinimumWidth(120)
        self.book_button.setStyleSheet(primary_button_style("book"))
        # The create-booking call takes no "notify the client" choice or message (unlike
        # reschedule and cancel): say what happens instead of offering a switch that does nothing.
        self.notify_note = QLabel(self.tr(
            "The client is told about the booking as the business's own notification settings "
            "say; Frontdesk cannot change that for a new booking."), self)
        self.notify_note.setObjectName("notify-note")
        self.notify_note.setWordWrap(True)
        make_quiet(self.notify_note)
        self.busy = BusyBar(self)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.save_draft_button)
        actions.addWidget(self.waitlist_button)
        actions.addWidget(self.book_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.confirmation)
        layout.addLayout(columns, 1)
        layout.addWidget(self.busy)
        layout.addLayout(actions)
        layout.addWidget(self.notify_note)

        self.setTabOrder(self.appointment_mode, self.service_picker)
        self.setTabOrder(self.service_picker, self.staff_picker)
        self.setTabOrder(self.staff_picker, self.slot_picker.calendar)
