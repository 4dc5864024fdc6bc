"""Sign-in wiring of the whole app: the window opens on sign-in, and a 401 in the middle of a
booking asks for a new token and then carries on with everything typed still there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.sandbox.server import SandboxServer
from desktop.ui.application import WindowCoordinator
from desktop.ui.main_window import MainWindow
from desktop.ui.sign_in.dialog import SignInDialog
from desktop.ui.sign_in.session import SessionController
from tests.helpers.booking_desk import Desk
from tests.helpers.sign_in import button, edit, type_into
from tests.helpers.windows import WAIT_MS, app_session


@pytest.fixture
def signed_in(qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path
              ) -> Iterator[tuple[SessionController, WindowCoordinator, MainWindow]]:
    """The app's own start: a saved token, a silent sign-in, the window on screen with its
    services loaded."""
    with app_session(sandbox, tmp_path / "data", tmp_path / "settings.json") as (
            session, coordinator):
        session.start()
        qtbot.waitUntil(lambda: coordinator.window is not None, timeout=WAIT_MS)
        window = coordinator.window
        assert isinstance(window, MainWindow)
        qtbot.waitUntil(lambda: window.page.service_picker.count() > 0, timeout=WAIT_MS)
        yield session, coordinator, window


def test_silent_sign_in_opens_the_window(
        signed_in: tuple[SessionController, WindowCoordinator, MainWindow]) -> None:
    _session, _coordinator, window = signed_in
    assert window.business_label.text() == "Harbor Wellness Clinic"
    assert window.isVisible()


def test_a_401_mid_booking_asks_again_and_keeps_the_form(
        qtbot: QtBot, sandbox: SandboxServer,
        signed_in: tuple[SessionController, WindowCoordinator, MainWindow]) -> None:
    session, _coordinator, window = signed_in
    desk = Desk(qtbot, window.page)
    desk.first_time("sv-initial-consult")
    slot = window.page.selection.slot
    desk.open_new_client_form()
    typed = {"q_email": "rita.returns@example.org", "q_first": "Rita", "q_last": "Returns"}
    for field_id, text in typed.items():
        line = window.findChild(QLineEdit, f"field-{field_id}")
        assert line is not None
        line.setText(text)
    policy = window.findChild(QCheckBox, "field-p_cancel")
    assert policy is not None
    policy.setChecked(True)

    sandbox.faults.update(expire_tokens=True)
    with qtbot.waitSignal(session.sig_dialog_opened, timeout=WAIT_MS) as opened:
        window.page.book()
    dialog = opened.args[0]
    assert isinstance(dialog, SignInDialog)
    assert "expired" in dialog.message().lower()
    # While the dialog is up, nothing was lost.
    for field_id, text in typed.items():
        line = window.findChild(QLineEdit, f"field-{field_id}")
        assert line is not None
        assert line.text() == text
    assert window.page.selection.slot == slot

    sandbox.faults.update(expire_tokens=False)
    type_into(qtbot, edit(dialog, "token"), sandbox.staff_token())
    with qtbot.waitSignal(window.page.sig_booked, timeout=WAIT_MS) as booked:
        button(dialog, "sign-in").click()
    booking = booked.args[0]
    stored = [b for b in sandbox.state.bookings() if b["id"] == booking.id]
    assert len(stored) == 1
    assert slot is not None
    assert datetime.fromisoformat(stored[0]["start_time"]) == slot.start_time
    assert "Rita Returns" in window.page.confirmation.text()


def test_sign_out_closes_the_window_and_a_new_sign_in_opens_a_fresh_one(
        qtbot: QtBot, sandbox: SandboxServer,
        signed_in: tuple[SessionController, WindowCoordinator, MainWindow]) -> None:
    session, coordinator, first = signed_in
    with qtbot.waitSignal(session.sig_dialog_opened, timeout=WAIT_MS) as opened:
        first.action_sign_out.trigger()
    assert coordinator.window is None
    assert not first.isVisible()
    dialog = opened.args[0]
    type_into(qtbot, edit(dialog, "token"), sandbox.staff_token())
    button(dialog, "sign-in").click()
    qtbot.waitUntil(lambda: coordinator.window is not None, timeout=WAIT_MS)
    second = coordinator.window
    assert second is not None
    assert second is not first
    assert second.isVisible()
