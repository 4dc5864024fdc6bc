"""The staff token ends up in the keyring and nowhere else: no file, no log line, no error."""

from __future__ import annotations

import logging
import traceback
from datetime import date, timedelta
from typing import Any

import pytest

from desktop.api.errors import ApiError, AuthError
from desktop.api.models import BookingRequest
from desktop.sandbox.server import SandboxServer
from desktop.ui.tasks import TaskRunner
from tests.helpers.sample import SAMPLE_STAFF
from tests.helpers.sign_in import WAIT_MS, fill, open_dialog, press_enter, user_dir_files


def test_the_token_is_in_no_file_log_or_exception(
        qtbot: Any, sandbox: SandboxServer, real_keyring: Any, make_controller: Any,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    first_token = sandbox.staff_token()
    second_token = sandbox.staff_token(expires_in=7200)
    tokens = (first_token, second_token)
    errors: list[BaseException] = []
    controller = make_controller(sandbox.url, None)

    # A refused attempt first (wrong business), then the real sign-in.
    dialog = open_dialog(qtbot, controller)
    fill(qtbot, dialog, api_url=sandbox.url, business_id="wrong-business", token=first_token)
    press_enter(qtbot, dialog)
    qtbot.waitUntil(lambda: "No business" in dialog.message(), timeout=WAIT_MS)
    messages = [dialog.message()]
    fill(qtbot, dialog, business_id=sandbox.business_id)
    with qtbot.waitSignal(controller.sig_signed_in, timeout=WAIT_MS):
        press_enter(qtbot, dialog)
    messages.append(dialog.message())

    # A few calls and a booking.
    client = controller.client
    business_id = sandbox.business_id
    service = next(s for s in client.list_services(business_id) if not s.is_event)
    client.list_staff(business_id)
    start = date.today() + timedelta(days=1)
    slots = client.get_availability(business_id=business_id, service_id=service.id,
                                    start_date=start, end_date=start + timedelta(days=7),
                                    time_zone="UTC", staff_ids=SAMPLE_STAFF)
    slot = next(day_slots[0] for day_slots in slots.values() if day_slots)
    someone = client.search_clients(business_id, "a").clients[0]
    booking = client.create_booking(BookingRequest(
        business_id=business_id, service_id=service.id, staff_id=slot.staff_id,
        start_time=slot.start_time, time_zone="UTC", client_id=someone.id))
    assert booking.id in {b["id"] for b in sandbox.state.bookings()}
    try:  # the same slot again: refused
        client.create_booking(BookingRequest(
            business_id=business_id, service_id=service.id, staff_id=slot.staff_id,
            start_time=slot.start_time, time_zone="UTC", client_id=someone.id))
    except ApiError as exc:
        errors.append(exc)

    # The token expires mid-session: 401, new token, resumed.
    sandbox.faults.update(expire_tokens=True)
    runner = TaskRunner()
    with qtbot.waitSignal(controller.sig_dialog_opened, timeout=WAIT_MS) as opened:
        controller.run_authenticated(runner, lambda _c: client.list_staff(business_id))
    try:
        client.get_business(business_id)
    except AuthError as exc:
        errors.append(exc)
    sandbox.faults.update(expire_tokens=False)
    again = opened.args[0]
    qtbot.waitExposed(again)
    messages.append(again.message())
    fill(qtbot, again, token=second_token)
    with qtbot.waitSignal(controller.sig_resumed, timeout=WAIT_MS):
        press_enter(qtbot, again)
    qtbot.waitUntil(lambda: runner.active_count == 0, timeout=WAIT_MS)
    runner.shutdown()
    described = [repr(controller.credentials), str(controller.credentials), repr(client)]
    controller.sign_out(show_dialog=False)

    assert len(errors) == 2
    files = user_dir_files()
    assert files, "the settings file should exist"
    for path in files:
        content = path.read_bytes()
        for token in tokens:
            assert token.encode() not in content, path
    log_text = caplog.text + "\n".join(
        [r.getMessage() for r in caplog.records] + [r.exc_text or "" for r in caplog.records])
    assert "Signed in to business" in log_text  # the log was really captured
    error_text = "\n".join(
        [str(e) for e in errors] + [repr(e) for e in errors] + [repr(e.args) for e in errors]
        + ["".join(traceback.format_exception(e)) for e in errors])
    for token in tokens:
        assert token not in log_text
        assert token not in error_text
        assert all(token not in text for text in messages + described)
