"""When and how long to wait before trying a request again."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from desktop.api.constants import (
    BACKOFF_BASE,
    BACKOFF_MAX,
    CANCEL_POLL_INTERVAL,
    RETRY_AFTER_MAX,
)
from desktop.api.errors import RequestCancelledError
from desktop.clock import SYSTEM_CLOCK

#: Answers True once the person has pressed Cancel.
CancelCheck = Callable[[], bool]
Sleep = Callable[[float], None]


def parse_retry_after(value: str | None, *, now: datetime | None = None,
                      cap: float = RETRY_AFTER_MAX) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date).

    None when the header is missing or unreadable; never negative; never more than ``cap``.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    seconds: float
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:  # an HTTP date is always GMT
            when = when.replace(tzinfo=UTC)
        seconds = float((when - (now or SYSTEM_CLOCK.now())).total_seconds())
    if math.isnan(seconds):
        return None
    return float(min(max(seconds, 0.0), cap))


def backoff_delay(failures: int, *, base: float = BACKOFF_BASE, cap: float = BACKOFF_MAX,
                  rng: Callable[[], float] = random.random) -> float:
    """Exponential backoff with jitter after ``failures`` failed tries (1 = after the first).

    Half of the delay is fixed and half random ("equal jitter"), so desks that failed together
    do not all come back in the same instant, yet every wait is at least half the nominal one.
    """
    nominal = min(cap, base * 2.0 ** min(max(failures - 1, 0), 30))
    return nominal / 2 + rng() * nominal / 2


def wait(seconds: float, *, sleep: Sleep = time.sleep, cancel: CancelCheck | None = None) -> None:
    """Sleep ``seconds``; with a cancel check, in short slices, raising RequestCancelledError
    as soon as it answers True."""
    if seconds <= 0:
        return
    if cancel is None:
        sleep(seconds)
        return
    # Count down by slices rather than by the clock, so an injected sleep works the same.
    remaining = seconds
    while remaining > 0:
        if cancel():
            raise RequestCancelledError()
        step = min(CANCEL_POLL_INTERVAL, remaining)
        sleep(step)
        remaining -= step
    if cancel():
        raise RequestCancelledError()
