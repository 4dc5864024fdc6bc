"""Dates, times, numbers and prices as each desk's locale writes them (QLocale, never
strftime): 24-hour clocks where the locale uses them, its weekday and month names, its first
day of the week, the service's own currency with the locale's digits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.ui.booking.slot_picker import SlotPicker
from desktop.ui.form.date_edit import OptionalDateEdit, full_year_date_format
from desktop.ui.formatting import (
    clock_time,
    day_and_month,
    long_day,
    money,
    number,
    time_in_zone,
)
from desktop.ui.translations import install
from tests.helpers.qt import application

WEDNESDAY = date(2027, 3, 10)
AFTERNOON = datetime(2027, 3, 10, 15, 30)


@pytest.fixture
def formats() -> Iterator[object]:
    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    install(application(), "en_US")


@pytest.mark.parametrize(("name", "clock", "day"), [
    ("en_US", "3:30\u202fPM", "Wednesday, March 10, 2027"),
    ("es_ES", "15:30", "miércoles, 10 de marzo de 2027"),
    ("de_DE", "15:30", "Mittwoch, 10. März 2027"),
    ("he_IL", "15:30", "יום רביעי, 10 במרץ 2027"),
])
def test_clock_and_day_as_the_locale_writes_them(formats: object, name: str, clock: str,
                                                  day: str) -> None:
    formats(name)  # type: ignore[operator]
    assert clock_time(AFTERNOON) == clock
    assert long_day(WEDNESDAY) == day


def test_short_days_keep_the_locales_order(formats: object) -> None:
    formats("en_US")  # type: ignore[operator]
    assert day_and_month(WEDNESDAY) == "Wed, Mar 10"
    formats("es_AR")  # type: ignore[operator]
    assert day_and_month(WEDNESDAY).startswith("mié 10")


def test_prices_in_the_services_currency_with_the_locales_digits(formats: object) -> None:
    formats("en_US")  # type: ignore[operator]
    assert money(1234.5, "USD") == "$1,234.50"
    assert money(90, "EUR") == "€90.00"
    formats("es_AR")  # type: ignore[operator]
    assert money(1234.5, "ARS") == "$\u00a01.234,50"
    assert money(90, "EUR") == "€\u00a090,00"
    formats("de_DE")  # type: ignore[operator]
    assert money(1234.5, "USD") == "1.234,50\u00a0$"
    assert money(10, "XYZ") == "10,00\u00a0XYZ"  # an unusual currency: its ISO code
    assert number(12345) == "12.345"


def test_a_time_that_happens_twice_carries_its_offset(formats: object) -> None:
    formats("de_DE")  # type: ignore[operator]
    first = datetime(2027, 11, 7, 5, 30, tzinfo=UTC)  # 01:30 EDT in New York
    second = datetime(2027, 11, 7, 6, 30, tzinfo=UTC)  # 01:30 EST
    assert time_in_zone(first, "America/New_York") == "01:30 (UTC−04:00)"
    assert time_in_zone(second, "America/New_York") == "01:30 (UTC−05:00)"


@pytest.mark.parametrize(("name", "first_day"), [
    ("en_US", Qt.DayOfWeek.Sunday), ("es_ES", Qt.DayOfWeek.Monday),
    ("es_AR", Qt.DayOfWeek.Monday), ("he_IL", Qt.DayOfWeek.Sunday),
    ("de_DE", Qt.DayOfWeek.Monday),
])
def test_calendars_start_the_week_where_the_locale_does(qtbot: QtBot, formats: object,
                                                        name: str,
                                                        first_day: Qt.DayOfWeek) -> None:
    formats(name)  # type: ignore[operator]
    picker = SlotPicker()
    qtbot.addWidget(picker)
    assert picker.calendar.firstDayOfWeek() == first_day
    assert isinstance(picker.calendar, QCalendarWidget)


def test_date_fields_use_the_locales_order_with_four_digit_years(qtbot: QtBot,
                                                                 formats: object) -> None:
    assert full_year_date_format(QLocale("en_US")) == "M/d/yyyy"
    assert full_year_date_format(QLocale("es_AR")) == "d/M/yyyy"
    assert full_year_date_format(QLocale("de_DE")) == "dd.MM.yyyy"
    formats("es_AR")  # type: ignore[operator]
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.set_date_or_none(date(1990, 5, 17))
    assert edit.text() == "17/5/1990"


def test_domain_sentences_write_times_through_the_desks_locale(formats: object) -> None:
    install(application(), "es_ES")
    moment = datetime(2027, 3, 10, 20, 30, tzinfo=UTC)
    assert i18n.clock_time(moment, "America/New_York") == "15:30"
    install(application(), "en_US")
    assert i18n.clock_time(moment, "America/New_York") == "3:30\u202fPM"
