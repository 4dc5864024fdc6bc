"""Retry-After reading, backoff bounds and cancellable waits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from desktop.api.constants import RETRY_AFTER_MAX
from desktop.api.errors import RequestCancelledError
from desktop.api.retry import backoff_delay, parse_retry_after, wait
from tests.api.helpers import SleepRecorder

NOW = datetime(2026, 3, 2, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(("header", "seconds"), [
    ("3", 3.0), (" 2.5 ", 2.5), ("0", 0.0), ("-4", 0.0), ("100000", RETRY_AFTER_MAX),
    (None, None), ("", None), ("soon", None), ("nan", None), ("inf", RETRY_AFTER_MAX),
])
def test_retry_after_in_seconds(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, now=NOW) == seconds


def test_retry_after_as_an_http_date() -> None:
    later = format_datetime(NOW + timedelta(seconds=12), usegmt=True)
    assert parse_retry_after(later, now=NOW) == pytest.approx(12)
    earlier = format_datetime(NOW - timedelta(hours=1), usegmt=True)
    assert parse_retry_after(earlier, now=NOW) == 0
    far = format_datetime(NOW + timedelta(days=2), usegmt=True)
    assert parse_retry_after(far, now=NOW) == RETRY_AFTER_MAX
    assert parse_retry_after("Mon, 99 Foo 2026 99:99:99 GMT", now=NOW) is None


def test_backoff_grows_and_stays_within_bounds() -> None:
    low = [backoff_delay(n, base=0.5, rng=lambda: 0.0) for n in range(1, 6)]
    high = [backoff_delay(n, base=0.5, rng=lambda: 1.0) for n in range(1, 6)]
    assert low == [0.25, 0.5, 1.0, 2.0, 4.0]
    assert high == [0.5, 1.0, 2.0, 4.0, 8.0]
    assert backoff_delay(500, base=0.5, cap=8.0) <= 8.0


def test_wait_without_cancel_sleeps_once() -> None:
    sleeps = SleepRecorder()
    wait(2.5, sleep=sleeps)
    assert sleeps.calls == [2.5]


def test_wait_with_cancel_sleeps_in_slices_and_stops_on_cancel() -> None:
    sleeps = SleepRecorder()
    wait(1.0, sleep=sleeps, cancel=lambda: False)
    assert sum(sleeps.calls) == pytest.approx(1.0)
    assert max(sleeps.calls) <= 0.1 + 1e-9

    stopped = SleepRecorder()
    with pytest.raises(RequestCancelledError):
        wait(30.0, sleep=stopped, cancel=lambda: len(stopped.calls) >= 3)
    assert len(stopped.calls) == 3
