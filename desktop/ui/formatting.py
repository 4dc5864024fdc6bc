"""Dates, times and numbers as the desk's locale writes them (QLocale), in the business's zone.

The one place the UI turns a date or an instant into text: no ``strftime`` anywhere (its codes
differ by platform — ``%-d`` raises on Windows — and it ignores the desk's language).

A local time that happens twice on a DST day (01:30 on the first Sunday of November in New
York) is shown with its UTC offset, so the receptionist can tell the two apart.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, QTime


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def locale() -> QLocale:
    """The desk's locale (the application default, set at start from the system or the
    Preferences override)."""
    return QLocale()


def long_day(day: date) -> str:
    """``Wednesday, December 2, 2026`` / ``miércoles, 2 de diciembre de 2026``."""
    return locale().toString(to_qdate(day), QLocale.FormatType.LongFormat)


def month_name(day: date) -> str:
    """The month of ``day`` with its year: ``December 2027`` / ``diciembre de 2027``."""
    return locale().toString(to_qdate(day), "MMMM yyyy")


def day_and_month(day: date, *, weekday: bool = True) -> str:
    """A short day without the year, in the locale's order: ``Wed, Dec 2`` / ``mié 2 dic``."""
    here = locale()
    short = here.dateFormat(QLocale.FormatType.ShortFormat)
    day_first = short.find("d") < short.find("M")
    pattern = "d MMM" if day_first else "MMM d"
    if weekday:
        pattern = ("ddd " if day_first else "ddd, ") + pattern
    return here.toString(to_qdate(day), pattern)


def is_ambiguous(local: datetime) -> bool:
    """The wall time happens twice that day (the hour the clocks go back)."""
    other = local.replace(fold=1 - local.fold)
    return other.utcoffset() != local.utcoffset()


def offset_text(local: datetime) -> str:
    """``UTC−04:00`` for an aware local time."""
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def clock_time(local: datetime) -> str:
    """``9:30 AM`` / ``09:30`` for a wall time, as the locale writes it."""
    return locale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def time_in_zone(moment: datetime, zone: str) -> str:
    """The wall time of ``moment`` in ``zone``; with the offset when that time happens twice."""
    local = moment.astimezone(ZoneInfo(zone))
    text = clock_time(local)
    if is_ambiguous(local):
        text = f"{text} ({offset_text(local)})"
    return text


def time_here(moment: datetime) -> str:
    """The wall time of ``moment`` in the computer's own zone (its ``TZ``; for what is about
    this desk, not the business); with the offset when that time happens twice here."""
    local = moment.astimezone()
    text = clock_time(local)
    if _repeated_here(local):
        text = f"{text} ({offset_text(local)})"
    return text


def _repeated_here(local: datetime) -> bool:
    """The computer's zone is known only by offsets: the wall time happens twice when the
    offset of a day before or after also gives it."""
    wall = local.replace(tzinfo=None)
    around = {(local + timedelta(days=days)).astimezone().utcoffset() for days in (-1, 1)}
    for offset in around - {local.utcoffset(), None}:
        assert offset is not None
        other = (wall - offset).replace(tzinfo=UTC)
        if other.astimezone().replace(tzinfo=None) == wall:
            return True
    return False


def day_in_zone(moment: datetime, zone: str) -> date:
    return moment.astimezone(ZoneInfo(zone)).date()


def when_text(moment: datetime, zone: str) -> str:
    """``Wednesday, December 2, 2026, 9:30 AM`` in ``zone`` (the zone itself is said
    elsewhere, e.g. in the time-zone picker or the header)."""
    return f"{long_day(day_in_zone(moment, zone))}, {time_in_zone(moment, zone)}"


#: Symbols for the currencies a desk meets most; others are written with their ISO code.
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "ILS": "₪", "ARS": "$", "MXN": "$",
            "CAD": "$", "AUD": "$", "JPY": "¥", "BRL": "R$", "CLP": "$", "COP": "$"}


def money(amount: float, currency: str | None) -> str:
    """A price as the locale writes numbers, with the service's own currency: ``$90.00`` in
    en_US, ``$ 90,00`` in es_AR. A business's currency is not the desk's: the symbol comes
    from the service, the digits from the locale."""
    here = locale()
    code = (currency or "").upper()
    if not code:
        return here.toString(float(amount), "f", 2)
    symbol = _SYMBOLS.get(code, code)
    return here.toCurrencyString(float(amount), symbol)


def number(value: int) -> str:
    return locale().toString(value)
