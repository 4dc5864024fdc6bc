"""``frontdesk --demo --now MOMENT``: the demo's sandbox and window start at a chosen moment."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from desktop.clock import StartedClock, parse_moment
from desktop.sandbox.server import SandboxServer
from desktop.ui.main_window import MainWindow
from tests.helpers.windows import WAIT_MS, app_session

MOMENT = "2027-03-14T01:30-05:00"  # New York's spring-forward night, before the jump


def _frontdesk(*args: str, home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_CACHE_HOME": str(home / "cache")}
    return subprocess.Popen([sys.executable, "-m", "desktop", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_the_demo_sandbox_starts_at_the_chosen_moment(tmp_path: Path) -> None:
    demo = _frontdesk("--demo", "--now", MOMENT, home=tmp_path)
    try:
        assert demo.stdout is not None
        line = demo.stdout.readline()  # printed as soon as the sandbox listens
        found = re.search(r"sandbox API at (\S+)", line)
        assert found, line
        before = time.monotonic()
        clock = httpx.get(f"{found.group(1)}/__sandbox/clock", timeout=10).json()["data"]
    finally:
        demo.terminate()
        demo.wait(timeout=30)
    now = datetime.fromisoformat(clock["now"])
    started = parse_moment(MOMENT)
    # It started there and has been moving on since (for as long as the start took, at most).
    assert started <= now <= started + timedelta(seconds=60 + time.monotonic() - before)
    assert clock["today"] == "2027-03-14"


def test_the_demo_business_can_be_in_another_zone(tmp_path: Path) -> None:
    """``--time-zone``: the sample business in Tokyo, where 23:50 in New York on New Year's
    Eve is already 13:50 on New Year's Day."""
    demo = _frontdesk("--demo", "--now", "2027-12-31T23:50-05:00", "--time-zone", "Asia/Tokyo",
                      home=tmp_path)
    try:
        assert demo.stdout is not None
        found = re.search(r"sandbox API at (\S+)", demo.stdout.readline())
        assert found
        clock = httpx.get(f"{found.group(1)}/__sandbox/clock", timeout=10).json()["data"]
    finally:
        demo.terminate()
        demo.wait(timeout=30)
    assert clock["today"] == "2028-01-01"
    assert clock["business_now"].startswith("2028-01-01T13:5")
    assert clock["business_now"].endswith("+09:00")


@pytest.mark.parametrize(("args", "said"), [
    (["--now", MOMENT], "--now works only with --demo"),
    (["--demo", "--now", "2027-03-14 01:30"], "has no UTC offset"),
    (["--demo", "--now", "the ides of March"], "is not a date and time"),
    (["--time-zone", "Asia/Tokyo"], "--time-zone works only with --demo"),
    (["--demo", "--time-zone", "Mars/Olympus"], "is not an IANA time zone"),
])
def test_a_wrong_now_is_refused_with_a_reason(tmp_path: Path, args: list[str],
                                              said: str) -> None:
    refused = _frontdesk(*args, home=tmp_path)
    _out, err = refused.communicate(timeout=60)
    assert refused.returncode == 2
    assert said in err


def test_the_window_reads_the_clock_it_is_given(qtbot: QtBot, tmp_path: Path) -> None:
    """The coordinator hands its clock to the window: the Day view opens on the clock's
    day, not the machine's."""
    clock = StartedClock(datetime(2031, 7, 4, 15, 0, tzinfo=UTC))
    with SandboxServer(port=0, clock=clock) as sandbox, \
            app_session(sandbox, tmp_path / "data", tmp_path / "settings.json",
                        clock=clock) as (session, coordinator):
        session.start()
        qtbot.waitUntil(lambda: coordinator.window is not None, timeout=WAIT_MS)
        window = coordinator.window
        assert isinstance(window, MainWindow)
        assert window.clock is clock
        assert window.day.day() == date(2031, 7, 4)
