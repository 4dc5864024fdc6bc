"""The bar above the day: previous / today / next, the date, whose columns to show, and how the
day stands (booked, done, no-shows, cancelled, free time left)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QPushButton, QWidget

from desktop.day.summary import DayCounts
from desktop.ui.formatting import from_qdate, long_day, number, to_qdate
from desktop.ui.plain_text import plain_label

EVERYONE = ""


class DayToolbar(QWidget):
    sig_day_changed = Signal(object)  # date
    sig_staff_filter_changed = Signal(str)  # staff id, or EVERYONE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today: date | None = None
        self.previous = QPushButton(self.tr("◀ &Previous"), self)
        self.previous.setObjectName("day-previous")
        self.previous.setAccessibleName(self.tr("Previous day"))
        self.previous.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.today = QPushButton(self.tr("&Today"), self)
        self.today.setObjectName("day-today")
        self.today.setAccessibleName(self.tr("Today"))
        self.next = QPushButton(self.tr("N&ext ▶"), self)
        self.next.setObjectName("day-next")
        self.next.setAccessibleName(self.tr("Next day"))
        self.next.setToolTip(self.tr("Next day (Alt+Right)"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("day-date")
        self.date_edit.setAccessibleName(self.tr("Day shown"))
        self.date_edit.setCalendarPopup(True)
        self.title = plain_label(self, "day-title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.staff_filter = QComboBox(self)
        self.staff_filter.setObjectName("day-staff-filter")
        self.staff_filter.setAccessibleName(self.tr("Show the appointments of"))
        self.staff_filter.addItem(self.tr("Everyone"), EVERYONE)
        self.counts = plain_label(self, "day-counts")
        self.counts.setWordWrap(True)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous, self.today, self.next, self.date_edit):
            row.addWidget(widget)
        row.addSpacing(10)
        row.addWidget(self.title)
        row.addStretch(1)
        row.addWidget(self.staff_filter)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.today.clicked.connect(self.go_today)
        self.date_edit.dateChanged.connect(
            lambda qdate: self.sig_day_changed.emit(from_qdate(qdate)))
        self.staff_filter.currentIndexChanged.connect(
            lambda _i: self.sig_staff_filter_changed.emit(self.staff_filter.currentData() or ""))

    # ------------------------------------------------------------------ the day

    def set_today(self, today: date) -> None:
        """The business's today (from the app's clock): what Today goes to."""
        self._today = today

    def day(self) -> date:
        return from_qdate(self.date_edit.date())

    def show_day(self, day: date) -> None:
        """Show ``day`` without announcing it (the page already knows)."""
        with QSignalBlocker(self.date_edit):
            self.date_edit.setDate(to_qdate(day))
        self._title(day)

    def step(self, days: int) -> None:
        self.date_edit.setDate(to_qdate(self.day() + timedelta(days=days)))

    def go_today(self) -> None:
        if self._today is not None:
            self.date_edit.setDate(to_qdate(self._today))

    def _title(self, day: date) -> None:
        text = long_day(day)
        if day == self._today:
            text = self.tr("Today, {day}").format(day=text)
        self.title.setText(text)

    # ------------------------------------------------------------------ staff and counts

    def set_staff(self, staff: list[tuple[str, str]]) -> None:
        chosen = self.staff_filter.currentData() or EVERYONE
        with QSignalBlocker(self.staff_filter):
            self.staff_filter.clear()
            self.staff_filter.addItem(self.tr("Everyone"), EVERYONE)
            for staff_id, name in staff:
                self.staff_filter.addItem(name, staff_id)
            index = self.staff_filter.findData(chosen)
            self.staff_filter.setCurrentIndex(max(index, 0))

    def staff_shown(self) -> str:
        return str(self.staff_filter.currentData() or EVERYONE)

    def set_counts(self, counts: DayCounts | None, free_minutes: int | None) -> None:
        if counts is None:
            self.counts.setText("")
            return
        parts = [
            self.tr("%n booked", "", counts.booked),
            self.tr("%n arrived or done", "", counts.done),
            self.tr("%n no-show(s)", "", counts.no_shows),
            self.tr("%n cancelled", "", counts.cancelled),
        ]
        if counts.pending:
            parts.append(self.tr("%n waiting for acceptance", "", counts.pending))
        if free_minutes is not None:
            hours, minutes = divmod(free_minutes, 60)
            parts.append(self.tr("free time left: {hours} h {minutes} min").format(
                hours=number(hours), minutes=number(minutes)))
        self.counts.setText(" · ".join(parts))
