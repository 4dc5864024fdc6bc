"""``frontdesk --demo --now ISO [--time-zone ZONE]``: the demo starts at a chosen moment (its
sandbox and window on one clock), the business in a chosen zone; bad values are one line."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import httpx
import pytest

DEMO = [sys.executable, "-m", "desktop.app", "--demo"]


def test_the_demo_starts_at_the_chosen_moment_in_the_chosen_zone() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([*DEMO, "--now", "2027-12-31T23:50-05:00", "--time-zone",
                                "Asia/Tokyo"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert process.stdout is not None
        line = ""
        for line in process.stdout:  # the sandbox's line comes first
            if "sandbox API at" in line:
                break
        found = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert found, line
        clock = httpx.get(found.group(0) + "/__sandbox/clock", timeout=10).json()["data"]
        assert clock["today"] == "2028-01-01"  # 13:50 on New Year's Day in Tokyo
        assert clock["business_now"].startswith("2028-01-01T13:5")
        assert clock["clock"].startswith("StartedClock(2028-01-01T04:50")
    finally:
        process.terminate()
        process.communicate(timeout=20)


@pytest.mark.parametrize("args", [["--now", "2027-03-14T01:30"], ["--time-zone", "Mars/X"]])
def test_bad_values_are_one_line_and_status_2(args: list[str]) -> None:
    done = subprocess.run([*DEMO, *args], capture_output=True, text=True, timeout=30,
                          check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith(f"frontdesk: error: {args[0]}")
