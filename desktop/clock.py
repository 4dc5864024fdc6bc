"""One notion of "now" for the app and the sandbox, so time can be chosen in tests and demos.

Nothing else in ``desktop`` calls ``datetime.now()``, ``date.today()`` or Qt's
``currentDate()``: it asks a :class:`Clock`. In real use that is :data:`SYSTEM_CLOCK`;
``--now 2027-03-14T01:30-05:00`` gives a :class:`StartedClock` that starts at that moment and
moves on from there; tests travel with ``time-machine`` (which moves the system clock that
:class:`SystemClock` reads) or hold a :class:`ManualClock`.

Wall time (``now``) is for what a person sees and for what is stored; ``monotonic`` is for
waits, which must not stretch when the computer's clock is set back.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    """What code that needs the time depends on."""

    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back (for waits and deadlines)."""
        ...


class SystemClock:
    """The computer's clock (the one ``time-machine`` moves in tests)."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    def __repr__(self) -> str:
        return "SystemClock()"


class StartedClock:
    """Starts at ``start`` and runs at the speed of real time from there (``--now``)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the start moment must carry a UTC offset")
        self._start = start.astimezone(UTC)
        self._origin = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._origin)

    def monotonic(self) -> float:
        return time.monotonic()

    def __repr__(self) -> str:
        return f"StartedClock({self._start.isoformat()})"


class ManualClock:
    """Stands still until told to move: for tests that need exact instants."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the start moment must carry a UTC offset")
        self._lock = threading.Lock()
        self._now = start.astimezone(UTC)
        self._monotonic = 0.0

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def monotonic(self) -> float:
        with self._lock:
            return self._monotonic

    def advance(self, delta: timedelta | float) -> None:
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
        with self._lock:
            self._now += timedelta(seconds=seconds)
            if seconds > 0:
                self._monotonic += seconds

    def set(self, moment: datetime) -> None:
        """Jump the wall clock (as a person correcting the PC's time would); the monotonic
        clock does not move."""
        if moment.tzinfo is None:
            raise ValueError("the moment must carry a UTC offset")
        with self._lock:
            self._now = moment.astimezone(UTC)

    def __repr__(self) -> str:
        return f"ManualClock({self.now().isoformat()})"


SYSTEM_CLOCK: Clock = SystemClock()


def today_in(clock: Clock, zone: tzinfo) -> date:
    """The calendar day it is now in ``zone`` (a business's day, not the computer's)."""
    return clock.now().astimezone(zone).date()


def parse_moment(text: str) -> datetime:
    """A ``--now`` value: ISO 8601 with a UTC offset (``2027-03-14T01:30-05:00``, ``...Z``)."""
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"{text!r} is not a date and time like 2027-03-14T01:30-05:00") \
            from None
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no UTC offset; add one, e.g. -05:00 or Z")
    return moment
