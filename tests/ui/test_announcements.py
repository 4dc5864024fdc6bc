"""What a screen reader is told without moving the focus: a booking made, a booking kept
offline, the connection lost, an error, a day action (with how to undo it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.sandbox.server import SandboxServer
from desktop.ui.announce import announcer
from desktop.ui.booking.message_banner import Tone
from desktop.ui.main_window import MainWindow
from tests.helpers.booking_desk import Desk
from tests.helpers.day_desk import DayDesk
from tests.helpers.windows import WAIT_MS


@pytest.fixture
def heard() -> Iterator[list[tuple[str, bool]]]:
    said: list[tuple[str, bool]] = []

    def hear(message: str, assertive: bool) -> None:
        said.append((message, assertive))

    announcer().sig_announced.connect(hear)
    yield said
    announcer().sig_announced.disconnect(hear)


def test_a_booking_is_announced(qtbot: QtBot, window: MainWindow, desk: Desk,
                                heard: list[tuple[str, bool]]) -> None:
    desk.first_time("sv-physio")
    desk.find_client("an")
    desk.book_and_wait()
    spoken = [message for message, _ in heard if message.startswith("Appointment booked for")]
    assert spoken, heard
    assert window.page.confirmation.accessibleName() == spoken[-1]


def test_going_offline_and_keeping_the_booking_are_announced(
        qtbot: QtBot, window: MainWindow, desk: Desk, sandbox: SandboxServer,
        heard: list[tuple[str, bool]]) -> None:
    desk.first_time("sv-physio")
    desk.find_client("an")
    sandbox.faults.update(refuse_connections=True)
    window.page.book()
    qtbot.waitUntil(lambda: any(m.startswith("Saved") for m, _ in heard), timeout=WAIT_MS)
    assert ("Offline: bookings are kept as drafts and sent later", True) in heard
    saved = next(item for item in heard if item[0].startswith("Saved"))
    assert saved[1] is False  # good news is polite: it does not interrupt


def test_errors_interrupt_and_information_waits(window: MainWindow,
                                                heard: list[tuple[str, bool]]) -> None:
    window.page.banner.show_message("The booking service had a problem.", Tone.ERROR)
    window.page.banner.show_message("Pick another time.", Tone.INFO)
    assert heard[-2:] == [("The booking service had a problem.", True),
                          ("Pick another time.", False)]
    assert window.page.banner.accessibleDescription() == "Information"


def test_a_day_action_is_announced_with_its_undo_key(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer,
        heard: list[tuple[str, bool]]) -> None:
    desk = DayDesk(qtbot, day_window, day_sandbox)
    entry = desk.upcoming_booked()[0]
    desk.choose(entry)
    day_window.day.details.no_show_button.click()
    qtbot.waitUntil(lambda: day_window.day.toast.offering, timeout=WAIT_MS)
    assert (f"{entry.client_text()} marked as no-show. Undo with Alt+U.", False) in heard
    desk.let_it_go()
