"""The drafts panel and the Qt sync service, with real widgets offscreen and the sandbox."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop.api.client import BookingClient
from desktop.outbox import (
    BookingLabel,
    CancelBooking,
    MoveBooking,
    OperationStatus,
    OutboxStore,
    RescheduleBooking,
)
from desktop.outbox.engine import SyncEngine
from desktop.outbox.ledger import SendLedger
from desktop.outbox.model import Problem
from desktop.outbox.timing import Timing
from desktop.ui.drafts.panel import DraftsPanel
from desktop.ui.drafts.sync_service import SyncService
from desktop.ui.plain_text import plain_tooltip
from desktop.ui.tasks import TaskRunner
from tests.drafts.conftest import BASE_TIME, FAST, booking_request
from tests.helpers.wording import desk_time

S = OperationStatus
#: FAST, but an in-doubt send waits out the app's own grace before its look-up.
PANEL_TIMING = replace(FAST, in_doubt_grace=Timing().in_doubt_grace)
LABEL = BookingLabel(client_name="Ann Lee", start_time=BASE_TIME + timedelta(minutes=90),
                     time_zone="UTC", service_name="Massage")


@pytest.fixture
def runner(qtbot: Any) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def service(store: OutboxStore, sandbox: Any,
            api_client: BookingClient) -> Iterator[SyncService]:
    engine = SyncEngine(store, api_client, sandbox.business_id, timing=PANEL_TIMING,
                        rng=random.Random(5))
    sync = SyncService(engine)
    yield sync
    sync.stop()


def make_panel(qtbot: Any, store: OutboxStore, runner: TaskRunner,
               service: SyncService | None = None) -> DraftsPanel:
    panel = DraftsPanel(store, runner, service)
    qtbot.addWidget(panel)
    panel.resize(1000, 320)
    panel.show()
    with qtbot.waitSignal(panel.sig_refreshed, timeout=3000):
        panel.refresh()
    return panel


def row_texts(panel: DraftsPanel) -> list[list[str]]:
    table = panel.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def fill(store: OutboxStore, plan: list[Any]) -> dict[str, str]:
    ledger = SendLedger(store.db, "test", lease=timedelta(seconds=30))
    now = store.clock.now
    ids = {"draft": store.save_draft(*plan[0]).id,
           "queued": store.save_draft(*plan[1], queue=True).id}
    attention = store.save_draft(*plan[2], queue=True).id
    ledger.claim(store.get(attention), now())
    ledger.set_aside(store.get(attention), problem=Problem.TIME_TAKEN, now=now(),
                     sentence="That time is no longer free: someone else took it.")
    ids["attention"] = attention
    sent = store.save_draft(*plan[3], queue=True).id
    ledger.claim(store.get(sent), now())
    ledger.done(store.get(sent), "bk-1", now())
    ids["sent"] = sent
    return ids


def test_panel_lists_drafts_with_status_and_problem(qtbot: Any, store: OutboxStore,
                                                    runner: TaskRunner, plan: list[Any]) -> None:
    ids = fill(store, plan)
    panel = make_panel(qtbot, store, runner)
    rows = row_texts(panel)
    assert [r[3] for r in rows] == ["Booked", "time taken: pick another or drop",
                                    "Waiting to send", "Draft"]
    assert plan[2][1].client_name in rows[1][0]
    assert rows[1][0].startswith("Book ")
    assert rows[1][2] == plan[2][1].local_time
    assert rows[1][4] == "That time is no longer free: someone else took it."
    calm = panel.table.item(2, 0).background().color()
    loud = panel.table.item(1, 0).background().color()
    assert loud != calm
    assert panel.table.item(1, 3).font().bold()
    assert panel.summary.text() == "1 waiting to send · 1 needs attention"
    panel.select_draft(ids["sent"])
    assert not panel.open_button.isEnabled()
    panel.select_draft(ids["attention"])
    assert panel.send_button.text() == "Try again"


def test_every_kind_is_listed_in_plain_words_with_its_decision(
        qtbot: Any, store: OutboxStore, runner: TaskRunner) -> None:
    ledger = SendLedger(store.db, "test", lease=timedelta(seconds=30))
    cancel = store.enqueue(CancelBooking(business_id="b", booking_id="bk-1"), label=LABEL)
    move = store.enqueue(MoveBooking(business_id="b", booking_id="bk-2",
                                     new_booking=booking_request(13)), label=LABEL)
    ledger.claim(store.get(move.id), store.clock.now())
    ledger.set_aside(store.get(move.id), problem=Problem.TIME_TAKEN, sentence="Taken.",
                     now=store.clock.now())
    panel = make_panel(qtbot, store, runner)
    rows = row_texts(panel)
    move_text = f"Move {desk_time(10, 30)} Ann Lee to {desk_time(15, 30)}"
    assert rows[0][:4] == [move_text, "Massage", rows[0][2], "time taken: pick another or drop"]
    assert rows[1][0] == f"Cancel {desk_time(10, 30)} Ann Lee"
    assert rows[1][3] == "Waiting to send"
    expected = f"Cancel {desk_time(10, 30)} Ann Lee — waiting to send"
    assert panel.table.item(1, 0).toolTip() == plain_tooltip(expected)  # shown as text
    panel.select_operation(move.id)
    assert panel.pick_time_button.isVisibleTo(panel)
    assert not panel.open_button.isEnabled()
    with qtbot.waitSignal(panel.sig_pick_time, timeout=1000) as picked:
        panel.pick_time_button.click()
    assert picked.args == [move.id]
    panel.select_operation(cancel.id)
    assert not panel.pick_time_button.isVisibleTo(panel)


def test_text_from_the_api_is_never_rich_text(qtbot: Any, store: OutboxStore,
                                              runner: TaskRunner) -> None:
    hostile = "<h1>PAY CASH AT DESK 2</h1><a href='https://x.example'>Re-enter token</a>"
    op = store.enqueue(RescheduleBooking(business_id="b", booking_id="bk-1",
                                         start_time=BASE_TIME),
                       label=LABEL.model_copy(update={"client_name": hostile}))
    ledger = SendLedger(store.db, "test", lease=timedelta(seconds=30))
    ledger.claim(store.get(op.id), store.clock.now())
    ledger.set_aside(store.get(op.id), problem=Problem.REFUSED, sentence=hostile,
                     now=store.clock.now())
    panel = make_panel(qtbot, store, runner)
    panel.select_operation(op.id)
    panel._sent(store.get(op.id))  # the message line shows the server's sentence
    for label in panel.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert panel.message.text() == hostile


def test_store_reads_happen_off_the_gui_thread(qtbot: Any, db_path: Any,
                                               runner: TaskRunner, plan: list[Any]) -> None:
    readers: list[bool] = []

    class Watched(OutboxStore):
        def list_operations(self, statuses: Any = None, kinds: Any = None) -> Any:
            readers.append(threading.current_thread() is threading.main_thread())
            return super().list_operations(statuses, kinds)

    with Watched(db_path) as watched:
        watched.save_draft(*plan[0])
        make_panel(qtbot, watched, runner)
    assert readers == [False]


def test_open_hands_the_values_back_to_the_booking_window(
        qtbot: Any, store: OutboxStore, runner: TaskRunner, plan: list[Any]) -> None:
    ids = fill(store, plan)
    panel = make_panel(qtbot, store, runner)
    panel.select_draft(ids["attention"])
    assert panel.open_button.isEnabled()
    with qtbot.waitSignal(panel.sig_open_draft, timeout=1000) as opened:
        panel.open_button.click()
    assert opened.args == [ids["attention"], plan[2][1]]


def test_drop_asks_first(qtbot: Any, store: OutboxStore, runner: TaskRunner,
                         plan: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    ids = fill(store, plan)
    panel = make_panel(qtbot, store, runner)
    asked: list[str] = []
    answer = {"button": QMessageBox.StandardButton.No}

    def exec_(box: QMessageBox) -> Any:  # the real question box, answered without a person
        assert box.textFormat() == Qt.TextFormat.PlainText  # it names the client
        asked.append(box.text())
        return answer["button"]

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    panel.select_draft(ids["draft"])
    panel.delete_button.click()
    assert len(asked) == 1
    assert plan[0][1].client_name in asked[0]
    assert store.get(ids["draft"]) is not None
    answer["button"] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(panel.sig_refreshed, timeout=3000):
        panel.delete_button.click()
    assert store.get(ids["draft"]) is None
    assert panel.table.rowCount() == 3


def test_send_now_books_on_the_sandbox(qtbot: Any, store: OutboxStore, runner: TaskRunner,
                                       service: SyncService, sandbox: Any,
                                       plan: list[Any]) -> None:
    ids = fill(store, plan)
    before = len(sandbox.state.bookings())
    panel = make_panel(qtbot, store, runner, service)
    panel.select_draft(ids["queued"])
    assert panel.send_button.isEnabled()
    panel.send_button.click()
    qtbot.waitUntil(lambda: store.get(ids["queued"]).status is S.SENT, timeout=5000)
    qtbot.waitUntil(lambda: panel.message.text().endswith("— booked"), timeout=3000)
    qtbot.waitUntil(lambda: row_texts(panel)[2][3] == "Booked", timeout=3000)
    assert len(sandbox.state.bookings()) == before + 1
    booked = store.get(ids["queued"]).result_id
    assert booked in {b["id"] for b in sandbox.state.bookings()}


def test_sync_service_reports_counts_offline_and_auth_as_signals(
        qtbot: Any, store: OutboxStore, service: SyncService, sandbox: Any,
        plan: list[Any]) -> None:
    counts: list[tuple[int, int]] = []
    emitted_on: set[bool] = set()

    def heard(waiting: int, attention: int) -> None:
        emitted_on.add(QThread.currentThread() is QApplication.instance().thread())
        counts.append((waiting, attention))

    service.sig_counts_changed.connect(heard)
    draft = store.save_draft(*plan[0], queue=True)
    with qtbot.waitSignal(service.sig_operation_changed, timeout=5000,
                          check_params_cb=lambda i: i == draft.id):
        service.start()
    qtbot.waitUntil(lambda: store.get(draft.id).status is S.SENT, timeout=5000)
    qtbot.waitUntil(lambda: bool(counts) and counts[-1] == (0, 0), timeout=3000)

    with qtbot.waitSignal(service.sig_online_changed, timeout=5000,
                          check_params_cb=lambda online: online is False):
        sandbox.faults.update(refuse_connections=True)
        store.save_draft(*plan[1], queue=True)
        service.wake()
    with qtbot.waitSignal(service.sig_online_changed, timeout=5000,
                          check_params_cb=lambda online: online is True):
        sandbox.faults.update(refuse_connections=False)
    qtbot.waitUntil(lambda: store.counts()[S.SENT] == 2, timeout=5000)

    with qtbot.waitSignal(service.sig_auth_required, timeout=5000):
        sandbox.faults.update(expire_tokens=True)
        store.save_draft(*plan[2], queue=True)
        service.wake()
    sandbox.faults.update(expire_tokens=False)
    fresh = BookingClient(sandbox.url, sandbox.staff_token())
    service.sign_in(fresh)
    qtbot.waitUntil(lambda: store.counts()[S.SENT] == 3, timeout=5000)
    assert service.stop()
    assert emitted_on == {True}  # every signal reached the GUI thread, none was polled
    fresh.close()


def test_esc_on_the_page_does_not_cancel_the_panels_reads(
        qtbot: Any, store: OutboxStore, runner: TaskRunner, plan: list[Any]) -> None:
    store.save_draft(*plan[0])
    panel = make_panel(qtbot, store, runner)
    release = threading.Event()
    page_answers: list[str] = []
    runner.run(lambda _t: release.wait(5) and "page", page_answers.append, key="times",
               scope="page")
    with qtbot.waitSignal(panel.sig_refreshed, timeout=5000):
        panel.refresh()
        runner.cancel_scope("page")  # what Esc does on the booking page
        release.set()
    qtbot.waitUntil(lambda: runner.active_count == 0, timeout=3000)
    assert page_answers == []  # the page's own wait was dropped
