"""Open appointment slots: working hours (a weekly template in the business's time zone)
minus what keeps the staff member busy (bookings, the event instances they lead).

Pure functions over plain data so they are easy to reason about; the caller holds the lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_STEP_MINUTES = 30

Interval = tuple[datetime, datetime]


def working_intervals(staff: dict[str, Any], day: date, tz: ZoneInfo) -> list[Interval]:
    """The staff member's working hours on ``day`` (a date in the business's zone)."""
    intervals: list[Interval] = []
    for start_text, end_text in staff.get("working_hours", {}).get(WEEKDAYS[day.weekday()], []):
        start = datetime.combine(day, time.fromisoformat(start_text), tz)
        end = datetime.combine(day, time.fromisoformat(end_text), tz)
        intervals.append((start, end))
    return intervals


def overlaps(start: datetime, end: datetime, busy: Iterable[Interval]) -> bool:
    return any(start < busy_end and busy_start < end for busy_start, busy_end in busy)


def slot_starts(staff: dict[str, Any], service: dict[str, Any], first_day: date, last_day: date,
                tz: ZoneInfo, busy: list[Interval], now: datetime) -> list[datetime]:
    """Every open start time of ``service`` with ``staff`` on business-zone days in range."""
    duration = timedelta(minutes=int(service["duration"]))
    step = timedelta(minutes=int(service.get("slot_step_minutes") or DEFAULT_STEP_MINUTES))
    starts: list[datetime] = []
    day = first_day
    while day <= last_day:
        for begin, finish in working_intervals(staff, day, tz):
            cursor = begin
            while cursor + duration <= finish:
                if cursor > now and not overlaps(cursor, cursor + duration, busy):
                    starts.append(cursor)
                cursor += step
        day += timedelta(days=1)
    return starts


def is_open(staff: dict[str, Any], service: dict[str, Any], start: datetime, tz: ZoneInfo,
            busy: list[Interval], now: datetime) -> bool:
    """Whether ``start`` can be booked: future, inside one working interval, not overlapping.

    Start times need not sit on the step grid: the real API books any free time.
    """
    if start <= now or not staff.get("active", True):
        return False
    end = start + timedelta(minutes=int(service["duration"]))
    day = start.astimezone(tz).date()
    inside = any(begin <= start and end <= finish
                 for begin, finish in working_intervals(staff, day, tz))
    return inside and not overlaps(start, end, busy)
