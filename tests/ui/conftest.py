"""The real window on the shared sandbox (on Book), and on a sandbox of its own at a chosen
moment (on the Day view, Wednesday morning in the clinic)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.api.client import BookingClient
from desktop.clock import StartedClock, parse_moment
from desktop.sandbox.server import SandboxServer
from desktop.ui.main_window import MainWindow
from tests.helpers.booking_desk import Desk
from tests.helpers.windows import WAIT_MS, open_window, ready_to_book, window_on

#: Wednesday 10 March 2027, 09:05 in New York: three staff work, the day has begun.
MORNING = parse_moment("2027-03-10T09:05-05:00")


@pytest.fixture
def booking_client(sandbox: SandboxServer) -> Iterator[BookingClient]:
    with BookingClient(sandbox.url, sandbox.staff_token()) as client:
        yield client


@pytest.fixture
def window(qtbot: QtBot, sandbox: SandboxServer, booking_client: BookingClient,
           tmp_path: Path) -> Iterator[MainWindow]:
    main = open_window(qtbot, booking_client, sandbox.business_id, tmp_path / "data")
    # The window opens on the Day view: let it finish loading, then go to Book.
    qtbot.waitUntil(lambda: not main.day.work.waiting, timeout=WAIT_MS)
    ready_to_book(qtbot, main)  # these tests book
    yield main
    main.shutdown()


@pytest.fixture
def desk(qtbot: QtBot, window: MainWindow) -> Desk:
    return Desk(qtbot, window.page)


@pytest.fixture
def day_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(port=0, clock=StartedClock(MORNING)) as server:
        yield server


@pytest.fixture
def day_window(qtbot: QtBot, day_sandbox: SandboxServer, tmp_path: Path) -> Iterator[MainWindow]:
    with window_on(day_sandbox, tmp_path / "data", qtbot, size=(1280, 800)) as window:
        qtbot.waitUntil(lambda: bool(window.day.entries()), timeout=WAIT_MS)
        yield window
