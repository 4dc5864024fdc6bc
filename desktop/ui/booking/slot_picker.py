"""Day and time pickers: a calendar whose open days stand out, a time-zone selector, and the
open times of the chosen day."""

from __future__ import annotations

import zoneinfo
from datetime import date
from functools import cache

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.api.models import Slot
from desktop.ui.formatting import day_and_month, from_qdate, long_day, time_in_zone, to_qdate
from desktop.ui.style import Tone, high_contrast, tone_colours


def _pickable(name: str) -> bool:
    """A zone the picker offers: a region/city name, or UTC (not the old aliases like EST)."""
    return "/" in name or name == "UTC"


@cache
def all_time_zones() -> list[str]:
    """IANA names (from the tzdata package where the OS has none), sorted for the picker."""
    return sorted(name for name in zoneinfo.available_timezones() if _pickable(name))


def _is_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        return False
    return _pickable(name)


def local_time_text(slot: Slot, time_zone: str) -> str:
    """The slot's start as the desk writes a time, in ``time_zone`` (with the UTC offset when
    that wall time happens twice, on the day the clocks go back)."""
    return time_in_zone(slot.start_time, time_zone)


class TimeZonePicker(QComboBox):
    """The zone times are shown in. It starts holding only the zone set on it; the ~600 IANA
    names (~30 ms to read and list) are put in when the receptionist first reaches for it
    (focus, typing, the popup), so building the Book page does not pay for them."""

    sig_time_zone_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("time-zone")
        self.setAccessibleName(self.tr("Time zone"))
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._all_listed = False
        self.currentIndexChanged.connect(self._changed)
        edit = self.lineEdit()
        if edit is not None:
            edit.editingFinished.connect(lambda: self._typed(self.currentText()))
            edit.textEdited.connect(lambda _text: self.list_all())  # typed into directly

    def list_all(self) -> None:
        """Put every IANA zone in the list (once), keeping the zone in use."""
        if self._all_listed:
            return
        self._all_listed = True
        current = self.itemText(self.currentIndex())
        edit = self.lineEdit()
        typed = edit.text() if edit is not None else current
        names = all_time_zones()
        with QSignalBlocker(self):
            self.clear()
            self.addItems(names)
            self.setCurrentIndex(max(0, self.findText(current)))
            if edit is not None and typed != current:
                edit.setText(typed)  # what was being typed stays
        completer = QCompleter(names, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        completer.activated.connect(self._typed)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.list_all()
        super().focusInEvent(event)

    def showPopup(self) -> None:
        self.list_all()
        super().showPopup()

    def _typed(self, text: str) -> None:
        """A name typed (or completed) and confirmed picks that zone; anything else is
        put back to the zone in use."""
        self.list_all()
        index = self.findText(text.strip())
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(self.itemText(self.currentIndex()))

    def set_time_zone(self, name: str) -> None:
        if not self._all_listed and self.findText(name) < 0 and _is_zone(name):
            with QSignalBlocker(self):
                self.addItem(name)
        index = self.findText(name)
        if index >= 0:
            with QSignalBlocker(self):
                self.setCurrentIndex(index)

    def time_zone(self) -> str:
        return self.currentText() if self.findText(self.currentText()) >= 0 else "UTC"

    def _changed(self, _index: int) -> None:
        if self.findText(self.currentText()) >= 0:
            self.sig_time_zone_changed.emit(self.currentText())


class SlotPicker(QWidget):
    """The "when" of an appointment.

    The page fills it with a month's availability (``set_availability``); days with open times
    are bold and coloured, days without are greyed, days before today cannot be chosen.
    """

    sig_month_changed = Signal(int, int)  # year, month
    sig_slot_chosen = Signal(object)  # Slot | None
    sig_time_zone_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._availability: dict[date, list[Slot]] = {}
        self._formatted_days: set[date] = set()
        self._staff_names: dict[str, str] = {}
        self._show_staff = True
        self._time_zone = "UTC"
        #: The day whose times are listed: the direction of travel when skipping closed days.
        self._shown_day: date | None = None
        #: The business's today (``set_first_day``): nothing before it can be chosen.
        self._today: date | None = None
        #: Said with the next times shown (why the calendar moved on by itself).
        self._note = ""

        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setAccessibleName(self.tr("Day"))
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        # Weeks start where the desk's locale starts them (Sunday in the US, Monday in Spain).
        self.calendar.setFirstDayOfWeek(self.calendar.locale().firstDayOfWeek())
        self.calendar.currentPageChanged.connect(lambda y, m: self.sig_month_changed.emit(y, m))
        self.calendar.selectionChanged.connect(self._day_chosen)

        self.time_zone_picker = TimeZonePicker(self)
        self.time_zone_picker.sig_time_zone_changed.connect(self._time_zone_changed)

        self.day_title = QLabel(self.tr("Choose a day"), self)
        self.day_title.setObjectName("day-title")
        self.day_title.setTextFormat(Qt.TextFormat.PlainText)
        self.slot_list = QListWidget(self)
        self.slot_list.setObjectName("slot-list")
        self.slot_list.setAccessibleName(self.tr("Open times"))
        self.slot_list.currentItemChanged.connect(self._slot_changed)
        self.status = QLabel("", self)
        self.status.setObjectName("slot-status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        zone_row = QHBoxLayout()
        zone_label = QLabel(self.tr("Time &zone"), self)
        zone_label.setBuddy(self.time_zone_picker)
        zone_row.addWidget(zone_label)
        zone_row.addWidget(self.time_zone_picker, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        layout.addLayout(zone_row)
        layout.addWidget(self.day_title)
        layout.addWidget(self.slot_list, 1)
        layout.addWidget(self.status)

    # ---------------------------------------------------------------- state from the page

    def set_time_zone(self, name: str) -> None:
        self._time_zone = name
        self.time_zone_picker.set_time_zone(name)

    def time_zone(self) -> str:
        return self._time_zone

    def set_staff_names(self, names: dict[str, str], *, show: bool) -> None:
        self._staff_names = names
        self._show_staff = show

    def set_first_day(self, today: date) -> None:
        """Days before the business's today cannot be chosen (today comes from the app's
        clock, in the business's zone — not from the computer's own date). The first time,
        the calendar also opens on that day: Qt opens it on the computer's date, which can
        be another day, month or year than the business's (a desk behind or ahead of it)."""
        first = self._today is None
        self._today = today
        with QSignalBlocker(self.calendar):  # the caller loads the month it ends up on
            self.calendar.setMinimumDate(to_qdate(today))
            if first:
                self.calendar.setSelectedDate(to_qdate(today))
                self.calendar.setCurrentPage(today.year, today.month)

    def first_day(self) -> date | None:
        """The business's today as last given (days before it are disabled)."""
        return self._today

    def show_next_month(self, note: str) -> None:
        """Open the next month on its first day (its times load as for any month change);
        ``note`` (why) is shown with them."""
        year, month = self.visible_month()
        self._note = note
        self.calendar.setSelectedDate(to_qdate(date(year + month // 12, month % 12 + 1, 1)))

    def visible_month(self) -> tuple[int, int]:
        return self.calendar.yearShown(), self.calendar.monthShown()

    def clear_availability(self, message: str = "") -> None:
        self._note = ""
        self._availability = {}
        self._paint_days()
        self.slot_list.clear()
        self.status.setText(message)
        self.sig_slot_chosen.emit(None)

    def set_availability(self, availability: dict[date, list[Slot]]) -> None:
        """Open slots by local day (already in this picker's time zone)."""
        self._availability = {day: slots for day, slots in availability.items() if slots}
        self._paint_days()
        note, self._note = self._note, ""
        if not self._availability:
            self._show_day()
            self.status.setText(" ".join(filter(None, (note, self.tr(
                "No open times this month. Try the next month or another staff member.")))))
            return
        self.status.setText("")
        # Land on an open day: the selected one, or the next one that has times.
        self._shown_day = None
        self._day_chosen(announce=False)
        if note:
            self.status.setText(note)

    def open_days(self) -> list[date]:
        """Days of the shown month with at least one open time, in order."""
        return sorted(self._availability)

    def set_loading(self) -> None:
        self.status.setText(self.tr("Loading open times…"))

    def current_slot(self) -> Slot | None:
        item = self.slot_list.currentItem()
        slot = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return slot if isinstance(slot, Slot) else None

    def current_slot_text(self) -> str:
        item = self.slot_list.currentItem()
        return item.text() if item is not None else ""

    def select_date(self, day: date) -> None:
        self.calendar.setSelectedDate(to_qdate(day))

    def select_slot_start(self, start_iso: str) -> bool:
        for row in range(self.slot_list.count()):
            slot: Slot = self.slot_list.item(row).data(Qt.ItemDataRole.UserRole)
            if slot.start_time.isoformat() == start_iso:
                self.slot_list.setCurrentRow(row)
                return True
        return False

    # ---------------------------------------------------------------- painting

    def _paint_days(self) -> None:
        plain = QTextCharFormat()
        for day in self._formatted_days:
            self.calendar.setDateTextFormat(to_qdate(day), plain)
        self._formatted_days.clear()
        open_format = QTextCharFormat()
        open_format.setFontWeight(QFont.Weight.Bold)
        background, _border, text = tone_colours(Tone.SUCCESS)
        open_format.setForeground(text)
        open_format.setBackground(background)
        open_format.setFontUnderline(high_contrast())  # no tint there: bold and underlined
        closed_format = QTextCharFormat()
        closed_format.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        year, month = self.visible_month()
        first = date(year, month, 1)
        day = first
        while day.month == month:
            fmt = open_format if day in self._availability else closed_format
            self.calendar.setDateTextFormat(to_qdate(day), fmt)
            self._formatted_days.add(day)
            day = date.fromordinal(day.toordinal() + 1)

    def _day_chosen(self, *, announce: bool = True) -> None:
        """Closed days cannot be chosen: moving onto one (arrow keys, a click) goes on to the
        nearest open day in the same direction, so the keyboard walks from open day to open
        day. (QCalendarWidget itself can only disable a range of dates.)"""
        chosen = from_qdate(self.calendar.selectedDate())
        target = self._open_day_near(chosen)
        if target is not None and target != chosen:
            with QSignalBlocker(self.calendar):
                self.calendar.setSelectedDate(to_qdate(target))
        self._show_day()
        if target is not None and target != chosen and announce:
            self.status.setText(self.tr("No open times on {closed}; showing {open}.").format(
                closed=day_and_month(chosen), open=day_and_month(target)))

    def _open_day_near(self, chosen: date) -> date | None:
        if not self._availability or chosen in self._availability:
            return None
        if (chosen.year, chosen.month) != self.visible_month():
            return None  # that month's times are not loaded yet
        days = sorted(self._availability)
        ahead = [day for day in days if day > chosen]
        behind = [day for day in days if day < chosen]
        forward = self._shown_day is None or chosen >= self._shown_day
        preferred = ahead[:1] + behind[-1:] if forward else behind[-1:] + ahead[:1]
        return preferred[0] if preferred else None

    def _show_day(self) -> None:
        day = from_qdate(self.calendar.selectedDate())
        self._shown_day = day
        self.day_title.setText(long_day(day))
        with QSignalBlocker(self.slot_list):
            self.slot_list.clear()
            for slot in self._availability.get(day, []):
                text = local_time_text(slot, self._time_zone)
                name = self._staff_names.get(slot.staff_id or "", "")
                if self._show_staff and name:
                    text = self.tr("{time}  —  {staff}").format(time=text, staff=name)
                item = QListWidgetItem(text, self.slot_list)
                item.setData(Qt.ItemDataRole.UserRole, slot)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        if not self._availability.get(day) and self._availability:
            self.status.setText(self.tr("No open times on this day."))
        elif self._availability:
            self.status.setText("")
        # The list was rebuilt, so nothing is selected any more.
        self.sig_slot_chosen.emit(None)

    def _slot_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.sig_slot_chosen.emit(current.data(Qt.ItemDataRole.UserRole) if current else None)

    def _time_zone_changed(self, name: str) -> None:
        self._time_zone = name
        self.sig_time_zone_changed.emit(name)
