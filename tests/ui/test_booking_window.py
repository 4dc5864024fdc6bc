"""The booking window end to end: real widgets, real sandbox over HTTP."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.api.models import Booking
from desktop.sandbox.server import SandboxServer
from desktop.ui.main_window import MainWindow
from tests.helpers.booking_desk import Desk
from tests.helpers.windows import WAIT_MS

BOOKINGS_PATH = "/platform/v1/scheduling/bookings"


def _bookings_of(sandbox: SandboxServer, **match: Any) -> list[dict[str, Any]]:
    return [b for b in sandbox.state.bookings()
            if all(b.get(k) == v for k, v in match.items()) and b.get("status") != "cancelled"]


def _fill(window: MainWindow, field_id: str, text: str) -> None:
    editor = window.findChild(QLineEdit, f"field-{field_id}")
    assert editor is not None, field_id
    editor.setText(text)


def _tick(window: MainWindow, field_id: str) -> None:
    box = window.findChild(QCheckBox, f"field-{field_id}")
    assert box is not None, field_id
    box.setChecked(True)


def test_appointment_for_a_client_found_by_search(window: MainWindow, desk: Desk,
                                                  sandbox: SandboxServer) -> None:
    slot, client = desk.choose_booking("sv-initial-consult", "garcia")

    booking = desk.book_and_wait()

    assert isinstance(booking, Booking)
    stored = _bookings_of(sandbox, id=booking.id)
    assert len(stored) == 1
    assert stored[0]["client_id"] == client.id
    assert stored[0]["service_id"] == "sv-initial-consult"
    assert stored[0]["staff_id"] == slot.staff_id
    sent = sandbox.last_request_body(BOOKINGS_PATH)
    # start_time goes out with its offset, time_zone as the IANA name.
    assert datetime.fromisoformat(sent["start_time"]) == slot.start_time
    assert datetime.fromisoformat(sent["start_time"]).utcoffset() is not None
    assert sent["time_zone"] == "America/New_York"
    assert window.page.confirmation.isVisible()
    assert booking.id in window.page.confirmation.text()
    assert client.full_name in window.page.confirmation.text()
    # Ready for the next client: no client, no slot, same service.
    assert window.page.selection.client is None
    assert window.page.client_picker.search.text() == ""
    assert window.page.selection.service is not None


def test_booked_slot_disappears_from_the_list(window: MainWindow, desk: Desk) -> None:
    desk.first_time("sv-massage")
    taken = window.page.selection.slot
    assert taken is not None
    desk.find_client("chen")
    desk.book_and_wait()
    desk.wait_idle()
    starts = [window.page.slot_picker.slot_list.item(r).data(Qt.ItemDataRole.UserRole)
              for r in range(window.page.slot_picker.slot_list.count())]
    assert all(not (s.start_time == taken.start_time and s.staff_id == taken.staff_id)
               for s in starts)


def test_appointment_for_a_new_client_sends_the_generated_form(
        window: MainWindow, desk: Desk, sandbox: SandboxServer) -> None:
    desk.first_time("sv-initial-consult")
    desk.open_new_client_form()
    _fill(window, "q_email", "ann.newcomer@example.org")
    _fill(window, "q_first", "Ann")
    _fill(window, "q_last", "Newcomer")
    _tick(window, "p_cancel")
    expected = window.page.form.build_form_data().to_json()  # type: ignore[union-attr]

    booking = desk.book_and_wait()

    sent = sandbox.last_request_body(BOOKINGS_PATH)
    assert sent["form_data"] == expected
    assert "client_id" not in sent
    fields = {f["field_id"]: f for f in sent["form_data"]["fields"]}
    assert fields["q_first"] == {"field_id": "q_first", "type": "firstname", "new_data": "Ann"}
    assert sent["form_data"]["policies"] == {"p_cancel": True}
    new_client = sandbox.state.client(_bookings_of(sandbox, id=booking.id)[0]["client_id"])
    assert new_client["email"] == "ann.newcomer@example.org"
    assert "Ann Newcomer" in window.page.confirmation.text()


def test_new_client_form_is_checked_before_sending(window: MainWindow, desk: Desk,
                                                   sandbox: SandboxServer) -> None:
    desk.first_time("sv-initial-consult")
    desk.open_new_client_form()
    _fill(window, "q_email", "not-an-email")
    before = len(sandbox.state.bookings())
    window.page.book()
    assert "check the client's details" in window.page.banner.message()
    assert len(sandbox.state.bookings()) == before
    error = window.findChild(QLineEdit, "field-q_email")
    assert error is not None
    assert error.hasFocus() or QApplication.focusWidget() is not None


def test_event_registration(window: MainWindow, desk: Desk, qtbot: QtBot,
                            sandbox: SandboxServer) -> None:
    window.page.event_mode.setChecked(True)
    desk.choose_service("sv-yoga")
    table = window.page.event_picker.table
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=WAIT_MS)
    full_rows = [r for r in range(table.rowCount())
                 if table.item(r, 0).data(Qt.ItemDataRole.UserRole).is_full]
    assert full_rows, "the sample data has a full yoga class"
    table.selectRow(full_rows[0])
    # A full session can be chosen (for its waitlist) but never booked.
    assert window.page.selection.slot is not None
    assert not window.page.book_button.isEnabled()
    assert window.page.waitlist_button.isVisible()
    okafors = {c["id"] for c in sandbox.state.clients() if c["last_name"] == "Okafor"}
    taken = {b["event_instance_id"] for b in sandbox.state.bookings()
             if b["client_id"] in okafors and b["status"] != "cancelled"}
    open_row = next(r for r in range(table.rowCount()) if r not in full_rows and
                    table.item(r, 0).data(Qt.ItemDataRole.UserRole).event_instance_id
                    not in taken)  # a session the client below is not in already
    table.selectRow(open_row)
    instance = window.page.selection.slot
    assert instance is not None
    desk.find_client("okafor")

    booking = desk.book_and_wait()

    stored = _bookings_of(sandbox, id=booking.id)  # type: ignore[attr-defined]
    assert stored[0]["event_instance_id"] == instance.event_instance_id
    assert stored[0]["type"] == "event"
    assert "Registration booked" in window.page.confirmation.heading.text()


def test_meeting_details_for_a_home_visit_and_a_phone_call(
        window: MainWindow, desk: Desk, sandbox: SandboxServer) -> None:
    for service_id, details in (("sv-home-visit", "12 Main St, Boston"),
                                ("sv-phone-consult", "+1 617 555 0101")):
        desk.first_time(service_id)
        desk.open_new_client_form()
        _fill(window, "q_email", f"{service_id}@example.org")
        _fill(window, "q_first", "Mira")
        _tick(window, "p_cancel")
        _fill(window, "meeting-details", details)
        desk.book_and_wait()
        sent = sandbox.last_request_body(BOOKINGS_PATH)
        assert sent["form_data"]["meeting_details"] == {"meeting_interaction_details": details}
        desk.wait_idle()


def test_slot_taken_between_picking_and_booking(window: MainWindow, desk: Desk,
                                                 sandbox: SandboxServer, qtbot: QtBot) -> None:
    slot, client = desk.choose_booking("sv-physio", "bianchi")
    assert slot.staff_id is not None
    sandbox.state.take_slot(slot.staff_id, slot.start_time.isoformat())

    window.page.book()
    qtbot.waitUntil(lambda: "just taken" in window.page.banner.message(), timeout=WAIT_MS)
    desk.wait_idle()

    assert not _bookings_of(sandbox, client_id=client.id, start_time=slot.start_time.isoformat())
    assert window.page.selection.client == client  # everything else is kept
    assert window.page.selection.slot is None
    listed = [window.page.slot_picker.slot_list.item(r).data(Qt.ItemDataRole.UserRole)
              for r in range(window.page.slot_picker.slot_list.count())]
    assert all(not (s.start_time == slot.start_time and s.staff_id == slot.staff_id)
               for s in listed)


def test_a_validation_error_lands_on_the_field_it_names(
        window: MainWindow, desk: Desk, qtbot: QtBot, monkeypatch: Any) -> None:
    desk.first_time("sv-initial-consult")
    desk.open_new_client_form()
    _fill(window, "q_email", "blank.first@example.org")
    _tick(window, "p_cancel")
    # Skip the form's own check so the sandbox is the one to refuse the blank first name.
    monkeypatch.setattr(window.page.form, "validate", lambda: [])

    window.page.book()
    qtbot.waitUntil(lambda: window.page.banner.message() != "", timeout=WAIT_MS)

    error_label = window.findChild(QLabel, "error-q_first")
    assert error_label is not None
    assert error_label.isVisible()
    assert "blank" in error_label.text().lower()


def test_the_window_stays_responsive_while_the_api_is_slow(
        window: MainWindow, desk: Desk, sandbox: SandboxServer, qtbot: QtBot) -> None:
    sandbox.faults.update(latency_ms=2000)
    longest_gap = 0.0
    clock = QElapsedTimer()
    clock.start()
    last = clock.elapsed()

    def tick() -> None:
        nonlocal last, longest_gap
        now = clock.elapsed()
        longest_gap = max(longest_gap, now - last)
        last = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    desk.choose_service("sv-massage")
    window.page.client_picker.search.setText("an")
    window.page.client_picker._search_now()
    assert window.page.busy.isVisible()
    qtbot.waitUntil(lambda: not window.page.busy.waiting, timeout=10_000)
    timer.stop()
    # A call made on the GUI thread would freeze it for the whole 2 s latency; anything far
    # below that is drawing, whatever else the (shared) machine is doing. Stall budgets are
    # measured in tests/benchmarks (bench_window.py), not here.
    assert longest_gap < 500, f"the event loop stalled for {longest_gap} ms"
    assert window.page.client_picker.results.count() > 0


def test_escape_cancels_a_slow_request_and_drops_its_answer(
        window: MainWindow, desk: Desk, sandbox: SandboxServer, qtbot: QtBot) -> None:
    sandbox.faults.update(latency_ms=1500)
    window.page.client_picker.search.setText("chen")
    window.page.client_picker._search_now()
    assert window.page.busy.waiting
    qtbot.keyClick(window.page, Qt.Key.Key_Escape)
    assert not window.page.busy.isVisible()
    time.sleep(1.7)
    qtbot.wait(200)
    assert window.page.client_picker.results.count() == 0


def test_stale_availability_is_dropped(window: MainWindow, desk: Desk, qtbot: QtBot,
                                       sandbox: SandboxServer) -> None:
    sandbox.faults.update(latency_ms=300)
    desk.choose_service("sv-massage")
    desk.choose_service("sv-physio")  # before the massage times arrive
    sandbox.faults.update(latency_ms=0)
    desk.wait_idle()
    picker = window.page.slot_picker
    qtbot.waitUntil(lambda: picker.slot_list.count() > 0 or bool(picker.open_days()),
                    timeout=WAIT_MS)
    physio_staff = {"st-okafor"}
    for day in picker.open_days():
        picker.select_date(day)
        for row in range(picker.slot_list.count()):
            slot = picker.slot_list.item(row).data(Qt.ItemDataRole.UserRole)
            assert slot.staff_id in physio_staff


def test_keyboard_shortcuts(window: MainWindow, desk: Desk, qtbot: QtBot,
                            sandbox: SandboxServer) -> None:
    window.activateWindow()
    window.action_find_client.trigger()
    assert window.page.client_picker.search.hasFocus() or \
        QApplication.focusWidget() is window.page.client_picker.search
    window.action_new_client.trigger()
    assert window.page.client_picker.is_new_client
    # Enter books once everything is chosen.
    window.page.client_picker.show_existing_client()
    desk.first_time("sv-massage")
    desk.find_client("ivanova")
    with qtbot.waitSignal(window.page.sig_booked, timeout=WAIT_MS):
        qtbot.keyClick(window.page.client_picker.results, Qt.Key.Key_Return)


def test_every_interactive_widget_has_a_name(window: MainWindow, desk: Desk) -> None:
    desk.choose_service("sv-initial-consult")
    desk.open_new_client_form()
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QPlainTextEdit

    for kind in (QLineEdit, QComboBox, QPlainTextEdit, QAbstractButton):
        for widget in window.findChildren(kind):
            if not widget.isVisibleTo(window) or widget.objectName().startswith("qt_"):
                continue
            if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
                continue  # a combo box's own line edit
            assert widget.objectName(), f"{kind.__name__} without objectName: {widget}"
            if widget.objectName().startswith("field-"):
                assert widget.accessibleName(), widget.objectName()


def test_times_follow_the_chosen_time_zone_and_the_booking_names_it(
        window: MainWindow, desk: Desk, sandbox: SandboxServer, qtbot: QtBot) -> None:
    desk.first_time("sv-massage")
    new_york = window.page.selection.slot
    new_york_text = window.page.slot_picker.slot_list.item(0).text()
    assert new_york is not None

    zone_picker = window.page.slot_picker.time_zone_picker
    zone_picker.setFocus()
    zone_picker.lineEdit().selectAll()
    qtbot.keyClicks(zone_picker.lineEdit(), "Europe/London")
    qtbot.keyClick(zone_picker.lineEdit(), Qt.Key.Key_Return)
    assert window.page.selection.time_zone == "Europe/London"
    desk.first_open_day()
    london_days = window.page.slot_picker.open_days()
    local_day = new_york.start_time.astimezone(ZoneInfo("Europe/London")).date()
    assert local_day in london_days
    window.page.slot_picker.select_date(local_day)
    assert window.page.slot_picker.select_slot_start(
        new_york.start_time.astimezone(ZoneInfo("Europe/London")).isoformat())
    london_text = window.page.slot_picker.current_slot_text()
    assert london_text != new_york_text  # 5 hours apart on the screen
    desk.find_client("ander")
    desk.book_and_wait()
    sent = sandbox.last_request_body(BOOKINGS_PATH)
    assert sent["time_zone"] == "Europe/London"
    assert datetime.fromisoformat(sent["start_time"]) == new_york.start_time
    # London's offset then (GMT in winter, BST in summer: whenever the suite runs).
    assert datetime.fromisoformat(sent["start_time"]).utcoffset() \
        == new_york.start_time.astimezone(ZoneInfo("Europe/London")).utcoffset()


def test_a_full_session_takes_the_client_onto_its_waitlist_once(
        window: MainWindow, desk: Desk, qtbot: QtBot, sandbox: SandboxServer) -> None:
    window.page.event_mode.setChecked(True)
    desk.choose_service("sv-yoga")
    table = window.page.event_picker.table
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=WAIT_MS)
    full = next(r for r in range(table.rowCount())
                if table.item(r, 0).data(Qt.ItemDataRole.UserRole).is_full)
    table.selectRow(full)
    instance = window.page.selection.slot
    assert instance is not None
    assert instance.event_instance_id is not None
    assert not window.page.waitlist_button.isEnabled()  # a client first
    # Someone not registered for this session already (who is depends on the day's seeding).
    registered = {sandbox.state.client(booking["client_id"])["last_name"].lower()
                  for booking in (sandbox.state.booking(i) for i in
                                  sandbox.state.registrations(instance.event_instance_id))
                  if booking is not None}
    desk.find_client(next(name for name in ("nowak", "jensen", "haddad", "kowalski", "mwangi")
                          if name not in registered))
    client = window.page.selection.client
    assert client is not None
    assert window.page.waitlist_button.isEnabled()
    window.page.waitlist_button.click()
    qtbot.waitUntil(lambda: "waitlist" in window.page.banner.message(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: any(w.get("client_id") == client.id for w in
                                sandbox.state.waitlist(instance.event_instance_id or "")),
                    timeout=WAIT_MS)
    assert len([w for w in sandbox.state.waitlist(instance.event_instance_id)
                if w.get("client_id") == client.id]) == 1
