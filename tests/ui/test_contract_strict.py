"""The vendor's verified behaviours (API.md, "What the vendor's own verified test workflows
add"), each through the real window against the sandbox in its strict mode."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.outbox.model import OperationStatus
from desktop.outbox.timing import Backoff
from desktop.sandbox.server import SandboxServer
from desktop.ui.main_window import MainWindow
from tests.helpers.booking_desk import Desk
from tests.helpers.windows import WAIT_MS, ready_to_book, window_on

BOOKINGS = "/platform/v1/scheduling/bookings"


@pytest.fixture
def strict(sandbox: SandboxServer) -> SandboxServer:
    sandbox.mode.update(strict=True)
    return sandbox


def _listed(window: MainWindow) -> list[Any]:
    picker = window.page.slot_picker
    return [picker.slot_list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(picker.slot_list.count())]


def test_an_existing_client_is_booked_with_the_forms_required_fields_from_the_record(
        window: MainWindow, desk: Desk, strict: SandboxServer) -> None:
    desk.first_time("sv-initial-consult")
    desk.find_client("garcia")  # ticks the required policy the record cannot accept
    client = window.page.selection.client
    assert client is not None
    booking = desk.book_and_wait()
    sent = strict.last_request_body(BOOKINGS)
    assert sent["client_id"] == client.id
    by_type = {f["type"]: f["new_data"] for f in sent["form_data"]["fields"]}
    assert by_type["email"] == client.email  # filled from the record, never invented
    assert sent["form_data"]["policies"] == {"p_cancel": True}
    assert strict.state.booking(booking.id) is not None  # type: ignore[attr-defined]


def test_a_required_field_the_record_lacks_is_asked_in_the_generated_form(
        window: MainWindow, desk: Desk, strict: SandboxServer, qtbot: QtBot) -> None:
    desk.first_time("sv-physio")
    desk.find_client("bianchi", accept_policies=False, answers={"q_concern_area": ""})
    details = window.page.details_host
    assert details.form is not None
    asked = {f.id for f in details.form.definition.fields()}
    assert {"q_concern_area", "p_cancel"} <= asked  # the service's question and the policy
    assert "q_email" not in asked  # the record has it
    window.page.book()
    assert "check the client's details" in window.page.banner.message()
    details.form.set_values({"q_concern_area": "Knee", "p_cancel": True})
    desk.book_and_wait()
    sent = strict.last_request_body(BOOKINGS)
    assert {"field_id": "q_concern_area", "type": "dropdown", "new_data": "Knee"} in \
        sent["form_data"]["fields"]


def test_staff_ids_go_comma_separated_for_appointments_and_events(
        window: MainWindow, desk: Desk, strict: SandboxServer, qtbot: QtBot) -> None:
    desk.choose_service("sv-phone-consult")
    desk.first_open_day()  # strict refuses availability without staff_ids_array
    window.page.event_mode.setChecked(True)
    desk.choose_service("sv-yoga")
    table = window.page.event_picker.table
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=WAIT_MS)


def test_only_starts_where_the_whole_visit_fits_are_offered_on_a_10_minute_grid(
        window: MainWindow, desk: Desk, strict: SandboxServer) -> None:
    desk.choose_service("sv-initial-consult")  # 60 minutes
    desk.first_open_day()
    listed = _listed(window)
    assert listed
    minutes = {s.start_time.minute % 10 for s in listed}
    assert minutes == {0}  # the grid
    starts = {(s.staff_id, s.start_time) for s in listed}
    # Every start the window offers is bookable: the sandbox (which checks the duration when
    # booking) accepts the last one of the day.
    last = max(listed, key=lambda s: s.start_time)
    assert (last.staff_id, last.start_time) in starts
    desk.pick_slot(next(r for r, s in enumerate(listed) if s is last))
    desk.find_client("garcia")
    desk.book_and_wait()


def test_a_grid_start_refused_as_not_fitting_is_treated_as_taken(
        window: MainWindow, desk: Desk, strict: SandboxServer, qtbot: QtBot) -> None:
    slot, client = desk.choose_booking("sv-initial-consult", "garcia")
    assert slot.staff_id is not None
    # Someone books 30 minutes into the hour: the start no longer fits (422).
    strict.state.take_slot(slot.staff_id, slot.start_time + timedelta(minutes=30),
                           "sv-phone-consult")
    window.page.book()
    qtbot.waitUntil(lambda: "just taken" in window.page.banner.message(), timeout=WAIT_MS)
    assert window.page.selection.client == client  # client and form kept
    assert window.page.selection.slot is None
    desk.wait_idle()
    assert all(s.start_time != slot.start_time or s.staff_id != slot.staff_id
               for s in _listed(window))


def test_the_object_shape_is_tried_once_and_remembered(
        window: MainWindow, desk: Desk, sandbox: SandboxServer) -> None:
    sandbox.mode.update(form_shape="object")
    for n in range(2):
        desk.first_time("sv-massage")  # the time booked first is gone from the list
        desk.open_new_client_form()
        form = window.page.form
        assert form is not None
        form.set_values({"q_email": f"shape{n}@example.org", "q_first": "Shape",
                         "q_phone": "+54 11 5555 0000", "p_cancel": True})
        desk.book_and_wait()
    posts = [p for m, p, s in sandbox.requests_log if m == "POST" and p == BOOKINGS]
    assert len(posts) == 3  # the first booking tried the array once, the second went straight
    sent = sandbox.last_request_body(BOOKINGS)
    assert isinstance(sent["form_data"]["fields"], dict)
    assert sent["form_data"]["fields"]["q_phone"]["value"]


def test_an_object_shaped_refusal_puts_each_message_by_its_field(
        window: MainWindow, desk: Desk, strict: SandboxServer, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    desk.first_time("sv-massage")
    desk.open_new_client_form()
    form = window.page.form
    assert form is not None
    form.set_values({"q_email": "not-an-address"})
    monkeypatch.setattr(form, "validate", lambda: [])  # the server is the one to refuse
    window.page.book()
    qtbot.waitUntil(lambda: form.error_text("q_email") is not None, timeout=WAIT_MS)
    assert form.error_text("q_first") is not None  # both fields named by the server
    label = window.findChild(QLabel, "error-q_email")
    assert label is not None
    assert label.isVisible()


@pytest.fixture
def limited_window(qtbot: QtBot, sandbox: SandboxServer,
                   tmp_path: Path) -> Iterator[MainWindow]:
    with window_on(sandbox, tmp_path / "data", qtbot, token=sandbox.limited_token()) as window:
        ready_to_book(qtbot, window)
        yield window


def test_a_403_names_what_is_not_allowed_and_everything_else_works(
        qtbot: QtBot, limited_window: MainWindow, sandbox: SandboxServer) -> None:
    window = limited_window
    asked_to_sign_in: list[object] = []
    window.page.sig_auth_failed.connect(asked_to_sign_in.append)
    window.day.sig_auth_failed.connect(asked_to_sign_in.append)
    desk = Desk(qtbot, window.page)
    picker = window.page.client_picker
    picker.search.setText("garcia")
    picker._search_now()
    qtbot.waitUntil(lambda: "not allowed" in picker.search_status.text(), timeout=WAIT_MS)
    assert "search clients" in picker.search_status.text()
    assert asked_to_sign_in == []
    # The rest of the window works: a new client is booked with the same token.
    desk.first_time("sv-massage")
    desk.open_new_client_form()
    form = window.page.form
    assert form is not None
    form.set_values({"q_email": "limited@example.org", "q_first": "Lim", "p_cancel": True})
    desk.book_and_wait()
    assert not window.drafts.engine.paused
    assert asked_to_sign_in == []


def test_offline_and_in_doubt_are_told_apart_and_the_doubt_is_checked_when_back(
        window: MainWindow, desk: Desk, sandbox: SandboxServer, qtbot: QtBot) -> None:
    indicators = window.indicators
    engine = window.drafts.engine
    # Probing for the network comes only every 30 s here: a quick recovery below can only be
    # the API answering a page's call.
    engine.timing = replace(engine.timing, in_doubt_grace=timedelta(seconds=1),
                            probe_backoff=Backoff(first=30.0, limit=60.0))
    desk.first_time("sv-massage")
    desk.find_client("garcia")
    sandbox.faults.update(drop_after_commit=1, paths=[BOOKINGS])
    window.page.book()  # accepted, committed, then the connection drops: in doubt
    qtbot.waitUntil(lambda: "Checking 1 unconfirmed" in indicators.online.text(),
                    timeout=WAIT_MS)
    assert "Offline" not in indicators.online.text()

    sandbox.faults.update(refuse_connections=True)  # now nothing reaches the API: offline
    qtbot.waitUntil(lambda: indicators.online.text().endswith("Offline"), timeout=WAIT_MS)
    sandbox.faults.update(refuse_connections=False)
    window.drafts.network_seen(True)  # a page's call was answered
    qtbot.waitUntil(lambda: indicators.online.text().endswith("Online"), timeout=5_000)
    posts = [p for m, p, _ in sandbox.requests_log if m == "POST" and p == BOOKINGS]
    assert len(posts) == 1  # found by the look-up, never sent twice
    assert [op.status for op in window.drafts.store.list_operations()] == [
        OperationStatus.SENT]
