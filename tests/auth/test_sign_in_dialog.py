"""The sign-in dialog against the real sandbox over HTTP and the real keyring."""

from __future__ import annotations

import json
from typing import Any

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QProgressBar

from desktop.auth.settings import SettingsFile
from desktop.auth.token_store import SERVICE_NAME, keyring_username
from desktop.auth.urls import DEFAULT_API_URL
from desktop.sandbox.server import SandboxServer
from desktop.ui.sign_in.dialog import SignInDialog
from tests.helpers.sign_in import (
    WAIT_MS,
    button,
    closed_port,
    edit,
    fill,
    open_dialog,
    press_enter,
    user_dir_files,
)

BUSINESS_NAME = "Harbor Wellness Clinic"


def test_first_sign_in_keeps_the_token_in_the_keyring_and_the_rest_in_settings(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any,
        settings_file: SettingsFile) -> None:
    controller = make_controller(DEFAULT_API_URL, None)
    dialog = open_dialog(qtbot, controller)
    assert edit(dialog, "api-url").text() == DEFAULT_API_URL
    assert edit(dialog, "business-id").text() == ""
    token_edit = edit(dialog, "token")
    assert token_edit.echoMode() == QLineEdit.EchoMode.Password
    assert token_edit.accessibleName() == "Staff token"
    assert not dialog.findChild(QLabel, "keyring-notice").isVisible()

    token = sandbox.staff_token()
    fill(qtbot, dialog, api_url=sandbox.url, business_id=sandbox.business_id, token=token)
    assert token_edit.text() == token  # pasted with Ctrl+V into the password field
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=WAIT_MS):
        press_enter(qtbot, dialog)
    assert dialog.message() == f"Signed in to {BUSINESS_NAME}."
    with qtbot.waitSignal(controller.sig_signed_in, timeout=WAIT_MS) as signed_in:
        pass
    assert signed_in.args[0].name == BUSINESS_NAME
    assert controller.active_dialog is None

    username = keyring_username(sandbox.url, sandbox.business_id)
    assert username == f"{sandbox.url.removeprefix('http://')}|{sandbox.business_id}"
    assert keyring.get_password(SERVICE_NAME, username) == token

    stored = json.loads(settings_file.path.read_text())
    assert stored["api_url"] == sandbox.url
    assert stored["business_id"] == sandbox.business_id
    assert token not in settings_file.path.read_text()
    assert controller.client.get_business(sandbox.business_id).name == BUSINESS_NAME


def test_show_hide_toggle(qtbot: Any, real_keyring: Any, make_controller: Any) -> None:
    dialog = open_dialog(qtbot, make_controller(DEFAULT_API_URL, "biz"))
    toggle = button(dialog, "token-visibility")
    token_edit = edit(dialog, "token")
    assert toggle.text() == "Show"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert token_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert toggle.text() == "Hide"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert token_edit.echoMode() == QLineEdit.EchoMode.Password


def _expect_refusal(qtbot: Any, dialog: SignInDialog, expected: str) -> None:
    typed = (edit(dialog, "api-url").text(), edit(dialog, "business-id").text(),
             edit(dialog, "token").text())
    qtbot.mouseClick(button(dialog, "sign-in"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message() != "", timeout=WAIT_MS)
    assert expected in dialog.message()
    assert dialog.isVisible()
    assert dialog.credentials() is None
    assert (edit(dialog, "api-url").text(), edit(dialog, "business-id").text(),
            edit(dialog, "token").text()) == typed
    assert button(dialog, "sign-in").isEnabled()


@pytest.mark.parametrize(("case", "expected"), [
    ("wrong token", "The staff token was not accepted."),
    ("expired token", "The staff token was not accepted."),
    ("wrong business", "No business with the id “no-such-business” was found"),
    ("token of another business", "This staff token belongs to another business."),
    ("offline", "Could not reach http://127.0.0.1:"),
    ("http to another host", "The API URL must start with https://"),
    ("malformed url", "is not a web address"),
])
def test_each_failure_gets_its_sentence_and_keeps_what_was_typed(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any,
        case: str, expected: str) -> None:
    url, business, token = sandbox.url, sandbox.business_id, sandbox.staff_token()
    if case == "wrong token":
        token = token[:-6] + "AAAAAA"
    elif case == "expired token":
        token = sandbox.staff_token(expires_in=-60)
    elif case == "wrong business":
        business = "no-such-business"
    elif case == "token of another business":
        token = sandbox.tokens.mint(3600, business_id="another-business")
    elif case == "offline":
        url = f"http://127.0.0.1:{closed_port()}"
    elif case == "http to another host":
        url = "http://api.vcita.biz"
    elif case == "malformed url":
        url = "https://api vcita biz"
    dialog = open_dialog(qtbot, make_controller(DEFAULT_API_URL, None))
    fill(qtbot, dialog, api_url=url, business_id=business, token=token)
    _expect_refusal(qtbot, dialog, expected)
    assert keyring.get_password(SERVICE_NAME, keyring_username(sandbox.url, business)) is None
    assert user_dir_files() == []


def test_missing_fields_are_asked_for(qtbot: Any, real_keyring: Any,
                                      make_controller: Any) -> None:
    dialog = open_dialog(qtbot, make_controller(DEFAULT_API_URL, None))
    press_enter(qtbot, dialog)
    assert dialog.message() == "Enter the business id."
    fill(qtbot, dialog, business_id="biz-1")
    press_enter(qtbot, dialog)
    assert dialog.message() == "Paste the staff token."
    assert dialog.isVisible()


def test_cancel_stops_a_slow_check_and_esc_closes(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any) -> None:
    sandbox.faults.update(latency_ms=1500)
    controller = make_controller(sandbox.url, sandbox.business_id)
    dialog = open_dialog(qtbot, controller)
    fill(qtbot, dialog, token=sandbox.staff_token())
    press_enter(qtbot, dialog)
    busy = dialog.findChild(QProgressBar, "busy")
    assert dialog.busy
    assert busy.isVisible()
    assert not button(dialog, "sign-in").isEnabled()
    qtbot.mouseClick(button(dialog, "cancel"), Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert not busy.isVisible()
    assert dialog.isVisible()
    assert dialog.message() == "Cancelled. Nothing was saved."
    assert edit(dialog, "token").text()
    # The request still finishes in the background; its answer must change nothing.
    qtbot.wait(2000)
    assert dialog.credentials() is None
    username = keyring_username(sandbox.url, sandbox.business_id)
    assert keyring.get_password(SERVICE_NAME, username) is None

    with qtbot.waitSignal(controller.sig_sign_in_cancelled, timeout=WAIT_MS):
        qtbot.keyClick(edit(dialog, "token"), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not controller.signed_in


def test_without_a_keyring_the_dialog_says_so_and_offers_this_session_only(
        qtbot: Any, sandbox: SandboxServer, fail_keyring: Any, make_controller: Any) -> None:
    controller = make_controller(sandbox.url, sandbox.business_id)
    dialog = open_dialog(qtbot, controller)
    notice = dialog.findChild(QLabel, "keyring-notice")
    # The password store is asked on a worker (it can wait on D-Bus); its answer shows here.
    qtbot.waitUntil(notice.isVisible, timeout=WAIT_MS)
    assert "no password store (keyring)" in notice.text()
    assert "Use for this session only" in notice.text()
    session_only = dialog.findChild(QCheckBox, "session-only")
    assert session_only.isVisible()
    assert not session_only.isChecked()

    fill(qtbot, dialog, token=sandbox.staff_token())
    press_enter(qtbot, dialog)  # not chosen yet: asked to choose, nothing sent
    assert "Tick “Use for this session only”" in dialog.message()
    assert not dialog.busy

    qtbot.mouseClick(session_only, Qt.MouseButton.LeftButton, pos=session_only.rect().center())
    assert session_only.isChecked()
    with qtbot.waitSignal(controller.sig_signed_in, timeout=WAIT_MS):
        press_enter(qtbot, dialog)
    assert controller.credentials is not None
    assert controller.credentials.session_only
    assert controller.client.get_business(sandbox.business_id).name == BUSINESS_NAME
    assert user_dir_files() == []  # no settings file, no token file: nothing on disk
