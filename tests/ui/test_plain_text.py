"""Whatever the API sends is shown as text: markup in a business, service or staff name, or in
an error message, is never rendered as a headline, a link or an image."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.sandbox.server import SandboxServer
from desktop.ui.main_window import MainWindow
from tests.helpers.booking_desk import Desk
from tests.helpers.windows import WAIT_MS, ready_to_book, window_on

HOSTILE = ("<h1>PAY CASH AT DESK 2</h1><a href='https://evil.example/'>Re-enter your staff "
           "token here</a><img src='/etc/hostname'>")


@pytest.fixture
def hostile_window(qtbot: QtBot, sandbox: SandboxServer,
                   tmp_path: Path) -> Iterator[MainWindow]:
    data = sandbox.state.data
    data.business["name"] = HOSTILE
    massage = data.service("sv-massage")
    assert massage is not None
    massage["name"] = HOSTILE
    ramirez = data.staff_member("st-ramirez")
    assert ramirez is not None
    ramirez["display_name"] = HOSTILE
    with window_on(sandbox, tmp_path / "data", qtbot) as window:
        ready_to_book(qtbot, window)
        yield window


def _labels_showing_markup(window: MainWindow) -> list[QLabel]:
    return [label for label in window.findChildren(QLabel)
            if "<h1>" in label.text() and label.isVisible()]


def test_markup_from_the_api_stays_text_in_header_summary_and_confirmation(
        qtbot: QtBot, hostile_window: MainWindow) -> None:
    window = hostile_window
    desk = Desk(qtbot, window.page)
    desk.first_time("sv-massage")
    desk.find_client("garcia")
    desk.book_and_wait()
    qtbot.waitUntil(window.page.confirmation.isVisible, timeout=WAIT_MS)

    shown = _labels_showing_markup(window)
    names = {label.objectName() for label in shown}
    # The business header, and the confirmation's service and staff lines, carry the text.
    assert {"business-name", "confirmation-service", "confirmation-staff"} <= names
    for label in shown:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
        assert not label.openExternalLinks(), label.objectName()
    assert HOSTILE in window.windowTitle()  # a window title is always plain text


def test_a_refusal_whose_message_carries_markup_is_shown_as_text(
        qtbot: QtBot, hostile_window: MainWindow, sandbox: SandboxServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The server words its refusal with the form's own label, which here carries markup.
    first_name = sandbox.state.data.scheduling_form["form"]["sections"][0]["fields"][1][0]
    first_name["label"] = HOSTILE
    window = hostile_window
    desk = Desk(qtbot, window.page)
    desk.first_time("sv-massage")
    desk.open_new_client_form()
    form = window.page.form
    assert form is not None
    form.set_values({"q_email": "markup@example.org", "p_cancel": True})
    monkeypatch.setattr(form, "validate", lambda: [])  # let the server be the one to refuse

    window.page.book()
    qtbot.waitUntil(lambda: "<h1>" in window.page.banner.message(), timeout=WAIT_MS)

    for label in _labels_showing_markup(window):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert window.page.banner.text.textFormat() == Qt.TextFormat.PlainText
