"""The drafts file cannot be opened at start-up: a dialog says why and offers to quit or to
work on with drafts kept for this session only; the file is left exactly as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.outbox.errors import OpenProblem, OutboxUnavailableError
from desktop.outbox.store import FILE_NAME
from desktop.sandbox.server import SandboxServer
from desktop.ui.application import WindowCoordinator
from desktop.ui.outbox_trouble import TroubleChoice
from desktop.ui.sign_in.session import SessionController
from tests.helpers.booking_desk import Desk
from tests.helpers.windows import WAIT_MS, app_session


def newer_drafts_file(data_dir: Path) -> Path:
    """A drafts file written by a future Frontdesk (schema version 99)."""
    data_dir.mkdir(parents=True)
    path = data_dir / FILE_NAME
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future (x)")
        conn.execute("PRAGMA user_version = 99")
    return path


Starting = tuple[SessionController, WindowCoordinator, list[OutboxUnavailableError]]


@pytest.fixture
def starting(sandbox: SandboxServer, tmp_path: Path) -> Iterator[Starting]:
    with app_session(sandbox, tmp_path / "data", tmp_path / "settings.json") as (
            session, coordinator):
        yield session, coordinator, []


def test_a_newer_drafts_file_is_left_alone_and_the_desk_works_on(
        qtbot: QtBot, tmp_path: Path, starting: Starting) -> None:
    session, coordinator, asked = starting
    drafts = newer_drafts_file(tmp_path / "data")
    before = drafts.read_bytes()

    def answer(error: OutboxUnavailableError) -> TroubleChoice:
        asked.append(error)
        return TroubleChoice.SESSION_ONLY

    coordinator.ask_outbox_trouble = answer
    session.start()
    qtbot.waitUntil(lambda: coordinator.window is not None, timeout=WAIT_MS)
    window = coordinator.window
    assert window is not None
    assert asked[0].reason is OpenProblem.NEWER_SCHEMA
    assert "newer" in str(asked[0]).lower()
    assert "until Frontdesk closes" in window.indicators.drafts.text()
    window.show_booking()
    qtbot.waitUntil(lambda: window.page.service_picker.count() > 0, timeout=WAIT_MS)
    desk = Desk(qtbot, window.page)
    desk.first_time("sv-massage")
    desk.find_client("garcia")
    desk.book_and_wait()  # booking works as usual
    assert drafts.read_bytes() == before  # the future's file, untouched


def test_quit_is_the_other_way(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        starting: Starting) -> None:
    session, coordinator, asked = starting
    newer_drafts_file(tmp_path / "data")
    quits: list[bool] = []
    monkeypatch.setattr("desktop.ui.application.QApplication.quit",
                        lambda: quits.append(True))

    def answer(error: OutboxUnavailableError) -> TroubleChoice:
        asked.append(error)
        return TroubleChoice.QUIT

    coordinator.ask_outbox_trouble = answer
    session.start()
    qtbot.waitUntil(lambda: bool(quits), timeout=WAIT_MS)
    assert coordinator.window is None
