"""The panel beside the schedule: the chosen entry, its client (contact details and other
upcoming appointments), and the actions that can be taken on it — or on several selected."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api.models import Appointment, Client
from desktop.day.summary import DeskState
from desktop.ui.day.entries import DayEntry, state_words
from desktop.ui.formatting import day_and_month, time_in_zone
from desktop.ui.plain_text import plain_label


class DetailsPanel(QFrame):
    """Buttons emit what the receptionist asked for; the day page carries it out."""

    sig_complete = Signal()
    sig_no_show = Signal()
    sig_cancel = Signal()
    sig_reschedule = Signal()
    sig_book_again = Signal()
    sig_accept = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day-details")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = plain_label(self, "day-details-heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self._values: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, (key, label) in enumerate((
                ("when", self.tr("When")), ("service", self.tr("Service")),
                ("staff", self.tr("With")), ("state", self.tr("State")),
                ("pending", self.tr("Waiting")), ("notes", self.tr("Notes")),
                ("contact", self.tr("Contact")))):
            name = plain_label(self, f"day-details-{key}-label", label)
            value = plain_label(self, f"day-details-{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name.setBuddy(value)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self._values[key] = value
            self._values[f"{key}-label"] = name
        grid.setColumnStretch(1, 1)

        self.upcoming_title = plain_label(self, "day-upcoming-title",
                                          self.tr("Other upcoming appointments"))
        self.upcoming = QListWidget(self)
        self.upcoming.setObjectName("day-upcoming")
        self.upcoming.setAccessibleName(self.tr("Other upcoming appointments of the client"))
        self.upcoming.setMaximumHeight(140)
        # Long lines (Spanish, large text) wrap instead of hiding behind a scroll bar.
        self.upcoming.setWordWrap(True)
        self.upcoming.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.upcoming.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.complete_button = self._button("day-complete", self.tr("&Arrived / done"),
                                            self.sig_complete)
        self.no_show_button = self._button("day-no-show", self.tr("&No-show"),
                                           self.sig_no_show)
        self.cancel_button = self._button("day-cancel", self.tr("&Cancel…"), self.sig_cancel)
        self.reschedule_button = self._button("day-reschedule", self.tr("&Reschedule…"),
                                              self.sig_reschedule)
        self.book_again_button = self._button("day-book-again", self.tr("Book a&gain"),
                                              self.sig_book_again)
        self.accept_button = self._button("day-accept", self.tr("Acce&pt request"),
                                          self.sig_accept)
        buttons = QGridLayout()
        buttons.addWidget(self.complete_button, 0, 0)
        buttons.addWidget(self.no_show_button, 0, 1)
        buttons.addWidget(self.cancel_button, 1, 0)
        buttons.addWidget(self.reschedule_button, 1, 1)
        buttons.addWidget(self.accept_button, 2, 0)
        buttons.addWidget(self.book_again_button, 2, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.upcoming_title)
        layout.addWidget(self.upcoming)
        layout.addStretch(1)
        self.show_nothing()

    def minimumSizeHint(self) -> QSize:
        # At least 260 px, and wide enough for its buttons in any language (a fixed minimum
        # width would let the splitter squeeze longer words off the buttons).
        hint = super().minimumSizeHint()
        return QSize(max(260, hint.width()), hint.height())

    def _button(self, name: str, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(signal.emit)
        return button

    # ------------------------------------------------------------------ showing

    def show_nothing(self) -> None:
        self.heading.setText(self.tr("Choose an appointment to see it here."))
        self._show_rows(set())
        self._enable(set())
        self.upcoming_title.hide()
        self.upcoming.hide()

    def show_entry(self, entry: DayEntry) -> None:
        appointment = entry.appointment
        self.heading.setText(entry.client_text())
        self._set("when", entry.time_text())
        self._set("service", entry.service_text())
        self._set("staff", entry.staff_name or appointment.staff_display_name or "")
        self._set("state", state_words(entry.state))
        self._set("pending", entry.pending.text if entry.pending else "")
        self._set("notes", appointment.notes or "")
        self._set("contact", "")
        self._show_rows({"when", "service", "staff", "state", "notes", "pending", "contact"})
        self._enable(self._allowed(entry))
        self.upcoming.clear()
        self.upcoming_title.show()
        self.upcoming.show()
        item = QListWidgetItem(self.tr("Loading…"), self.upcoming)
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def show_several(self, entries: Sequence[DayEntry]) -> None:
        self.heading.setText(self.tr("%n appointment(s) selected", "", len(entries)))
        self._show_rows(set())
        allowed = set.intersection(*(self._allowed(e) for e in entries)) if entries else set()
        self._enable(allowed & {"complete", "no_show"})
        self.upcoming_title.hide()
        self.upcoming.hide()

    def show_client(self, client: Client | None) -> None:
        if client is None:
            self._set("contact", "")
            return
        parts = [part for part in (client.phone, client.email) if part]
        self._set("contact", "\n".join(parts))  # one per line: an e-mail does not wrap

    def show_upcoming(self, appointments: Sequence[Appointment], zone: str,
                      excluding: str) -> None:
        self.upcoming.clear()
        shown = [a for a in appointments if a.id != excluding and a.start_time is not None]
        for appointment in shown:
            assert appointment.start_time is not None
            local = appointment.start_time
            text = self.tr("{day}, {time} — {what}").format(
                day=day_and_month(local.astimezone(ZoneInfo(zone)).date()),
                time=time_in_zone(local, zone), what=appointment.title or "")
            QListWidgetItem(text, self.upcoming)
        if not shown:
            item = QListWidgetItem(self.tr("None booked."), self.upcoming)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def show_upcoming_error(self, text: str) -> None:
        self.upcoming.clear()
        item = QListWidgetItem(text, self.upcoming)
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def focus_first_action(self) -> None:
        """The action panel, from the keyboard: focus the first action that can be taken."""
        for button in (self.accept_button, self.complete_button, self.no_show_button,
                       self.cancel_button, self.reschedule_button, self.book_again_button):
            if button.isEnabled():
                button.setFocus()
                return

    # ------------------------------------------------------------------ internals

    def _set(self, key: str, text: str) -> None:
        self._values[key].setText(text)

    def _show_rows(self, keys: set[str]) -> None:
        for key in ("when", "service", "staff", "state", "pending", "notes", "contact"):
            visible = key in keys and (key not in ("pending", "notes", "contact")
                                       or bool(self._values[key].text()))
            if key == "contact":
                visible = key in keys
            self._values[key].setVisible(visible)
            self._values[f"{key}-label"].setVisible(visible)

    @staticmethod
    def _allowed(entry: DayEntry) -> set[str]:
        if entry.pending is not None and not entry.pending.needs_attention:
            return {"book_again"}  # one change at a time: wait for the pending one
        state = entry.state
        if state is DeskState.CANCELLED:
            return {"book_again"}
        if state in (DeskState.DONE, DeskState.NO_SHOW):
            return {"book_again"}
        if state is DeskState.PENDING:
            return {"accept", "cancel", "book_again"}
        allowed = {"complete", "no_show", "cancel", "book_again"}
        if not entry.appointment.is_event:
            allowed.add("reschedule")
        return allowed

    def _enable(self, allowed: set[str]) -> None:
        for key, button in (("complete", self.complete_button),
                            ("no_show", self.no_show_button),
                            ("cancel", self.cancel_button),
                            ("reschedule", self.reschedule_button),
                            ("book_again", self.book_again_button),
                            ("accept", self.accept_button)):
            button.setEnabled(key in allowed)

