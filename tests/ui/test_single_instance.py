"""One Frontdesk per user and data folder: a second launch shows the first one's window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.sandbox.server import SandboxServer
from desktop.ui.single_instance import SingleInstance, ask_running_instance_to_show

ROOT = Path(__file__).resolve().parents[2]


def _launch(home: Path, sandbox: SandboxServer, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8",
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
               FRONTDESK_API_URL=sandbox.url, FRONTDESK_BUSINESS_ID=sandbox.business_id)
    return subprocess.Popen([sys.executable, "-m", "desktop", "--verbose", *extra], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")


def _wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_a_second_launch_brings_the_first_forward_and_quits(tmp_path: Path,
                                                             sandbox: SandboxServer) -> None:
    lock = tmp_path / "data" / "frontdesk" / "frontdesk.lock"
    first = _launch(tmp_path, sandbox)
    try:
        # The first instance holds the folder and has painted its window (it listens then).
        assert _wait_for(lambda: lock.exists() and ask_running_instance_to_show(lock), 30), \
            first.stderr.read() if first.poll() is not None else "first instance never ready"
        started = time.monotonic()
        second = _launch(tmp_path, sandbox)
        _out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        assert "already open" in err
        assert time.monotonic() - started < 15
        assert first.poll() is None, "the first instance must keep running"
    finally:
        first.send_signal(signal.SIGTERM)
        _, first_err = first.communicate(timeout=30)
    assert "asked for this window" in first_err
    assert first.returncode == 0


def test_the_lock_of_a_crashed_instance_does_not_lock_the_desk_out(tmp_path: Path,
                                                                  sandbox: SandboxServer) -> None:
    lock = tmp_path / "data" / "frontdesk" / "frontdesk.lock"
    first = _launch(tmp_path, sandbox)
    assert _wait_for(lambda: lock.exists() and ask_running_instance_to_show(lock), 30)
    first.kill()  # a crash: no clean-up at all
    first.communicate(timeout=30)
    again = _launch(tmp_path, sandbox)
    try:
        assert _wait_for(lambda: ask_running_instance_to_show(lock), 30), \
            "a new instance must take over the folder of a crashed one"
    finally:
        again.send_signal(signal.SIGTERM)
        again.communicate(timeout=30)


def test_each_data_folder_has_its_own_instance(qtbot: QtBot, tmp_path: Path) -> None:
    one = SingleInstance(AppPaths.under(tmp_path / "a").instance_lock)
    other = SingleInstance(AppPaths.under(tmp_path / "b").instance_lock)
    same = SingleInstance(AppPaths.under(tmp_path / "a").instance_lock)
    try:
        assert one.acquire()
        assert other.acquire()
        assert not same.acquire()
        one.listen()
        with qtbot.waitSignal(one.sig_show_requested, timeout=5000):
            assert ask_running_instance_to_show(one.lock_path)
    finally:
        one.release()
        other.release()
    assert same.acquire()
    same.release()
