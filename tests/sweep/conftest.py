"""Fixtures of the calendar sweep: a sandbox business at a chosen moment (its zone, its
staff's hours), the receptionist's computer in a chosen zone, and the real window on both.

``business_at(moment)`` pins the sandbox's clock (a ``ManualClock``: exact instants for what
is asked over HTTP); ``desk_at(moment)`` starts it on a ``StartedClock`` (the window's timers
and waits need a clock that runs) and opens the real window on that same clock, on the Book
page, with the computer's ``TZ`` set to the moment's machine zone.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from desktop.api.client import BookingClient
from desktop.clock import Clock, ManualClock, StartedClock
from desktop.sandbox.server import SandboxServer
from desktop.ui.booking.page import BookingPage
from desktop.ui.booking.slot_picker import SlotPicker
from desktop.ui.formatting import from_qdate
from desktop.ui.main_window import MainWindow
from tests.sweep.moments import Moment

WAIT_MS = 10_000
Business = tuple[SandboxServer, httpx.Client]


@pytest.fixture
def machine_zone() -> Iterator[Callable[[str], None]]:
    """``machine_zone("Europe/Madrid")``: the computer's own zone (``TZ``) for this test;
    put back afterwards."""
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def business_at() -> Iterator[Callable[..., Business]]:
    """``business_at(moment, staff_hours=None, clock=None)``: a started sandbox in the
    moment's zone, its clock a ManualClock at the moment (or ``clock``), and a client with a
    token of it good for 90 days (tests move the clock by weeks). Stopped after the test."""
    with ExitStack() as stack:
        def start(moment: Moment, *, staff_hours: dict[str, Any] | None = None,
                  clock: Clock | None = None) -> Business:
            server = stack.enter_context(SandboxServer(
                clock=clock or ManualClock(moment.when), time_zone=moment.zone,
                staff_hours=staff_hours))
            client = stack.enter_context(httpx.Client(
                base_url=server.url, timeout=10,
                headers={"Authorization":
                         f"Bearer {server.staff_token(expires_in=90 * 86400)}"}))
            return server, client
        yield start


class SandboxTime:
    """The sandbox's clock, whichever it is now: ``sandbox.set_now`` replaces a running clock
    by one started at the new moment, and the window reads this, so both jump together."""

    def __init__(self, sandbox: SandboxServer) -> None:
        self._sandbox = sandbox

    def now(self) -> datetime:
        return self._sandbox.clock.now()

    def monotonic(self) -> float:
        return self._sandbox.clock.monotonic()


class DeskAt:
    """The real window at a moment, and what the receptionist reads on its Book page."""

    def __init__(self, qtbot: QtBot, window: MainWindow, sandbox: SandboxServer) -> None:
        self.qtbot = qtbot
        self.window = window
        self.sandbox = sandbox

    @property
    def page(self) -> BookingPage:
        return self.window.page

    @property
    def picker(self) -> SlotPicker:
        return self.page.slot_picker

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.page.busy.waiting, timeout=WAIT_MS)

    def choose(self, service_id: str, staff_id: str | None = None) -> None:
        """Pick a service (and staff member); wait until its month's times are on screen."""
        assert self.page.service_picker.select_service_id(service_id), service_id
        if staff_id is not None:
            assert self.page.staff_picker.select_staff_id(staff_id), staff_id
        self.wait_times()

    def wait_times(self) -> None:
        self.qtbot.waitUntil(lambda: "Loading" not in self.picker.status.text()
                             and not self.page.busy.waiting, timeout=WAIT_MS)

    def first_selectable_day(self) -> date:
        return from_qdate(self.picker.calendar.minimumDate())

    def shown_month(self) -> tuple[int, int]:
        return self.picker.visible_month()

    def selected_day(self) -> date:
        return from_qdate(self.picker.calendar.selectedDate())

    def show_day(self, day: date) -> list[str]:
        """Go to ``day`` (its month first, if needed) and read its listed times."""
        if (day.year, day.month) != self.shown_month():
            self.picker.calendar.setCurrentPage(day.year, day.month)
            self.wait_times()
        self.picker.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        return self.times()

    def times(self) -> list[str]:
        listed = self.picker.slot_list
        return [listed.item(row).text() for row in range(listed.count())]


@pytest.fixture
def desk_at(qtbot: QtBot, machine_zone: Callable[[str], None], tmp_path: Path
            ) -> Iterator[Callable[..., DeskAt]]:
    """``desk_at(moment, staff_hours=None)``: the window on the Book page, the computer in
    the moment's machine zone, window and sandbox on one clock started at the moment
    (``sandbox.set_now`` moves both)."""
    with ExitStack() as stack:
        def start(moment: Moment, *, staff_hours: dict[str, Any] | None = None) -> DeskAt:
            machine_zone(moment.machine_zone)
            sandbox = stack.enter_context(SandboxServer(
                clock=StartedClock(moment.when), time_zone=moment.zone,
                staff_hours=staff_hours))
            clock = SandboxTime(sandbox)
            client = stack.enter_context(BookingClient(
                sandbox.url, sandbox.staff_token(expires_in=30 * 86400), clock=clock))
            business = client.get_business(sandbox.business_id)
            window = MainWindow(client, business, demo=True,
                                data_dir=tmp_path / f"data-{moment.name}", clock=clock)
            qtbot.addWidget(window)
            stack.callback(window.shutdown)
            window.show()
            window.start()
            qtbot.waitUntil(lambda: not window.day.work.waiting, timeout=WAIT_MS)
            window.show_booking()
            qtbot.waitUntil(lambda: window.page.service_picker.count() > 0, timeout=WAIT_MS)
            return DeskAt(qtbot, window, sandbox)
        yield start
