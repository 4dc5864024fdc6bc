"""The session: silent sign-in, sign-out, a 401 mid-session, expiry warnings."""

from __future__ import annotations

from typing import Any

import keyring
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.api.errors import AuthError
from desktop.api.models import Business, Service
from desktop.auth.messages import SAVED_TOKEN_REFUSED
from desktop.auth.settings import SettingsFile, resolve_connection_settings
from desktop.auth.token_store import SERVICE_NAME, TokenStore, keyring_username
from desktop.sandbox.server import SandboxServer
from desktop.ui.sign_in.dialog import SignInDialog
from desktop.ui.sign_in.session import SessionController
from desktop.ui.tasks import CancelToken, TaskRunner
from tests.helpers.sign_in import WAIT_MS, edit, fill, open_dialog, press_enter

BUSINESS_NAME = "Harbor Wellness Clinic"


def sign_in_through_dialog(qtbot: Any, controller: SessionController, token: str) -> None:
    dialog = open_dialog(qtbot, controller)
    fill(qtbot, dialog, token=token)
    with qtbot.waitSignal(controller.sig_signed_in, timeout=WAIT_MS):
        press_enter(qtbot, dialog)


def next_start(make_controller: Any) -> SessionController:
    """A new controller as app.py builds it on the next start (no command line, no env)."""
    connection = resolve_connection_settings({}, {}, SettingsFile())
    controller: SessionController = make_controller(connection.api_url, connection.business_id)
    return controller


def silent_next_start(qtbot: Any, make_controller: Any) -> tuple[SessionController, Business]:
    """The next start signs in without opening any dialog; the controller and its business
    (the sample one)."""
    controller = next_start(make_controller)
    dialogs: list[object] = []
    controller.sig_dialog_opened.connect(dialogs.append)
    with qtbot.waitSignal(controller.sig_signed_in, timeout=WAIT_MS) as signed_in:
        controller.start()
    business: Business = signed_in.args[0]
    assert business.name == BUSINESS_NAME
    assert dialogs == []
    return controller, business


def test_next_start_signs_in_silently_from_the_keyring(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any) -> None:
    first = make_controller(sandbox.url, sandbox.business_id)
    sign_in_through_dialog(qtbot, first, sandbox.staff_token())
    first.shutdown()

    second, _business = silent_next_start(qtbot, make_controller)
    assert not any(isinstance(w, SignInDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    assert second.client.get_business(sandbox.business_id).name == BUSINESS_NAME


def test_a_refused_saved_token_opens_the_dialog_prefilled(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any,
        settings_file: SettingsFile) -> None:
    settings_file.update(api_url=sandbox.url, business_id=sandbox.business_id)
    TokenStore().save(sandbox.url, sandbox.business_id, sandbox.staff_token(expires_in=-60))

    controller = next_start(make_controller)
    dialog = open_dialog(qtbot, controller)
    assert dialog.message() == SAVED_TOKEN_REFUSED
    assert edit(dialog, "api-url").text() == sandbox.url
    assert edit(dialog, "business-id").text() == sandbox.business_id
    assert edit(dialog, "token").text() == ""
    assert not controller.signed_in

    fresh = sandbox.staff_token()
    fill(qtbot, dialog, token=fresh)
    with qtbot.waitSignal(controller.sig_signed_in, timeout=WAIT_MS):
        press_enter(qtbot, dialog)
    username = keyring_username(sandbox.url, sandbox.business_id)
    assert keyring.get_password(SERVICE_NAME, username) == fresh


def test_sign_out_removes_the_secret_and_asks_again(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any) -> None:
    controller = make_controller(sandbox.url, sandbox.business_id)
    sign_in_through_dialog(qtbot, controller, sandbox.staff_token())
    username = keyring_username(sandbox.url, sandbox.business_id)
    assert keyring.get_password(SERVICE_NAME, username) is not None

    with qtbot.waitSignal(controller.sig_signed_out, timeout=WAIT_MS), \
            qtbot.waitSignal(controller.sig_dialog_opened, timeout=WAIT_MS) as opened, \
            qtbot.waitSignal(controller.sig_token_forgotten, timeout=WAIT_MS):
        controller.sign_out()  # the keyring is asked on a worker, never the GUI thread
    assert keyring.get_password(SERVICE_NAME, username) is None
    assert not controller.signed_in
    assert controller.client is None
    dialog = opened.args[0]
    assert edit(dialog, "api-url").text() == sandbox.url
    assert edit(dialog, "business-id").text() == sandbox.business_id
    assert edit(dialog, "token").text() == ""


def test_a_401_mid_session_pauses_asks_for_a_new_token_and_resumes_the_work(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any) -> None:
    controller = make_controller(sandbox.url, sandbox.business_id)
    sign_in_through_dialog(qtbot, controller, sandbox.staff_token())
    client = controller.client
    runner = TaskRunner()
    results: list[list[Service]] = []
    failures: list[BaseException] = []

    def load_services(cancel: CancelToken) -> list[Service]:
        return client.list_services(sandbox.business_id)

    sandbox.faults.update(expire_tokens=True)  # every token now answers 401
    with qtbot.waitSignal(controller.sig_paused, timeout=WAIT_MS), \
            qtbot.waitSignal(controller.sig_dialog_opened, timeout=WAIT_MS) as opened:
        controller.run_authenticated(runner, load_services, results.append, failures.append)
        controller.run_authenticated(runner, load_services, results.append, failures.append)
    dialog = opened.args[0]
    qtbot.waitExposed(dialog)
    assert controller.paused
    assert dialog.message().startswith("Your sign-in has expired")
    assert edit(dialog, "api-url").text() == sandbox.url
    assert edit(dialog, "business-id").text() == sandbox.business_id
    assert edit(dialog, "business-id").isReadOnly()
    qtbot.waitUntil(lambda: runner.active_count == 0, timeout=WAIT_MS)
    assert controller.active_dialog is dialog  # both 401s share one dialog
    assert results == []
    assert failures == []

    sandbox.faults.update(expire_tokens=False)
    fresh = sandbox.staff_token(expires_in=7200)
    fill(qtbot, dialog, token=fresh)
    with qtbot.waitSignal(controller.sig_resumed, timeout=WAIT_MS):
        press_enter(qtbot, dialog)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=WAIT_MS)
    assert failures == []
    assert all(services for services in results)
    assert controller.client is client  # same client, new token: the caller's work is kept
    assert not controller.paused
    username = keyring_username(sandbox.url, sandbox.business_id)
    assert keyring.get_password(SERVICE_NAME, username) == fresh
    runner.shutdown()


def test_giving_up_on_the_new_token_fails_the_waiting_work(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any) -> None:
    controller = make_controller(sandbox.url, sandbox.business_id)
    sign_in_through_dialog(qtbot, controller, sandbox.staff_token())
    runner = TaskRunner()
    failures: list[BaseException] = []
    sandbox.faults.update(expire_tokens=True)
    with qtbot.waitSignal(controller.sig_dialog_opened, timeout=WAIT_MS) as opened:
        controller.run_authenticated(
            runner, lambda _c: controller.client.get_business(sandbox.business_id),
            None, failures.append)
    with qtbot.waitSignal(controller.sig_sign_in_cancelled, timeout=WAIT_MS):
        opened.args[0].reject()
    assert len(failures) == 1
    assert isinstance(failures[0], AuthError)
    assert controller.signed_in  # still signed in: the next 401 asks again
    runner.shutdown()


def test_expiry_warning_a_day_before(qtbot: Any, sandbox: SandboxServer, real_keyring: Any,
                                     make_controller: Any) -> None:
    soon = make_controller(sandbox.url, sandbox.business_id)
    warnings: list[str] = []
    soon.sig_expiry_warning.connect(warnings.append)
    sign_in_through_dialog(qtbot, soon, sandbox.staff_token(expires_in=12 * 3600))
    assert len(warnings) == 1
    assert "Your sign-in expires in about 12 hours" in warnings[0]
    soon.sign_out(show_dialog=False)
    assert warnings[-1] == ""  # cleared

    later = make_controller(sandbox.url, sandbox.business_id)
    quiet: list[str] = []
    later.sig_expiry_warning.connect(quiet.append)
    sign_in_through_dialog(qtbot, later, sandbox.staff_token(expires_in=3 * 86400))
    later.check_expiry()
    assert quiet == []


def test_offline_start_uses_the_saved_token_and_the_remembered_business(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any) -> None:
    first = make_controller(sandbox.url, sandbox.business_id)
    sign_in_through_dialog(qtbot, first, sandbox.staff_token())
    first.shutdown()
    sandbox.faults.update(refuse_connections=True)

    _second, business = silent_next_start(qtbot, make_controller)
    assert business.time_zone == "America/New_York"


def test_session_only_is_offered_again_when_the_token_expires(
        qtbot: Any, sandbox: SandboxServer, fail_keyring: Any, make_controller: Any) -> None:
    controller = make_controller(sandbox.url, sandbox.business_id)
    dialog = open_dialog(qtbot, controller)
    dialog.session_only_box.setChecked(True)
    fill(qtbot, dialog, token=sandbox.staff_token())
    with qtbot.waitSignal(controller.sig_signed_in, timeout=WAIT_MS):
        press_enter(qtbot, dialog)
    with qtbot.waitSignal(controller.sig_dialog_opened, timeout=WAIT_MS) as opened:
        controller.handle_auth_error()
    again = opened.args[0]
    assert again.session_only_box.isChecked()
    assert again.findChild(QLineEdit, "token").text() == ""
