"""Open appointment times: working hours (a weekly template of wall-clock times in the
business's zone) minus what keeps the staff member busy (bookings, event instances they lead).

Pure functions over plain data; the caller holds the lock. All arithmetic is done on UTC
instants, never on wall-clock times, so a day when clocks change is handled:

* a wall time that does not exist (clocks set forward: 02:30 on 14 Mar 2027 in New York) is
  never produced: an interval that starts or ends in the gap starts or ends at the jump;
* a wall time that happens twice (clocks set back: 01:30 on 7 Nov 2027) is a different instant
  each time, and both are offered when the staff member works then (each shown with its own
  UTC offset by whoever renders it).

Two ways to list times (see ``slot_starts``): by the service's own step with the whole
duration checked (the friendly sandbox), or on the platform's 10-minute grid where each listed
start is just a free 10-minute cell (strict mode; source: the vendor's OpenAPI file
``swagger/scheduling/legacy/legacy_v1_scheduling.json``, Create New Booking: "Availability slots
are returned at a fixed granularity (10 minutes) regardless of the service duration").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_STEP_MINUTES = 30
GRID_MINUTES = 10
#: No booking or event lasts longer than this (bounds the search for overlapping ones).
LONGEST = timedelta(hours=24)

Interval = tuple[datetime, datetime]


def wall_instant(day: date, wall: time, tz: ZoneInfo, *, later: bool = False) -> datetime:
    """The UTC instant when clocks in ``tz`` show ``wall`` on ``day``.

    A time that happens twice gives its first occurrence (its second with ``later``); a time
    that is skipped gives the instant of the jump, the first real moment after it.
    """
    naive = datetime.combine(day, wall)
    before = naive.replace(tzinfo=tz, fold=0).astimezone(UTC)
    after = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    if before == after:
        return before
    low, high = min(before, after), max(before, after)
    if before.astimezone(tz).replace(tzinfo=None) == naive:  # it happens twice
        return high if later else low
    return _jump_between(low, high, tz)


def exists(moment: datetime, tz: ZoneInfo) -> bool:
    """Whether a naive-or-aware wall time ``moment`` (read in ``tz``) is a real local time."""
    naive = moment.replace(tzinfo=None)
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz).replace(tzinfo=None) \
        == naive


def _jump_between(low: datetime, high: datetime, tz: ZoneInfo) -> datetime:
    """The first second in (low, high] that already has ``high``'s UTC offset."""
    target = high.astimezone(tz).utcoffset()
    lo, hi = int(low.timestamp()), int(high.timestamp())
    while hi - lo > 1:
        middle = (lo + hi) // 2
        if datetime.fromtimestamp(middle, tz).utcoffset() == target:
            hi = middle
        else:
            lo = middle
    return datetime.fromtimestamp(hi, UTC)


def working_intervals(staff: dict[str, Any], day: date, tz: ZoneInfo) -> list[Interval]:
    """The staff member's working hours on ``day`` (a date in ``tz``), as UTC intervals."""
    intervals: list[Interval] = []
    for start_text, end_text in staff.get("working_hours", {}).get(WEEKDAYS[day.weekday()], []):
        begin = wall_instant(day, time.fromisoformat(start_text), tz)
        end = wall_instant(day, time.fromisoformat(end_text), tz, later=True)
        if begin < end:
            intervals.append((begin, end))
    return intervals


def overlaps(start: datetime, end: datetime, busy: Iterable[Interval]) -> bool:
    return any(start < busy_end and busy_start < end for busy_start, busy_end in busy)


class BusyTimes:
    """A staff member's busy intervals, sorted, to ask "is [a, b) free?" cheaply."""

    def __init__(self, busy: Iterable[Interval]) -> None:
        self._busy = sorted(busy)
        self._starts = [start for start, _ in self._busy]

    def near(self, begin: datetime, end: datetime) -> list[Interval]:
        """Every busy interval that may overlap [begin, end)."""
        first = bisect_left(self._starts, begin - LONGEST)
        last = bisect_left(self._starts, end)
        return [item for item in self._busy[first:last] if item[1] > begin]

    def is_free(self, begin: datetime, end: datetime) -> bool:
        return not overlaps(begin, end, self.near(begin, end))


def slot_starts(staff: dict[str, Any], service: dict[str, Any], first_day: date, last_day: date,
                tz: ZoneInfo, busy: BusyTimes | Sequence[Interval], now: datetime, *,
                grid: bool = False) -> list[datetime]:
    """Open starts (UTC) of ``service`` with ``staff`` on days ``first_day``..``last_day`` of
    ``tz``, later than ``now``.

    By default every start where the whole service fits, at the service's own step. With
    ``grid`` every free 10-minute cell instead, whether or not the service would fit there.
    """
    if grid:
        step = length = timedelta(minutes=GRID_MINUTES)
    else:
        length = timedelta(minutes=int(service["duration"]))
        step = timedelta(minutes=int(service.get("slot_step_minutes") or DEFAULT_STEP_MINUTES))
    times = busy if isinstance(busy, BusyTimes) else BusyTimes(busy)
    starts: list[datetime] = []
    day = first_day
    while day <= last_day:
        for begin, finish in working_intervals(staff, day, tz):
            nearby = times.near(begin, finish)
            cursor = begin
            while cursor + length <= finish:
                if cursor > now and not overlaps(cursor, cursor + length, nearby):
                    starts.append(cursor)
                cursor += step
        day += timedelta(days=1)
    return starts


def is_open(staff: dict[str, Any], start: datetime, duration: int, tz: ZoneInfo,
            busy: BusyTimes | Sequence[Interval], now: datetime) -> bool:
    """Whether ``start`` can be booked for ``duration`` minutes: in the future, inside one
    working interval, overlapping nothing. Start times need not sit on any step or grid: the
    real API books any free time."""
    if start <= now or not staff.get("active", True):
        return False
    end = start + timedelta(minutes=duration)
    day = start.astimezone(tz).date()
    inside = any(begin <= start and end <= finish
                 for begin, finish in working_intervals(staff, day, tz))
    times = busy if isinstance(busy, BusyTimes) else BusyTimes(busy)
    return inside and times.is_free(start, end)
