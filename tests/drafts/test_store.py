"""The outbox file: durability, checked transitions, operations of every kind, autosave."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import platformdirs
import pytest

from desktop.clock import ManualClock
from desktop.outbox import (
    BookingLabel,
    CancelBooking,
    CompleteBooking,
    InvalidTransitionError,
    MoveBooking,
    OperationKind,
    OperationStatus,
    OutboxStore,
    RescheduleBooking,
    default_path,
)
from desktop.outbox.ledger import SendLedger
from desktop.outbox.model import Problem
from desktop.outbox.schema import SCHEMA_VERSION
from tests.drafts.conftest import BASE_TIME, booking_request, form

S = OperationStatus


def ledger_of(store: OutboxStore, owner: str = "me") -> SendLedger:
    return SendLedger(store.db, owner, lease=timedelta(seconds=30))


def test_saved_draft_is_on_disk_with_everything_needed_to_send_and_reopen(
        db_path: Path) -> None:
    with OutboxStore(db_path) as store:
        saved = store.save_draft(booking_request(1), form(1))
    with OutboxStore(db_path) as store:
        again = store.get(saved.id)
    assert again == saved
    assert again is not None
    assert again.status is S.DRAFT
    assert again.kind is OperationKind.CREATE_BOOKING
    assert again.booking_request() == booking_request(1)
    assert again.form == form(1)
    assert again.label.client_name == "Client 1"
    assert again.label.start_time == booking_request(1).start_time
    assert again.created_at.utcoffset() == timedelta(0)


def test_file_is_wal_with_full_sync_and_current_schema(store: OutboxStore, db_path: Path) -> None:
    assert store.db.read("PRAGMA synchronous")[0][0] == 2  # FULL
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        raw.close()


def test_default_location_is_the_platform_user_data_dir(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == Path(platformdirs.user_data_dir("frontdesk")) / "drafts.sqlite3"
    assert str(default_path()).startswith(str(tmp_path / "xdg"))
    with OutboxStore() as store:
        store.save_draft(booking_request(1), form(1))
    assert default_path().exists()


def test_time_comes_from_the_clock_given(db_path: Path) -> None:
    clock = ManualClock(BASE_TIME)
    with OutboxStore(db_path, clock=clock) as store:
        first = store.save_draft(booking_request(1), form(1))
        clock.advance(90)
        queued = store.queue(first.id)
    assert first.created_at == BASE_TIME
    assert queued.updated_at == BASE_TIME + timedelta(seconds=90)
    assert queued.next_attempt_at == BASE_TIME + timedelta(seconds=90)


def test_queueing_fixes_one_idempotency_key_for_every_send(store: OutboxStore) -> None:
    draft = store.save_draft(booking_request(1), form(1))
    assert draft.idempotency_key is None
    key = store.queue(draft.id).idempotency_key
    assert key
    ledger = ledger_of(store)
    claim = ledger.claim(store.get(draft.id), store.clock.now())
    assert claim is not None
    sending, look_first = claim
    assert not look_first
    assert sending.attempts == 1
    assert sending.needs_lookup  # from now on it may have reached the server
    assert sending.lease_owner == "me"
    back = ledger.retry_later(store.get(draft.id), when=store.clock.now(), error="Offline.",
                              needs_lookup=False, now=store.clock.now())
    assert back.status is S.QUEUED
    assert back.last_error == "Offline."
    assert back.lease_owner is None
    claimed_again = ledger.claim(store.get(draft.id), store.clock.now())
    assert claimed_again is not None
    assert claimed_again[0].idempotency_key == key
    assert ledger.done(store.get(draft.id), "bk-1", store.clock.now()).idempotency_key == key


def test_status_transitions_are_checked(store: OutboxStore) -> None:
    draft = store.save_draft(booking_request(1), form(1))
    ledger = ledger_of(store)
    assert ledger.claim(store.get(draft.id), store.clock.now()) is None  # a draft is never sent
    store.queue(draft.id)
    assert ledger.claim(store.get(draft.id), store.clock.now()) is not None
    with pytest.raises(InvalidTransitionError, match="being sent"):
        store.drop(draft.id)
    with pytest.raises(InvalidTransitionError):
        store.update_draft(draft.id, booking_request(2))
    ledger.done(store.get(draft.id), "bk-1", store.clock.now())
    with pytest.raises(InvalidTransitionError, match="already done"):
        store.queue(draft.id)
    assert ledger.claim(store.get(draft.id), store.clock.now()) is None
    assert store.get(draft.id).status is S.SENT


def test_an_unfinished_draft_is_kept_but_cannot_be_queued(store: OutboxStore) -> None:
    half = store.save_draft(None, form(1))
    assert store.get(half.id).booking_request() is None
    with pytest.raises(InvalidTransitionError, match="not complete enough"):
        store.queue(half.id)
    fixed = store.update_draft(half.id, booking_request(1), form(1))
    assert store.queue(fixed.id).status is S.QUEUED


def test_refused_draft_is_fixed_with_a_new_request_and_a_new_key(store: OutboxStore) -> None:
    draft = store.queue(store.save_draft(booking_request(1), form(1)).id)
    ledger = ledger_of(store)
    ledger.claim(store.get(draft.id), store.clock.now())
    ledger.set_aside(store.get(draft.id), problem=Problem.TIME_TAKEN, now=store.clock.now(),
                     sentence="That time was taken by someone else.")
    assert store.get(draft.id).problem is Problem.TIME_TAKEN
    fixed = store.update_draft(draft.id, booking_request(5), form(5))
    assert fixed.status is S.DRAFT
    assert fixed.problem is None
    assert fixed.booking_request() == booking_request(5)
    assert fixed.form == form(5)
    requeued = store.queue(draft.id)
    assert requeued.last_error is None
    assert requeued.idempotency_key not in (None, draft.idempotency_key)


def test_operations_of_every_kind_are_kept_typed(store: OutboxStore) -> None:
    label = BookingLabel(client_name="Ann Lee", start_time=BASE_TIME, time_zone="UTC",
                         service_name="Massage", staff_name="Dr. Chen")
    later = BASE_TIME + timedelta(hours=2)
    cancel = store.enqueue(CancelBooking(business_id="biz-1", booking_id="bk-1",
                                         message="Sorry, Ann"), label=label)
    moved = store.enqueue(MoveBooking(business_id="biz-1", booking_id="bk-2",
                                      new_booking=booking_request(3), new_staff_name="Dana"))
    marks = store.enqueue_all([CompleteBooking(business_id="biz-1", booking_id=f"bk-{n}",
                                               no_show=True) for n in (4, 5)])
    again = {op.id: op for op in store.list_operations()}
    assert again[cancel.id].payload == CancelBooking(business_id="biz-1", booking_id="bk-1",
                                                     message="Sorry, Ann")
    assert again[cancel.id].label == label
    assert again[cancel.id].subject == "bk-1"
    assert again[cancel.id].status is S.QUEUED
    assert again[moved.id].kind is OperationKind.MOVE
    assert again[moved.id].subject == "bk-2"  # a move is ordered with its old booking
    assert {again[m.id].batch_id for m in marks} == {marks[0].batch_id}
    assert marks[0].batch_id is not None
    rescheduled = store.enqueue(RescheduleBooking(business_id="biz-1", booking_id="bk-1",
                                                  start_time=later))
    pending = store.pending_by_booking(["bk-1", "bk-4", "bk-9"])
    assert [op.id for op in pending["bk-1"]] == [cancel.id, rescheduled.id]
    assert [op.id for op in pending["bk-4"]] == [marks[0].id]
    assert "bk-9" not in pending
    assert set(store.pending_by_booking()) == {"bk-1", "bk-2", "bk-4", "bk-5"}


def test_enqueue_all_keeps_all_or_none(db_path: Path) -> None:
    def die(op: str) -> None:
        raise RuntimeError("power cut")

    with OutboxStore(db_path, before_commit=die) as store, pytest.raises(RuntimeError):
        store.enqueue_all([CancelBooking(business_id="b", booking_id=f"bk-{n}")
                           for n in range(3)])
    with OutboxStore(db_path) as store:
        assert store.list_operations() == []


def test_change_time_puts_a_refused_reschedule_back_in_the_queue(store: OutboxStore) -> None:
    op = store.enqueue(RescheduleBooking(business_id="biz-1", booking_id="bk-1",
                                         start_time=BASE_TIME))
    ledger = ledger_of(store)
    ledger.claim(store.get(op.id), store.clock.now())
    ledger.set_aside(store.get(op.id), problem=Problem.TIME_TAKEN, sentence="Taken.",
                     now=store.clock.now())
    later = BASE_TIME + timedelta(hours=1)
    moved = store.change_time(op.id, later)
    assert moved.status is S.QUEUED
    assert isinstance(moved.payload, RescheduleBooking)
    assert moved.payload.start_time == later
    assert moved.problem is None
    cancel = store.enqueue(CancelBooking(business_id="biz-1", booking_id="bk-9"))
    with pytest.raises(InvalidTransitionError, match="another time"):
        store.change_time(cancel.id, later)


def test_due_operations_come_in_creation_order_and_counts_add_up(store: OutboxStore) -> None:
    ids = [store.save_draft(booking_request(n), form(n), queue=True).id for n in range(5)]
    store.save_draft(booking_request(9), form(9))
    ledger = ledger_of(store)
    now, horizon = store.clock.now(), timedelta(minutes=30)
    assert [d.id for d in ledger.due(now, horizon)] == ids
    ledger.claim(store.get(ids[0]), now)
    ledger.set_aside(store.get(ids[0]), problem=Problem.REFUSED, sentence="Refused.", now=now)
    counts = store.counts()
    assert counts[S.QUEUED] == 4
    assert counts[S.NEEDS_ATTENTION] == 1
    assert counts[S.DRAFT] == 1
    assert store.waiting_and_attention() == (4, 1)
    store.drop(ids[1])
    assert [d.id for d in ledger.due(now, horizon)] == ids[2:]


def test_a_later_change_of_a_booking_waits_for_an_earlier_one(store: OutboxStore) -> None:
    ledger = ledger_of(store)
    first = store.enqueue(RescheduleBooking(business_id="b", booking_id="bk-1",
                                            start_time=BASE_TIME))
    other = store.enqueue(CancelBooking(business_id="b", booking_id="bk-2"))
    second = store.enqueue(CancelBooking(business_id="b", booking_id="bk-1"))
    now, horizon = store.clock.now(), timedelta(minutes=30)
    assert [op.id for op in ledger.due(now, horizon)] == [first.id, other.id]
    ledger.claim(store.get(first.id), now)
    assert [op.id for op in ledger.due(now, horizon)] == [other.id]  # still unsettled
    ledger.set_aside(store.get(first.id), problem=Problem.TIME_TAKEN, sentence="Taken.", now=now)
    assert [op.id for op in ledger.due(now, horizon)] == [other.id]  # a person decides first
    store.drop(first.id)
    assert [op.id for op in ledger.due(now, horizon)] == [other.id, second.id]


def test_autosave_keeps_one_form_in_progress_across_restarts(db_path: Path) -> None:
    with OutboxStore(db_path) as store:
        assert store.recover_autosave() is None
        store.autosave(form(1))
        store.autosave(form(2))
    with OutboxStore(db_path) as store:
        recovered = store.recover_autosave()
        assert recovered is not None
        assert recovered.form == form(2)
        store.clear_autosave()
    with OutboxStore(db_path) as store:
        assert store.recover_autosave() is None


def test_concurrent_saves_from_several_threads_all_land(store: OutboxStore) -> None:
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for n in range(40):
                draft = store.save_draft(booking_request(offset + n), form(n))
                store.queue(draft.id)
                store.get(draft.id)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k * 1000,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.counts()[S.QUEUED] == 160


def test_a_write_interrupted_before_commit_leaves_nothing_half_done(db_path: Path) -> None:
    def explode(op: str) -> None:
        if op == "update_draft":
            raise RuntimeError("power cut")

    with OutboxStore(db_path, before_commit=explode) as store:
        draft = store.save_draft(booking_request(1), form(1))
        with pytest.raises(RuntimeError):
            store.update_draft(draft.id, booking_request(2))
        assert store.get(draft.id) == draft
    with OutboxStore(db_path) as store:
        assert store.get(draft.id) == draft
