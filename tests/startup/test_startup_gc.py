"""Garbage collection is off while the app starts and back on once the window shows its day
and its services (or after a few seconds at the latest)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import startup_gc
from desktop.sandbox.server import SandboxServer
from desktop.ui import application
from tests.helpers.windows import WAIT_MS, window_on


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    yield
    startup_gc.resume()
    gc.unfreeze()
    gc.enable()


def test_pause_then_resume_freezes_what_exists() -> None:
    startup_gc.pause()
    assert not gc.isenabled()
    assert startup_gc.paused()
    kept = [object() for _ in range(10)]
    startup_gc.resume()
    assert gc.isenabled()
    assert not startup_gc.paused()
    assert gc.get_freeze_count() >= len(kept)
    startup_gc.resume()  # a second call changes nothing
    assert gc.isenabled()


def test_a_collector_switched_off_by_someone_else_stays_off() -> None:
    gc.disable()
    startup_gc.pause()
    assert not startup_gc.paused()
    startup_gc.resume()
    assert not gc.isenabled()


def test_collection_resumes_once_the_window_has_its_day_and_services(
        qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path) -> None:
    startup_gc.pause()
    with window_on(sandbox, tmp_path / "data", qtbot) as window:
        application._settle_once_shown(window)
        assert not gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=WAIT_MS)
        assert window.catalogue.loaded
        assert window.day.loader.book.has_day(window.day.day())
