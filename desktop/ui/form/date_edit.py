"""The generated form's date field: a date edit that can be empty, whose "today" (where
opening or stepping from empty starts) comes from the app's clock, not the computer's date.

Qt's own ``QDate.currentDate`` reads the computer's clock in the computer's zone: in a
test (or a demo started ``--now``) that is another day than the app's, and on a desk whose
zone is behind or ahead of the business it can be another day than the business's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from desktop.clock import SYSTEM_CLOCK, Clock, today_in
from desktop.i18n import QT_TRANSLATE_NOOP, translate

#: Shown as ``translate("FormEditors", ...)`` (the form's editors share one context).
NO_DATE_TEXT = QT_TRANSLATE_NOOP("FormEditors", "No date")
#: The lowest date of the edit stands for "no date".
NO_DATE = QDate(1800, 1, 1)
NO_DATE_PY = date(1800, 1, 1)

Today = Callable[[], date]


def clock_today(clock: Clock = SYSTEM_CLOCK, zone: tzinfo | None = None) -> Today:
    """Today on ``clock``, in ``zone`` (the business's), or in the computer's own zone."""
    if zone is not None:
        return lambda: today_in(clock, zone)
    return lambda: clock.now().astimezone().date()


def full_year_date_format(locale: QLocale) -> str:
    """The locale's short date format with a four-digit year (``M/d/yyyy``, ``d/M/yyyy``,
    ``dd.MM.yyyy``): a birth date must not read as ``4/5/26``."""
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


class OptionalDateEdit(QDateEdit):
    """A date edit that can be empty: its lowest date stands for "no date".

    Opening the calendar or stepping from empty starts at ``today()``, not in 1800; Delete
    (or Backspace with everything selected) empties it again.
    """

    def __init__(self, parent: QWidget | None = None, today: Today | None = None) -> None:
        super().__init__(parent)
        self.today: Today = today or clock_today()
        self.setCalendarPopup(True)
        self.setDisplayFormat(full_year_date_format(self.locale()))
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(translate("FormEditors", NO_DATE_TEXT))
        self.setDate(NO_DATE)

    def is_empty(self) -> bool:
        return self.date() == NO_DATE

    def date_or_none(self) -> date | None:
        return None if self.is_empty() else self.date().toPython()  # type: ignore[return-value]

    def set_date_or_none(self, day: date | None) -> None:
        self.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))

    def _start_today(self) -> None:
        day = self.today()
        self.setDate(QDate(day.year, day.month, day.day))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.is_empty():
            self._start_today()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        line = self.lineEdit()
        if key == Qt.Key.Key_Delete or (
                key == Qt.Key.Key_Backspace and line.selectedText() == line.text()):
            self.setDate(NO_DATE)
            return
        if self.is_empty() and (event.text().isdigit() or key in (
                Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)):
            self._start_today()
            if not event.text().isdigit():
                return
        super().keyPressEvent(event)
