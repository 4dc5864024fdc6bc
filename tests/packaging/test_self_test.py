"""``frontdesk --self-test`` from the source tree, as a real child process (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.self_test import choose_platform

ROOT = Path(__file__).resolve().parents[2]


def run_self_test(**env_changes: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    env.update(env_changes)
    return subprocess.run([sys.executable, "-m", "desktop", "--self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_self_test_books_one_appointment_and_passes() -> None:
    result = run_self_test()
    report = result.stdout
    assert result.returncode == 0, report + result.stderr
    lines = report.splitlines()
    assert lines[0].startswith("Frontdesk ")
    assert "self-test (source build" in lines[0]
    for name in ("resources", "metadata", "Qt platform plugin", "sandbox API", "main window",
                 "services loaded", "open time picked", "client picked", "booked",
                 "sandbox has it"):
        assert any(line.startswith(f"✔ {name}") for line in lines), f"{name}:\n{report}"
    # The keyring may be missing here (a warning), but it is always reported by name.
    assert any(line.startswith(("✔ keyring", "⚠ keyring")) for line in lines), report
    assert "is the only new one" in report
    assert lines[-1].startswith("Self-test passed")
    assert "✘" not in report


def test_a_missing_platform_plugin_fails_plainly_instead_of_aborting() -> None:
    result = run_self_test(QT_QPA_PLATFORM="nosuchplatform")
    assert result.returncode == 1
    assert "✘ Qt platform plugin" in result.stdout
    assert "'nosuchplatform' is not in this build" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("Self-test failed")
    assert "main window" not in result.stdout  # it stops at the first failure


def test_choose_platform_goes_offscreen_without_a_display() -> None:
    env: dict[str, str] = {}
    detail = choose_platform(env)
    if sys.platform.startswith("linux"):
        assert env["QT_QPA_PLATFORM"] == "offscreen"
        assert "offscreen" in detail


def test_choose_platform_keeps_a_given_platform_and_a_display() -> None:
    given = {"QT_QPA_PLATFORM": "xcb"}
    assert "given" in choose_platform(given)
    assert given == {"QT_QPA_PLATFORM": "xcb"}
    with_display = {"DISPLAY": ":0"}
    choose_platform(with_display)
    assert "QT_QPA_PLATFORM" not in with_display
