"""The Day view end to end: the real window on a sandbox over HTTP, both on one clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.day.book import day_bounds
from desktop.day.summary import DeskState
from desktop.outbox.model import OperationStatus
from desktop.sandbox.server import SandboxServer
from desktop.ui.day.entries import DayEntry
from desktop.ui.day.reschedule import RescheduleDialog
from desktop.ui.main_window import MainWindow
from tests.helpers.day_desk import DayDesk
from tests.helpers.windows import WAIT_MS


def desk(qtbot: QtBot, window: MainWindow, sandbox: SandboxServer) -> DayDesk:
    return DayDesk(qtbot, window, sandbox)


def test_the_window_opens_on_the_day_with_every_appointment_of_today(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    window = day_window
    assert window.views.currentWidget() is window.day
    start, end = day_bounds(window.day.day(), window.day.loader.zone)
    expected = {a["id"] for a in day_sandbox.state.bookings()
                if start <= datetime.fromisoformat(a["start_time"]) < end}
    assert {e.id for e in window.day.entries()} == expected
    assert len(expected) >= 15
    columns = [name for name in ("Dr. Maya Chen", "Sofia Ramirez, LMT", "Priya Nair, RD")]
    headers = [label.text() for label in window.day.schedule.findChildren(type(
        window.day.toolbar.title)) if label.objectName().startswith("day-column-")]
    assert set(columns) <= set(headers)
    assert "booked" in window.day.toolbar.counts.text()
    assert window.day.toolbar.title.text().startswith("Today")


def test_no_show_is_sent_once_and_shown_at_once(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    entry = d.upcoming_booked()[0]
    d.choose(entry)
    d.day.details.no_show_button.click()
    qtbot.waitUntil(lambda: d.shown(entry.id).pending is not None, timeout=WAIT_MS)
    assert d.shown(entry.id).state is DeskState.NO_SHOW  # the intended state, at once
    assert "no-show" in d.day.toast.text.text()
    assert d.sandbox_state(entry.id)["state"] == "scheduled"  # held for Undo
    d.let_it_go()
    d.wait_sandbox(entry.id, state="done", no_show=True)
    qtbot.waitUntil(lambda: d.shown(entry.id).pending is None
                    and d.shown(entry.id).state is DeskState.NO_SHOW, timeout=WAIT_MS)
    posts = [p for m, p, _ in day_sandbox.requests_log
             if m == "POST" and p.endswith("/bookings/complete")]
    assert len(posts) == 1


def test_undo_takes_an_action_back_before_it_is_sent(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    entry = d.upcoming_booked()[0]
    d.choose(entry)
    d.day.details.complete_button.click()
    qtbot.waitUntil(d.day.toast.isVisible, timeout=WAIT_MS)
    d.day.toast.undo_button.click()
    qtbot.waitUntil(lambda: d.shown(entry.id).pending is None, timeout=WAIT_MS)
    assert d.shown(entry.id).state is DeskState.SCHEDULED
    qtbot.wait(300)
    assert d.sandbox_state(entry.id)["state"] == "scheduled"
    assert not [p for m, p, _ in day_sandbox.requests_log if p.endswith("/complete")]
    assert day_window.drafts.store.list_operations() == []


def test_cancel_with_a_message_names_who_and_when_and_reaches_the_client(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    entry = d.upcoming_booked()[1]
    d.choose(entry)
    asked: list[str] = []
    d.answer_cancel("The therapist is ill — we will call you to rebook.")
    original = d.window.day_actions.cancel_dialog

    def spy(e: DayEntry, parent: Any) -> Any:
        dialog = original(e, parent)
        asked.append(dialog.findChild(type(d.day.toolbar.title), "cancel-question").text())
        return dialog

    d.window.day_actions.cancel_dialog = spy
    d.day.details.cancel_button.click()
    assert entry.client_text() in asked[0]
    assert entry.time_text() in asked[0]
    qtbot.waitUntil(lambda: d.shown(entry.id).state is DeskState.CANCELLED, timeout=WAIT_MS)
    assert d.shown(entry.id).pending is not None
    assert "cancelling" in (d.shown(entry.id).pending.text or "")  # type: ignore[union-attr]
    d.let_it_go()
    d.wait_sandbox(entry.id, state="cancelled")
    messages = day_sandbox.state.sent_messages(entry.id)
    assert any("therapist is ill" in str(m) for m in messages)


def first_open(dialog: RescheduleDialog) -> Any:
    """The first open time that is not the booking's own (which counts as free)."""
    picker = dialog.slots
    own = dialog.entry.appointment.start_time
    for day in picker.open_days():
        picker.select_date(day)
        for row in range(picker.slot_list.count()):
            slot = picker.slot_list.item(row).data(Qt.ItemDataRole.UserRole)
            if slot.start_time != own:
                return slot
    raise AssertionError("no other open time")


def reschedule(d: DayDesk, entry: DayEntry, staff_id: str | None = None,
               before_confirm: Callable[[RescheduleDialog], None] | None = None) -> Any:
    """Choose ``entry`` and reschedule it (with ``staff_id``, if given) onto the first other
    open time, as the receptionist answers the dialog; ``before_confirm(dialog)`` runs just
    before Confirm. Waits until the change is shown pending; the slot chosen."""
    d.choose(entry)
    actions = d.window.day_actions
    make = actions._make_reschedule_dialog
    chosen: list[Any] = []

    def answered(shown: DayEntry) -> RescheduleDialog:
        dialog = make(shown)

        def run() -> int:
            if staff_id is not None:
                dialog.staff_picker.setCurrentIndex(dialog.staff_picker.findData(staff_id))
            d.qtbot.waitUntil(lambda: not dialog.busy.waiting and bool(dialog.slots.open_days()),
                              timeout=WAIT_MS)
            slot = first_open(dialog)
            chosen.append(slot)
            if before_confirm is not None:
                before_confirm(dialog)
            dialog.slots.select_date(slot.start_time.astimezone(d.day.loader.zone).date())
            assert dialog.slots.select_slot_start(slot.start_time.isoformat())
            d.qtbot.waitUntil(dialog.confirm.isEnabled, timeout=WAIT_MS)
            dialog._accept()
            return int(dialog.result())

        dialog.exec = run  # type: ignore[method-assign]
        return dialog

    actions.reschedule_dialog = answered
    d.day.details.reschedule_button.click()
    d.qtbot.waitUntil(lambda: d.shown(entry.id).pending is not None, timeout=WAIT_MS)
    return chosen[0]


def test_reschedule_onto_a_free_time_is_accepted(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    entry = next(e for e in d.upcoming_booked() if e.appointment.staff_id == "st-ramirez")
    slot = reschedule(d, entry)
    assert d.shown(entry.id).start == slot.start_time
    d.let_it_go()
    qtbot.waitUntil(lambda: datetime.fromisoformat(d.sandbox_state(entry.id)["start_time"])
                    == slot.start_time, timeout=WAIT_MS)
    sent = day_sandbox.last_request_body(f"/business/scheduling/v1/bookings/{entry.id}")
    assert sent["allow_double_booking"] is False


def test_reschedule_onto_a_time_taken_meanwhile_is_refused_and_waits_for_a_decision(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    entry = next(e for e in d.upcoming_booked() if e.appointment.staff_id == "st-ramirez")
    slot = reschedule(d, entry)
    day_sandbox.state.take_slot("st-ramirez", slot.start_time)  # someone else, now
    d.let_it_go()
    qtbot.waitUntil(lambda: d.shown(entry.id).pending is not None
                    and d.shown(entry.id).pending.needs_attention,  # type: ignore[union-attr]
                    timeout=15_000)
    assert d.sandbox_state(entry.id)["start_time"] == entry.appointment.start_time.isoformat()
    ops = day_window.drafts.store.list_operations([OperationStatus.NEEDS_ATTENTION])
    assert len(ops) == 1
    table = day_window.drafts.panel.table
    qtbot.waitUntil(lambda: table.rowCount() == 1 and table.item(0, 3) is not None
                    and "time taken" in table.item(0, 3).text(),  # type: ignore[union-attr]
                    timeout=WAIT_MS)


def test_moving_to_another_staff_member_is_one_operation_and_the_old_booking_goes(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    entry = next(e for e in d.upcoming_booked()
                 if e.appointment.service_id == "sv-phone-consult"
                 and e.appointment.staff_id == "st-chen")

    def accept_the_policy(dialog: RescheduleDialog) -> None:
        # The move's booking needs the policy the record cannot accept for the client.
        form = dialog.details.form
        if form is not None:
            form.set_values({"p_cancel": True})

    slot = reschedule(d, entry, staff_id="st-nair", before_confirm=accept_the_policy)
    d.let_it_go()
    d.wait_sandbox(entry.id, state="cancelled")
    client_id = entry.appointment.client_id
    made = [a for a in day_sandbox.state.bookings() if a["client_id"] == client_id
            and a["staff_id"] == "st-nair"
            and datetime.fromisoformat(a["start_time"]) == slot.start_time]
    assert len(made) == 1


def test_an_offline_cancel_waits_on_disk_and_is_sent_once_when_back(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    entry = d.upcoming_booked()[2]
    d.choose(entry)
    day_sandbox.faults.update(refuse_connections=True)
    d.answer_cancel(None)
    d.day.details.cancel_button.click()
    qtbot.waitUntil(lambda: d.shown(entry.id).state is DeskState.CANCELLED, timeout=WAIT_MS)
    d.let_it_go()
    qtbot.waitUntil(lambda: day_window.indicators.online.text().endswith("Offline"),
                    timeout=15_000)
    assert d.shown(entry.id).state is DeskState.CANCELLED  # the intended state stays
    assert d.sandbox_state(entry.id)["state"] == "scheduled"
    day_sandbox.faults.update(refuse_connections=False)
    day_window.drafts.service.wake()
    d.wait_sandbox(entry.id, state="cancelled")
    qtbot.wait(500)
    cancels = [p for m, p, s in day_sandbox.requests_log if "cancel" in p and s in (200, 201)]
    assert len(cancels) == 1


def test_another_desks_booking_shows_up_on_refresh(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    before = {e.id for e in d.day.entries()}
    made = day_sandbox.another_desk("book")
    booking_id = made["appointment"]["id"]
    assert booking_id not in before
    requests_before = len(day_sandbox.requests_log)
    d.day.refresh()
    qtbot.waitUntil(lambda: booking_id in {e.id for e in d.day.entries()}, timeout=WAIT_MS)
    lists = [p for m, p, _ in day_sandbox.requests_log[requests_before:]
             if p.endswith("/appointments")]
    assert len(lists) <= 2


def test_keyboard_days_and_views(qtbot: QtBot, day_window: MainWindow) -> None:
    window = day_window
    today = window.day.day()
    qtbot.keyClick(window.day, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.day.day() == today + timedelta(days=1)
    window.day.toolbar.today.click()
    assert window.day.day() == today
    window.action_booking.trigger()
    assert window.views.currentWidget() is window.page
    window.action_day.trigger()
    assert window.views.currentWidget() is window.day


def test_book_again_opens_book_with_the_same_client_and_service(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    entry = d.upcoming_booked()[0]
    d.choose(entry)
    d.day.details.book_again_button.click()
    page = day_window.page
    assert day_window.views.currentWidget() is page
    qtbot.waitUntil(lambda: page.selection.service is not None
                    and page.selection.service.id == entry.appointment.service_id,
                    timeout=WAIT_MS)
    assert page.selection.client is not None
    assert page.selection.client.id == entry.appointment.client_id
    assert page.selection.slot is None


def test_a_pending_request_is_accepted_once(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    d = desk(qtbot, day_window, day_sandbox)
    entry = next((e for e in d.day.entries() if e.state is DeskState.PENDING), None)
    if entry is None:  # the seeded week always has a few requests; look on the next days
        for _ in range(6):
            d.day.toolbar.step(1)
            qtbot.waitUntil(lambda: not d.day.work.waiting, timeout=WAIT_MS)
            entry = next((e for e in d.day.entries() if e.state is DeskState.PENDING), None)
            if entry is not None:
                break
    assert entry is not None, "no pending request in the seeded week"
    d.choose(entry)
    assert d.day.details.accept_button.isEnabled()
    assert not d.day.details.complete_button.isEnabled()
    d.day.details.accept_button.click()
    qtbot.waitUntil(lambda: d.shown(entry.id).state is DeskState.SCHEDULED, timeout=WAIT_MS)
    d.let_it_go()
    d.wait_sandbox(entry.id, state="scheduled")
    accepts = [p for m, p, s in day_sandbox.requests_log if p.endswith("/bookings/accept")]
    assert len(accepts) == 1
