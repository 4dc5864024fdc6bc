"""Drafts as the receptionist meets them in the window: offline bookings, Ctrl+S (twice: one
draft), autosave and restore after a crash, reopening a refused draft, a full disk, and Esc
leaving the drafts panel's work alone."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.api.client import BookingClient
from desktop.outbox import OperationStatus as DraftStatus
from desktop.outbox import OutboxStorageError
from desktop.sandbox.server import SandboxServer
from desktop.ui.drafts.coordinator import SAVED_OFFLINE
from desktop.ui.main_window import MainWindow
from tests.helpers.booking_desk import Desk
from tests.helpers.windows import WAIT_MS


def _live(sandbox: SandboxServer, client_id: str) -> list[dict[str, Any]]:
    return [b for b in sandbox.state.bookings()
            if b.get("client_id") == client_id and b.get("status") != "cancelled"]


def _statuses(window: MainWindow) -> list[DraftStatus]:
    return [d.status for d in window.drafts.store.list_operations()]


def test_offline_booking_becomes_a_draft_and_is_sent_once_back_online(
        window: MainWindow, desk: Desk, sandbox: SandboxServer, qtbot: QtBot) -> None:
    desk.first_time("sv-massage")
    desk.find_client("jensen")
    client = window.page.selection.client
    assert client is not None
    before = len(_live(sandbox, client.id))

    sandbox.faults.update(refuse_connections=True)
    window.page.book()
    qtbot.waitUntil(lambda: window.page.banner.message() == SAVED_OFFLINE, timeout=WAIT_MS)
    assert window.indicators.online.text().endswith("Offline")
    assert _statuses(window) in ([DraftStatus.QUEUED], [DraftStatus.SENDING])
    assert window.page.selection.client is None  # ready for the next client

    sandbox.faults.update(refuse_connections=False)
    window.drafts.service.wake()
    qtbot.waitUntil(lambda: _statuses(window) == [DraftStatus.SENT], timeout=15_000)
    assert len(_live(sandbox, client.id)) == before + 1
    qtbot.waitUntil(lambda: "Drafts waiting: 0" in window.indicators.drafts.text(),
                    timeout=WAIT_MS)


def test_ctrl_s_keeps_a_draft_that_reopens_into_the_form(
        window: MainWindow, desk: Desk, qtbot: QtBot) -> None:
    desk.first_time("sv-initial-consult")
    slot = window.page.selection.slot
    desk.open_new_client_form()
    email = window.findChild(QLineEdit, "field-q_email")
    first = window.findChild(QLineEdit, "field-q_first")
    assert email is not None
    assert first is not None
    email.setText("dora.draft@example.org")
    first.setText("Dora")
    birthday = window.findChild(QDateEdit, "field-q_dob")
    assert birthday is not None
    birthday.setDate(QDate(1990, 5, 17))

    window.action_save_draft.trigger()
    qtbot.waitUntil(lambda: _statuses(window) == [DraftStatus.DRAFT], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Saved as a draft" in window.page.banner.message(), timeout=WAIT_MS)
    draft = window.drafts.store.list_operations()[0]
    assert draft.form is not None
    assert draft.form.client_name == "Dora"

    window.page.reset_for_next_client()
    assert email.text() == "" or window.findChild(QLineEdit, "field-q_email").text() == ""
    window.drafts.panel.sig_open_draft.emit(draft.id, draft.form)
    qtbot.waitUntil(lambda: window.page.selection.slot == slot, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: (line := window.findChild(QLineEdit, "field-q_email")) is not None
                    and line.text() == "dora.draft@example.org", timeout=WAIT_MS)
    assert window.drafts.open_draft_id == draft.id
    assert window.page.form is not None
    assert window.page.form.values()["q_dob"] == date(1990, 5, 17)


def test_autosaved_form_is_offered_back_after_a_crash(
        qtbot: QtBot, sandbox: SandboxServer, booking_client: BookingClient,
        tmp_path: Path) -> None:
    business = booking_client.get_business(sandbox.business_id)
    data_dir = tmp_path / "data"
    first = MainWindow(booking_client, business, data_dir=data_dir)
    qtbot.addWidget(first)
    first.start()
    qtbot.waitUntil(lambda: first.page.service_picker.count() > 0, timeout=WAIT_MS)
    desk = Desk(qtbot, first.page)
    desk.first_time("sv-massage")
    slot = first.page.selection.slot
    desk.find_client("an")
    client = first.page.selection.client
    # Wait for the debounced autosave to reach the disk, then "crash": no shutdown at all.
    qtbot.waitUntil(lambda: first.drafts.store.recover_autosave() is not None, timeout=WAIT_MS)
    saved = first.drafts.store.recover_autosave()
    assert saved is not None
    qtbot.waitUntil(lambda: (first.drafts.store.recover_autosave() or saved).form.client
                    is not None, timeout=WAIT_MS)
    first.runner.shutdown()
    first.drafts.service.stop()

    questions: list[str] = []
    second = MainWindow(booking_client, business, data_dir=data_dir)
    qtbot.addWidget(second)
    second.drafts._confirm = lambda question: questions.append(question) or True
    second.start()
    qtbot.waitUntil(lambda: bool(questions), timeout=WAIT_MS)
    assert client is not None
    assert client.full_name in questions[0]
    qtbot.waitUntil(lambda: second.page.selection.slot == slot, timeout=WAIT_MS)
    assert second.page.selection.client == client
    second.shutdown()
    first.drafts.close_store()


def test_a_refused_draft_is_reopened_and_booked_with_a_new_time(
        window: MainWindow, desk: Desk, sandbox: SandboxServer, qtbot: QtBot) -> None:
    slot, client = desk.choose_booking("sv-physio", "haddad")
    assert slot.staff_id is not None

    sandbox.faults.update(refuse_connections=True)
    window.page.book()
    qtbot.waitUntil(lambda: _statuses(window) == [DraftStatus.QUEUED], timeout=WAIT_MS)
    sandbox.state.take_slot(slot.staff_id, slot.start_time.isoformat())  # while offline
    sandbox.faults.update(refuse_connections=False)
    window.drafts.service.wake()
    qtbot.waitUntil(lambda: _statuses(window) == [DraftStatus.NEEDS_ATTENTION], timeout=15_000)
    draft = window.drafts.store.list_operations()[0]
    assert draft.last_error
    assert "taken" in draft.last_error.lower() or "no longer" in draft.last_error.lower()
    qtbot.waitUntil(lambda: "need attention: 1" in window.indicators.drafts.text(),
                    timeout=WAIT_MS)

    window.drafts.panel.sig_open_draft.emit(draft.id, draft.form)
    qtbot.waitUntil(lambda: "no longer open" in window.page.banner.message(), timeout=WAIT_MS)
    assert window.page.selection.client == client
    desk.wait_idle()
    desk.pick_slot(0)
    new_slot = window.page.selection.slot
    assert new_slot is not None
    before = len(_live(sandbox, client.id))
    booking = desk.book_and_wait()
    qtbot.waitUntil(lambda: window.drafts.store.list_operations() == [], timeout=WAIT_MS)
    mine = [b for b in _live(sandbox, client.id) if b["id"] == booking.id]  # type: ignore[attr-defined]
    assert len(mine) == 1
    assert mine[0]["staff_id"] == new_slot.staff_id
    assert len(_live(sandbox, client.id)) == before + 1
    assert window.page.confirmation.isVisible()


def test_a_full_disk_says_so_and_keeps_the_form(
        window: MainWindow, desk: Desk, qtbot: QtBot, monkeypatch: Any) -> None:
    desk.first_time("sv-massage")
    desk.find_client("lopez")
    chosen = window.page.selection.client

    def disk_full(*_args: Any, **_kwargs: Any) -> None:
        raise OutboxStorageError(
            "The draft could not be saved because the disk is full. Nothing was lost from "
            "the form; free some space and press Save again.")

    monkeypatch.setattr(window.drafts.store, "save_draft", disk_full)
    window.action_save_draft.trigger()
    qtbot.waitUntil(lambda: "disk is full" in window.page.banner.message(), timeout=WAIT_MS)
    assert window.page.selection.client == chosen
    assert window.page.selection.slot is not None


def test_the_policy_box_is_part_of_a_draft(window: MainWindow, desk: Desk,
                                           qtbot: QtBot) -> None:
    desk.choose_service("sv-initial-consult")
    desk.open_new_client_form()
    policy = window.findChild(QCheckBox, "field-p_cancel")
    assert policy is not None
    policy.setChecked(True)
    window.action_save_draft.trigger()
    qtbot.waitUntil(lambda: len(window.drafts.store.list_operations()) == 1, timeout=WAIT_MS)
    assert window.drafts.store.list_operations()[0].values["form_values"]["p_cancel"] is True


def test_ctrl_s_twice_on_the_same_booking_keeps_one_draft(
        window: MainWindow, desk: Desk, qtbot: QtBot) -> None:
    """Issue 12: saving the same booking twice made two drafts."""
    desk.first_time("sv-massage")
    desk.find_client("lopez")
    window.action_save_draft.trigger()
    qtbot.waitUntil(lambda: "Saved as a draft" in window.page.banner.message(), timeout=WAIT_MS)
    first = window.drafts.store.list_operations()
    assert len(first) == 1
    window.page.banner.clear()
    # The receptionist changes the time (when the day has another), then saves again.
    desk.pick_slot(window.page.slot_picker.slot_list.count() - 1)
    second_slot = window.page.selection.slot
    window.action_save_draft.trigger()
    qtbot.waitUntil(lambda: "Saved as a draft" in window.page.banner.message(), timeout=WAIT_MS)
    drafts = window.drafts.store.list_operations()
    assert [d.id for d in drafts] == [first[0].id]
    assert drafts[0].form is not None
    assert drafts[0].form.slot == second_slot
    request = drafts[0].booking_request()
    assert request is not None
    assert second_slot is not None
    assert request.start_time == second_slot.start_time

    # Another client on screen is another booking: a second draft, the first one kept.
    window.page.banner.clear()
    window.page.client_picker.reset()  # the search is cleared for the next person
    desk.find_client("jensen")
    assert window.page.selection.client is not None
    assert window.page.selection.client.id != first[0].form.client.id  # type: ignore[union-attr]
    window.action_save_draft.trigger()
    qtbot.waitUntil(lambda: "Saved as a draft" in window.page.banner.message(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(window.drafts.store.list_operations()) == 2, timeout=WAIT_MS)
    assert window.drafts.store.get(first[0].id) is not None


def test_esc_on_the_page_leaves_the_drafts_panel_working(
        window: MainWindow, desk: Desk, qtbot: QtBot, monkeypatch: Any) -> None:
    """Esc stops the page's own waits only: a drafts-panel read in flight still lands."""
    desk.first_time("sv-massage")
    desk.find_client("lopez")
    window.action_save_draft.trigger()
    qtbot.waitUntil(lambda: len(window.drafts.store.list_operations()) == 1, timeout=WAIT_MS)
    panel = window.drafts.panel
    service = window.drafts.service
    service.sig_operation_changed.disconnect(panel._schedule_refresh)
    service.sig_counts_changed.disconnect(panel._schedule_refresh)
    panel._refresh_timer.stop()  # only the refresh below may land
    qtbot.waitUntil(lambda: window.runner.active_count == 0, timeout=WAIT_MS)
    shown: list[int] = []
    show = panel._show
    monkeypatch.setattr(panel, "_show", lambda ops: (shown.append(len(ops)), show(ops)))
    release = threading.Event()
    read = window.drafts.store.list_operations
    monkeypatch.setattr(window.drafts.store, "list_operations",
                        lambda *a, **k: (release.wait(5), read(*a, **k))[1])
    panel.refresh()
    window.action_cancel.trigger()  # Esc while the panel's read is on its way
    release.set()
    qtbot.waitUntil(lambda: window.runner.active_count == 0, timeout=WAIT_MS)
    assert shown == [1]
