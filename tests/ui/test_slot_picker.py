"""The calendar: open days stand out, closed days cannot be chosen (arrow keys walk from
open day to open day), and new times land on the first open day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from desktop.api.models import Slot
from desktop.ui.booking.slot_picker import SlotPicker, from_qdate, to_qdate


def _slots(day: date) -> list[Slot]:
    return [Slot(staff_id="st-1", start_time=datetime(day.year, day.month, day.day, 15,
                                                      tzinfo=UTC), duration_minutes=30)]


@pytest.fixture
def picker(qtbot: QtBot) -> SlotPicker:
    widget = SlotPicker()
    qtbot.addWidget(widget)
    widget.set_time_zone("UTC")
    widget.show()
    # A month well ahead, so no day is in the past whatever today is.
    ahead = date.today().replace(day=1) + timedelta(days=70)
    widget.calendar.setCurrentPage(ahead.year, ahead.month)
    widget.calendar.setSelectedDate(QDate(ahead.year, ahead.month, 1))
    return widget


def _month_day(picker: SlotPicker, day: int) -> date:
    year, month = picker.visible_month()
    return date(year, month, day)


def test_times_land_on_the_first_open_day(picker: SlotPicker) -> None:
    open_days = [_month_day(picker, 10), _month_day(picker, 12)]
    picker.set_availability({day: _slots(day) for day in open_days})
    assert from_qdate(picker.calendar.selectedDate()) == open_days[0]
    assert picker.slot_list.count() == 1
    bold = picker.calendar.dateTextFormat(to_qdate(open_days[0])).fontWeight()
    plain = picker.calendar.dateTextFormat(to_qdate(_month_day(picker, 11))).fontWeight()
    assert bold > plain


def test_arrow_keys_skip_closed_days_both_ways(qtbot: QtBot, picker: SlotPicker) -> None:
    open_days = [_month_day(picker, 10), _month_day(picker, 12), _month_day(picker, 15)]
    picker.set_availability({day: _slots(day) for day in open_days})
    target = picker.calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert target is not None  # the grid that takes the arrow keys
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Right)  # 10 → 11 (closed) → 12
    assert from_qdate(picker.calendar.selectedDate()) == open_days[1]
    qtbot.keyClick(target, Qt.Key.Key_Right)  # 12 → 13 (closed) → 15
    assert from_qdate(picker.calendar.selectedDate()) == open_days[2]
    qtbot.keyClick(target, Qt.Key.Key_Left)  # 15 → 14 (closed) → back to 12
    assert from_qdate(picker.calendar.selectedDate()) == open_days[1]
    assert picker.slot_list.count() == 1


def test_choosing_a_closed_day_says_so_and_shows_the_nearest_open_one(
        picker: SlotPicker) -> None:
    open_days = [_month_day(picker, 10), _month_day(picker, 20)]
    picker.set_availability({day: _slots(day) for day in open_days})
    picker.calendar.setSelectedDate(to_qdate(_month_day(picker, 14)))  # e.g. a click
    assert from_qdate(picker.calendar.selectedDate()) == open_days[1]
    assert "No open times on" in picker.status.text()


def test_a_month_without_times_says_so(picker: SlotPicker) -> None:
    picker.set_availability({})
    assert "No open times this month" in picker.status.text()
    assert picker.slot_list.count() == 0


def test_the_zone_list_is_filled_when_first_reached_for(qtbot: QtBot) -> None:
    """Building the picker lists only the zone in use (the ~600 names cost ~30 ms on the
    Book page's first show); focus, a key or the popup lists them all, keeping the zone."""
    widget = SlotPicker()
    qtbot.addWidget(widget)
    widget.set_time_zone("America/New_York")
    zones = widget.time_zone_picker
    assert [zones.itemText(i) for i in range(zones.count())] == ["America/New_York"]
    assert widget.time_zone() == "America/New_York"
    zones.set_time_zone("Mars/Olympus")  # not a zone: nothing added, nothing changed
    assert zones.count() == 1
    assert zones.time_zone() == "America/New_York"
    chosen: list[str] = []
    widget.sig_time_zone_changed.connect(chosen.append)
    widget.show()
    zones.lineEdit().selectAll()
    qtbot.keyClicks(zones.lineEdit(), "As")  # the first key lists them all
    assert zones.count() > 400
    assert zones.lineEdit().text() == "As"  # and what is being typed stays
    assert zones.itemText(zones.currentIndex()) == "America/New_York"
    assert zones.findText("Asia/Tokyo") >= 0
    zones.lineEdit().selectAll()
    qtbot.keyClicks(zones.lineEdit(), "Asia/Tokyo")
    qtbot.keyClick(zones.lineEdit(), Qt.Key.Key_Return)
    assert widget.time_zone() == "Asia/Tokyo"
    assert chosen[-1] == "Asia/Tokyo"
