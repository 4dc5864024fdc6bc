"""The one clock: system, started at a chosen moment, or moved by hand."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop import i18n
from desktop.clock import ManualClock, StartedClock, SystemClock, parse_moment, today_in


def test_started_clock_begins_at_the_chosen_moment_and_moves_on() -> None:
    start = parse_moment("2027-03-14T01:30-05:00")
    clock = StartedClock(start)
    first = clock.now()
    assert first.tzinfo is not None
    assert timedelta(0) <= first - start < timedelta(seconds=1)
    time.sleep(0.05)
    assert clock.now() > first


def test_manual_clock_moves_only_when_told_and_a_wall_jump_leaves_monotonic_alone() -> None:
    clock = ManualClock(datetime(2028, 2, 29, 23, 50, tzinfo=UTC))
    assert clock.now() == clock.now()
    clock.advance(timedelta(minutes=20))
    assert clock.now() == datetime(2028, 3, 1, 0, 10, tzinfo=UTC)
    assert clock.monotonic() == 1200
    clock.set(datetime(2028, 2, 29, 22, 10, tzinfo=UTC))  # someone set the PC's clock back
    assert clock.now().hour == 22
    assert clock.monotonic() == 1200


def test_today_is_the_business_day_not_the_computers() -> None:
    # 03:30 UTC on 1 January is still New Year's Eve in New York and already 1 Jan in Tokyo.
    clock = ManualClock(datetime(2027, 1, 1, 3, 30, tzinfo=UTC))
    assert today_in(clock, ZoneInfo("America/New_York")).isoformat() == "2026-12-31"
    assert today_in(clock, ZoneInfo("Asia/Tokyo")).isoformat() == "2027-01-01"


@pytest.mark.parametrize("text", ["2027-03-14T01:30", "yesterday", "2027-02-30T10:00Z"])
def test_a_moment_without_offset_or_not_a_date_is_refused_with_a_sentence(text: str) -> None:
    with pytest.raises(ValueError, match=r"2027|offset"):
        parse_moment(text)


def test_z_means_utc() -> None:
    assert parse_moment("2027-12-31T23:50Z") == datetime(2027, 12, 31, 23, 50, tzinfo=UTC)


def test_naive_starts_are_refused() -> None:
    with pytest.raises(ValueError, match="offset"):
        StartedClock(datetime(2027, 1, 1))


def test_system_clock_is_aware_utc() -> None:
    assert SystemClock().now().utcoffset() == timedelta(0)


def test_domain_text_is_english_until_a_translator_is_installed() -> None:
    assert i18n.translate("Outcome", "Booked.") == "Booked."
    i18n.install(lambda context, text: f"[{context}] {text}")
    try:
        assert i18n.translate("Outcome", "Booked.") == "[Outcome] Booked."
    finally:
        i18n.install(None)
    assert i18n.translate("Outcome", "Booked.") == "Booked."


def test_nothing_in_the_app_reads_the_wall_clock_but_the_clock() -> None:
    """Python's and Qt's "now" and "today" are read in desktop/clock.py only (the Book page's
    calendar, the form's date fields, the Retry-After date went through Qt or datetime
    before issue 11's sweep found them)."""
    calls = re.compile(r"datetime\.now\(|date\.today\(|time\.time\(|utcnow\(|"
                       r"currentDate\(|currentDateTime\(|currentSecsSinceEpoch\(")
    root = Path(__file__).resolve().parents[1] / "desktop"
    offenders = [f"{path.relative_to(root)}:{number}"
                 for path in sorted(root.rglob("*.py")) if path.name != "clock.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if calls.search(line)]
    assert offenders == []
