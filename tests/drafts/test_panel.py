"""The drafts panel and the Qt sync service, with real widgets offscreen and the sandbox."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.api.client import BookingClient
from desktop.drafts.store import DraftStatus, DraftStore
from desktop.drafts.sync import Backoff, SyncEngine
from desktop.ui.drafts.panel import DraftsPanel
from desktop.ui.drafts.sync_service import SyncService
from desktop.ui.tasks import TaskRunner

FAST = Backoff(first=0.05, limit=0.2)


@pytest.fixture
def runner(qtbot: Any) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def service(store: DraftStore, sandbox: Any, api_client: BookingClient) -> Iterator[SyncService]:
    engine = SyncEngine(store, api_client, sandbox.business_id, backoff=FAST,
                        probe_backoff=FAST, rng=random.Random(5))
    sync = SyncService(engine)
    yield sync
    sync.stop()


def make_panel(qtbot: Any, store: DraftStore, runner: TaskRunner,
               service: SyncService | None = None) -> DraftsPanel:
    panel = DraftsPanel(store, runner, service)
    qtbot.addWidget(panel)
    panel.resize(900, 320)
    panel.show()
    with qtbot.waitSignal(panel.sig_refreshed, timeout=3000):
        panel.refresh()
    return panel


def row_texts(panel: DraftsPanel) -> list[list[str]]:
    table = panel.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def fill(store: DraftStore, plan: list[Any]) -> dict[str, str]:
    ids = {}
    ids["draft"] = store.save(*plan[0]).id
    ids["queued"] = store.save(*plan[1], queue=True).id
    attention = store.save(*plan[2], queue=True).id
    store.mark_sending(attention)
    store.mark_needs_attention(attention, "That time is no longer free: someone else took it.")
    ids["attention"] = attention
    sent = store.save(*plan[3], queue=True).id
    store.mark_sending(sent)
    store.mark_sent(sent, "bk-1")
    ids["sent"] = sent
    return ids


def test_panel_lists_drafts_with_status_and_problem(qtbot: Any, store: DraftStore,
                                                    runner: TaskRunner, plan: list[Any]) -> None:
    ids = fill(store, plan)
    panel = make_panel(qtbot, store, runner)
    rows = row_texts(panel)
    assert [r[3] for r in rows] == ["Booked", "Needs attention", "Waiting to send", "Draft"]
    assert rows[1][0] == plan[2][1]["client_name"]
    assert rows[1][2] == plan[2][1]["local_time"]
    assert rows[1][4] == "That time is no longer free: someone else took it."
    calm = panel.table.item(2, 0).background().color()
    loud = panel.table.item(1, 0).background().color()
    assert loud != calm
    assert panel.table.item(1, 3).font().bold()
    assert panel.summary.text() == "1 waiting to send · 1 needs attention"
    panel.select_draft(ids["sent"])
    assert not panel.open_button.isEnabled()
    assert panel.findChild(type(panel.table), "drafts_table") is panel.table


def test_store_reads_happen_off_the_gui_thread(qtbot: Any, db_path: Any,
                                               runner: TaskRunner, plan: list[Any]) -> None:
    readers: list[bool] = []

    class Watched(DraftStore):
        def list_drafts(self, statuses: Any = None) -> Any:
            readers.append(threading.current_thread() is threading.main_thread())
            return super().list_drafts(statuses)

    with Watched(db_path) as watched:
        watched.save(*plan[0])
        make_panel(qtbot, watched, runner)
    assert readers == [False]


def test_open_hands_the_values_back_to_the_booking_window(
        qtbot: Any, store: DraftStore, runner: TaskRunner, plan: list[Any]) -> None:
    ids = fill(store, plan)
    panel = make_panel(qtbot, store, runner)
    panel.select_draft(ids["attention"])
    assert panel.open_button.isEnabled()
    with qtbot.waitSignal(panel.sig_open_draft, timeout=1000) as opened:
        panel.open_button.click()
    assert opened.args == [ids["attention"], plan[2][1]]


def test_delete_asks_first(qtbot: Any, store: DraftStore, runner: TaskRunner,
                           plan: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    ids = fill(store, plan)
    panel = make_panel(qtbot, store, runner)
    asked: list[str] = []
    answer = {"button": QMessageBox.StandardButton.No}

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return answer["button"]

    monkeypatch.setattr(QMessageBox, "question", question)
    panel.select_draft(ids["draft"])
    panel.delete_button.click()
    assert len(asked) == 1
    assert plan[0][1]["client_name"] in asked[0]
    assert store.get(ids["draft"]) is not None
    answer["button"] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(panel.sig_refreshed, timeout=3000):
        panel.delete_button.click()
    assert store.get(ids["draft"]) is None
    assert panel.table.rowCount() == 3


def test_send_now_books_on_the_sandbox(qtbot: Any, store: DraftStore, runner: TaskRunner,
                                       service: SyncService, sandbox: Any,
                                       plan: list[Any]) -> None:
    ids = fill(store, plan)
    before = len(sandbox.state.bookings())
    panel = make_panel(qtbot, store, runner, service)
    panel.select_draft(ids["queued"])
    assert panel.send_button.isEnabled()
    panel.send_button.click()
    qtbot.waitUntil(lambda: store.get(ids["queued"]).status is DraftStatus.SENT, timeout=5000)
    qtbot.waitUntil(lambda: panel.message.text().startswith("Booked for"), timeout=3000)
    qtbot.waitUntil(lambda: row_texts(panel)[2][3] == "Booked", timeout=3000)
    assert len(sandbox.state.bookings()) == before + 1
    booked = store.get(ids["queued"]).booking_id
    assert booked in {b["id"] for b in sandbox.state.bookings()}


def test_sync_service_reports_counts_offline_and_auth_as_signals(
        qtbot: Any, store: DraftStore, service: SyncService, sandbox: Any,
        plan: list[Any]) -> None:
    counts: list[tuple[int, int]] = []
    service.sig_counts_changed.connect(lambda w, a: counts.append((w, a)))
    draft = store.save(*plan[0], queue=True)
    with qtbot.waitSignal(service.sig_draft_changed, timeout=5000,
                          check_params_cb=lambda i: i == draft.id):
        service.start()
    qtbot.waitUntil(lambda: store.get(draft.id).status is DraftStatus.SENT, timeout=5000)
    qtbot.waitUntil(lambda: bool(counts) and counts[-1] == (0, 0), timeout=3000)

    with qtbot.waitSignal(service.sig_online_changed, timeout=5000,
                          check_params_cb=lambda online: online is False):
        sandbox.faults.update(refuse_connections=True)
        store.save(*plan[1], queue=True)
        service.wake()
    with qtbot.waitSignal(service.sig_online_changed, timeout=5000,
                          check_params_cb=lambda online: online is True):
        sandbox.faults.update(refuse_connections=False)
    qtbot.waitUntil(lambda: store.counts()[DraftStatus.SENT] == 2, timeout=5000)

    with qtbot.waitSignal(service.sig_auth_required, timeout=5000):
        sandbox.faults.update(expire_tokens=True)
        store.save(*plan[2], queue=True)
        service.wake()
    sandbox.faults.update(expire_tokens=False)
    fresh = BookingClient(sandbox.url, sandbox.staff_token())
    service.sign_in(fresh)
    qtbot.waitUntil(lambda: store.counts()[DraftStatus.SENT] == 3, timeout=5000)
    assert service.stop()
    fresh.close()
