"""The engine's rules for bookings, against the in-process FakeServer (fast, every branch)."""

from __future__ import annotations

import random
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.api.errors import (
    AlreadyRegisteredError,
    AuthError,
    EventFullError,
    InDoubtError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    SlotTakenError,
    ValidationError,
)
from desktop.clock import ManualClock
from desktop.outbox import OperationStatus, OutboxStore, SyncUnavailableError
from desktop.outbox.engine import SyncEngine, SyncListener
from desktop.outbox.model import Problem
from desktop.outbox.timing import Backoff, Timing
from tests.drafts.conftest import FAST, Crash, FakeClient, FakeServer, booking_request, form

S = OperationStatus


class Recorder(SyncListener):
    def __init__(self) -> None:
        self.events: list[tuple[object, ...]] = []

    def operation_changed(self, op_id: str) -> None:
        self.events.append(("op", op_id))

    def counts_changed(self, waiting: int, attention: int) -> None:
        self.events.append(("counts", waiting, attention))

    def online_changed(self, online: bool) -> None:
        self.events.append(("online", online))

    def auth_required(self) -> None:
        self.events.append(("auth",))


def engine_for(store: OutboxStore, client: FakeClient | None,
               timing: Timing = FAST) -> SyncEngine:
    return SyncEngine(store, client, "biz-1", timing=timing, rng=random.Random(7),
                      clock=store.clock)


def queue(store: OutboxStore, n: int) -> str:
    return store.save_draft(booking_request(n), form(n), queue=True).id


def test_backoff_doubles_from_five_seconds_to_five_minutes_with_jitter() -> None:
    rng = random.Random(1)
    backoff = Backoff()
    delays = [backoff.delay(n, rng) for n in range(1, 12)]
    assert 4.0 <= delays[0] <= 6.0
    assert 8.0 <= delays[1] <= 12.0
    assert 16.0 <= delays[2] <= 24.0
    assert all(d <= 300.0 for d in delays)
    assert delays[-1] >= 240.0
    assert len({round(d, 6) for d in delays[-3:]}) > 1  # jittered, not lock-step


def test_queued_drafts_are_sent_once_in_creation_order(store: OutboxStore, server: FakeServer,
                                                       fake_client: FakeClient) -> None:
    ids = [queue(store, n) for n in range(4)]
    store.save_draft(booking_request(8), form(8))  # a plain draft is not sent
    engine = engine_for(store, fake_client)
    assert engine.run_once() == 4
    assert engine.run_once() == 0
    sent = [store.get(i) for i in ids]
    assert [d.status for d in sent] == [S.SENT] * 4
    assert [d.result_id for d in sent] == list(server.bookings)
    assert [b["client_id"] for b in server.bookings.values()] == [f"client-{n}"
                                                                  for n in range(4)]
    assert server.keys_seen == [d.idempotency_key for d in sent]


def test_offline_keeps_drafts_queued_and_sends_them_when_back(store: OutboxStore,
                                                              server: FakeServer,
                                                              fake_client: FakeClient) -> None:
    recorder = Recorder()
    op_id = queue(store, 1)
    engine = engine_for(store, fake_client)
    engine.add_listener(recorder)
    server.offline = True
    assert not engine.probe()
    engine.run_once()  # stops at once: known offline
    assert fake_client.calls.count("create_booking") == 0
    engine._online = None
    engine.run_once()  # tries, fails offline, puts it back with a later time
    draft = store.get(op_id)
    assert draft.status is S.QUEUED
    assert not draft.needs_lookup  # nothing reached the server
    assert draft.next_attempt_at > store.clock.now()
    assert "cannot be reached" in draft.last_error
    server.offline = False
    assert engine.probe()
    assert store.get(op_id).next_attempt_at <= store.clock.now()  # back online: due now
    engine.run_once()
    assert store.get(op_id).status is S.SENT
    assert len(server.bookings) == 1
    assert ("online", False) in recorder.events
    assert recorder.events[-1] != ("online", False)
    assert ("online", True) in recorder.events


@pytest.mark.parametrize(("error", "problem"), [
    (SlotTakenError("That time is no longer free.", error_code="TIMESLOT_UNAVAILABLE"),
     Problem.TIME_TAKEN),
    (AlreadyRegisteredError("The client is already registered for this event."),
     Problem.REFUSED),
    (EventFullError("The event is full."), Problem.REFUSED),
    (ValidationError("First name can't be blank", field="q_first"), Problem.FIX_FIELDS),
    (PermissionDeniedError("Forbidden", action="make bookings"), Problem.NOT_ALLOWED),
])
def test_refusals_are_set_aside_with_a_sentence_and_never_retried(
        store: OutboxStore, server: FakeServer, fake_client: FakeClient,
        error: Exception, problem: Problem) -> None:
    recorder = Recorder()
    op_id = queue(store, 1)
    server.refuse_next.append(error)  # type: ignore[arg-type]
    engine = engine_for(store, fake_client)
    engine.add_listener(recorder)
    engine.run_once()
    draft = store.get(op_id)
    assert draft.status is S.NEEDS_ATTENTION
    assert draft.problem is problem
    assert draft.last_error
    assert draft.last_error.endswith(".")
    assert "TIMESLOT" not in draft.last_error
    engine.run_once()
    assert fake_client.calls.count("create_booking") == 1
    assert engine.refresh_counts() == (0, 1)
    assert not engine.paused  # a 403 never pauses the outbox, never asks to sign in
    assert ("auth",) not in recorder.events
    if problem is Problem.FIX_FIELDS:
        assert draft.field_errors == {"q_first": "First name can't be blank"}


def test_a_lost_answer_is_looked_up_after_the_grace_not_resent(
        db_path: Path, server: FakeServer, fake_client: FakeClient) -> None:
    clock = ManualClock(booking_request(0).start_time - timedelta(days=1))
    grace = timedelta(seconds=25)
    with OutboxStore(db_path, clock=clock) as store:
        op_id = queue(store, 1)
        server.lose_answer = 1  # booked, then the answer is lost (read timeout)
        engine = engine_for(store, fake_client, Timing(backoff=FAST.backoff,
                                                       in_doubt_grace=grace))
        engine.run_once()
        draft = store.get(op_id)
        assert draft.status is S.QUEUED
        assert draft.needs_lookup
        assert draft.lookup_after == clock.now() + grace
        clock.advance(24)
        assert engine.run_once() == 0  # not before the grace is over
        assert fake_client.calls.count("find_booking") == 0
        clock.advance(2)
        engine.run_once()
        assert store.get(op_id).status is S.SENT
        assert store.get(op_id).result_id == next(iter(server.bookings))
        assert len(server.bookings) == 1
        assert fake_client.calls.count("create_booking") == 1


def test_a_server_error_before_booking_is_retried_after_a_look_up(
        store: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    op_id = queue(store, 1)
    server.refuse_next.append(ServerError("The booking service had a problem (503).",
                                          status=503))
    engine = engine_for(store, fake_client)
    engine.run_once()
    assert store.get(op_id).attempts == 1
    assert store.get(op_id).needs_lookup
    engine.run_once()
    assert fake_client.calls[-2:] == ["find_booking", "create_booking"]
    assert store.get(op_id).status is S.SENT
    assert len(server.bookings) == 1
    assert server.keys_seen[0] == server.keys_seen[1]  # same key on every send


def test_rate_limit_honours_retry_after(store: OutboxStore, server: FakeServer,
                                        fake_client: FakeClient) -> None:
    op_id = queue(store, 1)
    server.refuse_next.append(RateLimitedError("Too many requests.", retry_after=120))
    engine = engine_for(store, fake_client)
    before = store.clock.now()
    engine.run_once()
    draft = store.get(op_id)
    assert draft.status is S.QUEUED
    assert not draft.needs_lookup
    assert draft.next_attempt_at >= before + timedelta(seconds=120)
    assert engine.run_once() == 0


def test_a_401_pauses_everything_until_sign_in(store: OutboxStore, server: FakeServer,
                                               fake_client: FakeClient) -> None:
    recorder = Recorder()
    ids = [queue(store, n) for n in range(3)]
    server.refuse_next.append(AuthError())
    engine = engine_for(store, fake_client)
    engine.add_listener(recorder)
    engine.run_once()
    assert ("auth",) in recorder.events
    assert engine.paused
    assert [store.get(i).status for i in ids] == [S.QUEUED] * 3
    assert engine.run_once() == 0
    engine.sign_in(FakeClient(server))
    engine.run_once()
    assert [store.get(i).status for i in ids] == [S.SENT] * 3
    assert len(server.bookings) == 3


def test_signed_out_sends_nothing_and_send_now_says_why(store: OutboxStore) -> None:
    op_id = queue(store, 1)
    engine = engine_for(store, None)
    assert engine.run_once() == 0
    with pytest.raises(SyncUnavailableError, match="Sign in"):
        engine.send_now(op_id)


@pytest.mark.parametrize("when", ["before", "after"])
def test_dying_mid_send_is_resolved_by_look_up_on_restart(
        db_path: Path, server: FakeServer, when: str) -> None:
    timing = Timing(backoff=FAST.backoff, lease=timedelta(0), in_doubt_grace=timedelta(0))
    with OutboxStore(db_path) as store:
        op_id = queue(store, 1)
        server.crash = when
        with pytest.raises(Crash):
            engine_for(store, FakeClient(server), timing).run_once()
    with OutboxStore(db_path) as store:
        assert store.get(op_id).status is S.SENDING
        engine = engine_for(store, FakeClient(server), timing)
        assert engine.recover() == 1
        assert store.get(op_id).needs_lookup
        engine.run_once()
        draft = store.get(op_id)
        assert draft.status is S.SENT
        assert len(server.bookings) == 1
        assert draft.result_id == next(iter(server.bookings))


def test_a_look_up_that_cannot_tell_never_sends(db_path: Path, server: FakeServer) -> None:
    clock = ManualClock(booking_request(0).start_time - timedelta(days=1))
    with OutboxStore(db_path, clock=clock) as store:
        op_id = queue(store, 1)
        server.lose_answer = 1
        engine = engine_for(store, FakeClient(server))
        engine.run_once()
        server.lookup_fails = True
        engine.run_once()
        draft = store.get(op_id)
        assert draft.status is S.QUEUED
        assert draft.needs_lookup
        assert "could not yet check" in draft.last_error
        server.lookup_fails = False
        clock.advance(1)
        assert engine.probe()
        engine.run_once()
        assert store.get(op_id).status is S.SENT
        assert len(server.bookings) == 1


def test_slot_taken_by_our_own_earlier_booking_counts_as_booked(
        store: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    op_id = queue(store, 1)
    request = booking_request(1)
    mine = server.add(client_id=request.client_id or "", start=request.start_time)
    server.refuse_next.append(SlotTakenError("That time is no longer free."))
    engine_for(store, fake_client).run_once()
    draft = store.get(op_id)
    assert draft.status is S.SENT
    assert draft.result_id == mine


def test_an_unfinished_draft_queued_by_an_old_app_is_set_aside(
        store: OutboxStore, fake_client: FakeClient) -> None:
    half = store.save_draft(None, form(1))
    store.db.read("SELECT 1")  # (the v2 app could queue a draft without a request)
    with store.db.write("test") as conn:
        conn.execute("UPDATE operations SET status = 'queued' WHERE id = ?", (half.id,))
    engine_for(store, fake_client).run_once()
    draft = store.get(half.id)
    assert draft.status is S.NEEDS_ATTENTION
    assert draft.problem is Problem.INCOMPLETE


def test_send_now_sends_a_draft_ignoring_its_backoff(store: OutboxStore, server: FakeServer,
                                                     fake_client: FakeClient) -> None:
    plain = store.save_draft(booking_request(1), form(1)).id
    engine = engine_for(store, fake_client)
    assert engine.send_now(plain).status is S.SENT
    later = queue(store, 2)
    server.refuse_next.append(RateLimitedError("Slow down.", retry_after=3600))
    engine.run_once()
    assert store.get(later).next_attempt_at > store.clock.now() + timedelta(minutes=5)
    assert engine.send_now(later).status is S.SENT
    assert len(server.bookings) == 2


def test_send_now_never_skips_the_in_doubt_grace(db_path: Path, server: FakeServer,
                                                 fake_client: FakeClient) -> None:
    with OutboxStore(db_path) as store:
        op_id = queue(store, 1)
        server.lose_answer = 1
        engine = engine_for(store, fake_client, Timing(in_doubt_grace=timedelta(minutes=5)))
        engine.run_once()
        waiting = engine.send_now(op_id)
        assert waiting.status is S.QUEUED
        assert waiting.needs_lookup
        assert fake_client.calls.count("create_booking") == 1
        assert fake_client.calls.count("find_booking") == 0


def test_in_doubt_from_the_client_is_looked_up_again_as_soon_as_the_api_answers(
        db_path: Path, server: FakeServer, fake_client: FakeClient) -> None:
    """A look-up that failed waits out a backoff; the API answering anywhere in the app
    brings it forward (issue 13, point 6), never before the grace."""
    clock = ManualClock(booking_request(0).start_time - timedelta(days=1))
    timing = Timing(backoff=Backoff(first=300, limit=300, jitter=0),
                    in_doubt_grace=timedelta(seconds=25))
    with OutboxStore(db_path, clock=clock) as store:
        op_id = queue(store, 1)
        server.lose_answer = 1
        engine = engine_for(store, fake_client, timing)
        engine.run_once()
        clock.advance(26)
        server.lookup_fails = True
        engine.run_once()
        draft = store.get(op_id)
        assert draft.next_attempt_at == clock.now() + timedelta(seconds=300)
        server.lookup_fails = False
        clock.advance(1)
        assert store.get(op_id).next_attempt_at > clock.now() + timedelta(seconds=250)
        engine.api_answered()  # e.g. the booking page just loaded times
        engine.run_once()
        assert store.get(op_id).status is S.SENT
        assert len(server.bookings) == 1


def test_the_engine_thread_sends_what_is_queued_and_reports(store: OutboxStore,
                                                            server: FakeServer,
                                                            fake_client: FakeClient) -> None:
    recorder = Recorder()
    changed = threading.Event()

    class Waker(SyncListener):
        def operation_changed(self, op_id: str) -> None:
            changed.set()

    engine = engine_for(store, fake_client)
    engine.add_listener(recorder)
    engine.add_listener(Waker())
    engine.start()
    try:
        op_id = queue(store, 1)
        engine.wake()
        deadline = time.monotonic() + 5
        while store.get(op_id).status is not S.SENT:
            assert time.monotonic() < deadline
            changed.wait(0.05)
        server.offline = True
        second = queue(store, 2)
        engine.wake()
        while ("online", False) not in recorder.events:
            assert time.monotonic() < deadline
            changed.wait(0.05)
        server.offline = False
        while store.get(second).status is not S.SENT:
            assert time.monotonic() < deadline
            changed.wait(0.05)
    finally:
        assert engine.stop(timeout=5)
    assert len(server.bookings) == 2
    assert ("counts", 0, 0) in recorder.events
    assert ("op", op_id) in recorder.events


def test_in_doubt_without_a_look_up_api_still_never_resends(
        store: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    op_id = queue(store, 1)
    server.refuse_next.append(InDoubtError("The answer was lost."))
    engine = engine_for(store, fake_client)
    engine.run_once()
    assert store.get(op_id).needs_lookup
    engine.run_once()
    assert fake_client.calls[-2:] == ["find_booking", "create_booking"]
    assert len(server.bookings) == 1
