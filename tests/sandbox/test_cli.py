"""``python -m desktop.sandbox`` runs alone, prints what a person needs, stops on Ctrl+C."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest


@contextmanager
def sandbox_process(*args: str) -> Iterator[subprocess.Popen[str]]:
    """``python -m desktop.sandbox --port 0 *args``; killed afterwards if a test left it
    running (a failed assertion before its Ctrl+C)."""
    process = subprocess.Popen([sys.executable, "-m", "desktop.sandbox", "--port", "0", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def first_lines(process: subprocess.Popen[str], count: int) -> list[str]:
    assert process.stdout is not None
    return [process.stdout.readline().strip() for _ in range(count)]


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Ctrl+C, then what it printed after the lines already read."""
    process.send_signal(signal.SIGINT)
    return process.communicate(timeout=10)


def test_module_prints_url_business_and_token() -> None:
    with sandbox_process("--seed", "7") as process:
        lines = first_lines(process, 3)
        url = lines[0].rsplit(" ", 1)[-1]
        business = lines[1].rsplit(" ", 1)[-1]
        token = lines[2].rsplit(" ", 1)[-1]
        assert url.startswith("http://127.0.0.1:")
        assert business == "hwc-3f9a2b71"
        assert "12 h" in lines[2]
        answer = httpx.get(f"{url}/platform/v1/businesses/{business}",
                           headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200
        out, err = stop(process)
    assert process.returncode == 0, err
    assert f"GET /platform/v1/businesses/{business} 200" in out
    assert token not in out.split(lines[2], 1)[-1]  # never in a log line
    assert "Sandbox stopped." in out


def test_now_starts_the_clock_at_that_moment() -> None:
    with sandbox_process("--now", "2027-03-14T01:30-05:00", "--strict",
                         "--history", "500") as process:
        lines = first_lines(process, 6)
        url = lines[0].rsplit(" ", 1)[-1]
        clock = httpx.get(f"{url}/__sandbox/clock").json()["data"]
        assert clock["today"] == "2027-03-14"
        assert clock["business_now"].startswith("2027-03-14T01:3")
        assert "StartedClock" in clock["clock"]
        assert lines[3] == "Clock starts at 2027-03-14T01:30:00-05:00 and runs on"
        assert "'strict': True" in lines[4]
        assert lines[5].startswith("History: 500 past appointments")
        assert httpx.get(f"{url}/__sandbox/mode").json()["data"]["mode"]["strict"] is True
        stop(process)
    assert process.returncode == 0


def test_time_zone_puts_the_business_in_that_zone() -> None:
    with sandbox_process("--now", "2027-12-31T23:50-05:00",
                         "--time-zone", "Asia/Tokyo") as process:
        lines = first_lines(process, 5)
        url, business = lines[0].rsplit(" ", 1)[-1], lines[1].rsplit(" ", 1)[-1]
        assert lines[4] == "Business time zone: Asia/Tokyo"
        clock = httpx.get(f"{url}/__sandbox/clock").json()["data"]
        assert clock["today"] == "2028-01-01"  # 13:50 on New Year's Day in Tokyo
        assert clock["business_now"].startswith("2028-01-01T13:5")
        assert clock["business_now"].endswith("+09:00")
        token = lines[2].rsplit(" ", 1)[-1]
        shown = httpx.get(f"{url}/platform/v1/businesses/{business}",
                          headers={"Authorization": f"Bearer {token}"}).json()
        assert shown["data"]["business"]["time_zone"] == "Asia/Tokyo"
        stop(process)
    assert process.returncode == 0


@pytest.mark.parametrize("args", [["--now", "2027-03-14T01:30"], ["--now", "next week"],
                                  ["--history", "-3"], ["--time-zone", "Mars/Olympus"],
                                  ["--time-zone", "../etc/passwd"]])
def test_a_bad_value_is_one_line_and_status_2(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "desktop.sandbox", "--port", "0", *args],
                          capture_output=True, text=True, timeout=20, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("python -m desktop.sandbox: ")
    assert args[0] in lines[0]
