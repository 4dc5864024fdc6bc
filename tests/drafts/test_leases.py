"""Leases: two engines on one outbox file never send the same operation at once; a dead
engine's work is taken back only once its lease expired, and looked up after the grace;
retry times survive a clock set back."""

from __future__ import annotations

import random
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.api.models import Booking, BookingRequest
from desktop.clock import ManualClock, SystemClock
from desktop.outbox import OperationStatus, OutboxStore
from desktop.outbox.engine import SyncEngine
from desktop.outbox.errors import LeaseLostError
from desktop.outbox.timing import Backoff, Timing
from tests.drafts.conftest import BASE_TIME, FakeClient, FakeServer, booking_request, form

S = OperationStatus


class SlowClient(FakeClient):
    """Holds every create until ``release`` is set (a booking request slower than usual)."""

    def __init__(self, server: FakeServer) -> None:
        super().__init__(server)
        self.entered = threading.Event()
        self.release = threading.Event()

    def create_booking(self, request: BookingRequest,
                       idempotency_key: str | None = None) -> Booking:
        self.entered.set()
        assert self.release.wait(10)
        return super().create_booking(request, idempotency_key)


def engine_for(store: OutboxStore, client: Any, timing: Timing, owner: str) -> SyncEngine:
    return SyncEngine(store, client, "biz-1", timing=timing, rng=random.Random(1),
                      clock=store.clock, owner=owner)


def test_a_second_engine_never_sends_what_the_first_is_sending(
        db_path: Path, server: FakeServer) -> None:
    timing = Timing(backoff=Backoff(first=0, limit=0), lease=timedelta(seconds=0.3),
                    in_doubt_grace=timedelta(seconds=0.1))
    first_store, second_store = OutboxStore(db_path), OutboxStore(db_path)
    ids = [first_store.save_draft(booking_request(n), form(n), queue=True).id
           for n in range(4)]
    slow = SlowClient(server)
    first = engine_for(first_store, slow, timing, "desk-a")
    second = engine_for(second_store, FakeClient(server), timing, "desk-b")
    worker = threading.Thread(target=lambda: first.sender.send(slow, first_store.get(ids[0])))
    worker.start()
    try:
        assert slow.entered.wait(5)
        # Several leases' worth of time passes with the first request still on the wire: its
        # engine renews the lease, so the second engine neither sends nor takes it back.
        for _ in range(4):
            threading.Event().wait(0.3)
            second.recover()
            second.run_once()
        assert second_store.get(ids[0]).status is S.SENDING
        assert second_store.get(ids[0]).lease_owner == "desk-a"
        assert [w[1].client_id for w in server.writes] == [f"client-{n}" for n in (1, 2, 3)]
    finally:
        slow.release.set()
        worker.join(10)
        first.close()
        second.close()
    assert first_store.get(ids[0]).status is S.SENT
    assert len(server.writes) == 4
    assert server.keys_seen.count(first_store.get(ids[0]).idempotency_key) == 1
    first_store.close()
    second_store.close()


def test_a_dead_engines_work_is_taken_back_after_its_lease_and_the_grace(
        db_path: Path, server: FakeServer) -> None:
    clock = ManualClock(BASE_TIME)
    timing = Timing(lease=timedelta(seconds=30), in_doubt_grace=timedelta(seconds=25))
    store = OutboxStore(db_path, clock=clock)
    op_id = store.save_draft(booking_request(1), form(1), queue=True).id
    dead = engine_for(store, FakeClient(server), timing, "dead")
    # Claimed, sent ... and the process died.
    claim = dead.ledger.claim(store.get(op_id), clock.now())
    assert claim is not None
    server.add(client_id="client-1", start=booking_request(1).start_time or BASE_TIME)
    heir = engine_for(OutboxStore(db_path, clock=clock), FakeClient(server), timing, "heir")
    clock.advance(29)
    assert heir.recover() == 0  # its lease still holds: maybe it is only slow
    clock.advance(2)
    assert heir.recover() == 1
    taken_back = store.get(op_id)
    assert taken_back.status is S.QUEUED
    assert taken_back.needs_lookup
    # Looked up 25 s after it was sent (it was sent 31 s ago): due now.
    assert taken_back.next_attempt_at == clock.now()
    heir.run_once()
    assert store.get(op_id).status is S.SENT
    assert server.writes == []  # found, never sent again
    with pytest.raises(LeaseLostError):
        dead.ledger.done(store.get(op_id), "bk-x", clock.now())  # the dead one cannot overwrite it
    assert store.get(op_id).result_id == "bk-1"


def test_start_up_recovery_waits_for_the_grace_too(db_path: Path, server: FakeServer) -> None:
    """Issue 15 #1: a request the last run sent a moment before it died may still be
    committed by the server; the look-up waits for the grace counted from the send."""
    clock = ManualClock(BASE_TIME)
    timing = Timing(lease=timedelta(seconds=1), in_doubt_grace=timedelta(seconds=25))
    with OutboxStore(db_path, clock=clock) as store:
        op_id = store.save_draft(booking_request(1), form(1), queue=True).id
        gone = engine_for(store, FakeClient(server), timing, "gone")
        gone.ledger.claim(store.get(op_id), clock.now())
    clock.advance(5)
    client = FakeClient(server)
    with OutboxStore(db_path, clock=clock) as store:
        engine = engine_for(store, client, timing, "next")
        assert engine.recover() == 1
        assert engine.run_once() == 0
        assert client.calls == []  # no look-up yet: the server may still be committing it
        assert store.get(op_id).next_attempt_at == BASE_TIME + timedelta(seconds=25)
        clock.advance(20)
        engine.run_once()
        assert client.calls == ["find_booking", "create_booking"]
        assert store.get(op_id).status is S.SENT


def test_a_retry_survives_the_clock_being_set_back(db_path: Path, server: FakeServer) -> None:
    clock = ManualClock(BASE_TIME)
    timing = Timing(backoff=Backoff(first=2, limit=300, jitter=0))
    with OutboxStore(db_path, clock=clock) as store:
        op_id = store.save_draft(booking_request(1), form(1), queue=True).id
        client = FakeClient(server)
        engine = engine_for(store, client, timing, "desk")
        server.refuse_next.append(__import__("desktop.api.errors", fromlist=["x"])
                                  .RateLimitedError("Slow down."))
        engine.run_once()
        assert store.get(op_id).next_attempt_at == BASE_TIME + timedelta(seconds=2)
        clock.set(BASE_TIME - timedelta(hours=1))  # someone corrects the PC's clock
        engine.run_once()  # due in "1 h 2 s": further ahead than any wait it sets
        assert store.get(op_id).status is S.SENT


def test_an_in_doubt_grace_is_kept_on_the_monotonic_clock(
        db_path: Path, server: FakeServer) -> None:
    clock = ManualClock(BASE_TIME)
    timing = Timing(in_doubt_grace=timedelta(seconds=25))
    with OutboxStore(db_path, clock=clock) as store:
        op_id = store.save_draft(booking_request(1), form(1), queue=True).id
        client = FakeClient(server)
        engine = engine_for(store, client, timing, "desk")
        server.lose_answer = 1
        engine.run_once()
        clock.set(BASE_TIME + timedelta(minutes=10))  # the wall clock jumps ahead
        engine.run_once()
        assert "find_booking" not in client.calls  # only 0 s of real waiting so far
        clock.advance(26)
        engine.run_once()
        assert client.calls == ["create_booking", "find_booking"]
        assert store.get(op_id).status is S.SENT


def test_the_lease_is_renewed_while_a_slow_request_runs(db_path: Path,
                                                        server: FakeServer) -> None:
    timing = Timing(lease=timedelta(seconds=0.3))
    store = OutboxStore(db_path, clock=SystemClock())
    op_id = store.save_draft(booking_request(1), form(1), queue=True).id
    slow = SlowClient(server)
    engine = engine_for(store, slow, timing, "desk")
    worker = threading.Thread(target=engine.run_once)
    worker.start()
    try:
        assert slow.entered.wait(5)
        first = store.get(op_id).lease_expires
        assert first is not None
        renewed = threading.Event()
        for _ in range(50):
            again = store.get(op_id).lease_expires
            if again is not None and again > first:
                renewed.set()
                break
            renewed.wait(0.05)
        assert renewed.is_set()
    finally:
        slow.release.set()
        worker.join(10)
        engine.close()
    assert store.get(op_id).status is S.SENT
    store.close()


def test_an_operation_another_engine_put_in_doubt_is_not_claimed_from_a_stale_list(
        db_path: Path, server: FakeServer) -> None:
    """Seen in the two-engine drill: an engine works through the due list it read at the
    start of its round; meanwhile the other engine sent one of them and put it in doubt
    (queued again, to be looked up after the grace). It must not be claimed from the stale
    list: the look-up would come before the grace, find nothing yet, and post it twice."""
    clock = ManualClock(BASE_TIME)
    timing = Timing(in_doubt_grace=timedelta(seconds=25))
    store = OutboxStore(db_path, clock=clock)
    op_id = store.save_draft(booking_request(1), form(1), queue=True).id
    first = engine_for(store, FakeClient(server), timing, "desk-a")
    second = engine_for(OutboxStore(db_path, clock=clock), FakeClient(server), timing,
                        "desk-b")
    stale = first.ledger.due(clock.now())
    assert [op.id for op in stale] == [op_id]
    server.lose_answer = 1
    second.run_once()  # posted, answer lost: in doubt for 25 s
    assert store.get(op_id).status is S.QUEUED
    assert store.get(op_id).needs_lookup
    assert first.ledger.claim(stale[0], clock.now()) is None
    assert first.sender.send(FakeClient(server), stale[0]) is None
    assert len(server.writes) == 1
    clock.advance(26)
    first.run_once()
    assert store.get(op_id).status is S.SENT
    assert len(server.writes) == 1
