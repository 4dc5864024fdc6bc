"""The engine's rules, against the in-process FakeServer (fast, every branch reachable)."""

from __future__ import annotations

import random
import threading
import time
from datetime import timedelta

import pytest

from desktop.api.errors import (
    AlreadyRegisteredError,
    AuthError,
    EventFullError,
    RateLimitedError,
    ServerError,
    SlotTakenError,
)
from desktop.drafts.errors import SyncUnavailableError
from desktop.drafts.store import DraftStatus, DraftStore
from desktop.drafts.sync import Backoff, SyncEngine, SyncListener
from tests.drafts.conftest import Crash, FakeClient, FakeServer, booking_request, form_values

FAST = Backoff(first=0.05, limit=0.2, jitter=0.2)


class Recorder(SyncListener):
    def __init__(self) -> None:
        self.events: list[tuple[object, ...]] = []
        self.changed = threading.Event()

    def draft_changed(self, draft_id: str) -> None:
        self.events.append(("draft", draft_id))
        self.changed.set()

    def counts_changed(self, waiting: int, attention: int) -> None:
        self.events.append(("counts", waiting, attention))

    def online_changed(self, online: bool) -> None:
        self.events.append(("online", online))

    def auth_required(self) -> None:
        self.events.append(("auth",))


def engine_for(store: DraftStore, client: FakeClient | None) -> SyncEngine:
    return SyncEngine(store, client, "biz-1", backoff=FAST, probe_backoff=FAST,
                      rng=random.Random(7))


def queue(store: DraftStore, n: int) -> str:
    return store.save(booking_request(n), form_values(n), queue=True).id


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


def test_queued_drafts_are_sent_once_in_creation_order(store: DraftStore, server: FakeServer,
                                                       fake_client: FakeClient) -> None:
    ids = [queue(store, n) for n in range(4)]
    store.save(booking_request(8), form_values(8))  # a plain draft is not sent
    engine = engine_for(store, fake_client)
    assert engine.run_once() == 4
    assert engine.run_once() == 0
    sent = [store.get(i) for i in ids]
    assert [d.status for d in sent] == [DraftStatus.SENT] * 4
    assert [d.booking_id for d in sent] == [b["id"] for b in server.bookings]
    assert [b["key"][0] for b in server.bookings] == [f"client-{n}" for n in range(4)]
    assert server.keys_seen == [d.idempotency_key for d in sent]


def test_offline_keeps_drafts_queued_and_sends_them_when_back(store: DraftStore,
                                                              server: FakeServer,
                                                              fake_client: FakeClient) -> None:
    recorder = Recorder()
    draft_id = queue(store, 1)
    engine = engine_for(store, fake_client)
    engine.add_listener(recorder)
    server.offline = True
    assert not engine.probe()
    engine.run_once()  # stops at once: known offline
    assert fake_client.calls.count("create_booking") == 0
    engine._online = None
    engine.run_once()  # tries, fails offline, puts it back with a later time
    draft = store.get(draft_id)
    assert draft.status is DraftStatus.QUEUED
    assert not draft.needs_lookup
    assert draft.next_attempt_at > store.clock()
    assert "cannot be reached" in draft.last_error
    server.offline = False
    assert engine.probe()
    assert store.get(draft_id).next_attempt_at <= store.clock()  # back online: due now
    engine.run_once()
    assert store.get(draft_id).status is DraftStatus.SENT
    assert len(server.bookings) == 1
    assert ("online", False) in recorder.events
    assert recorder.events[-1] != ("online", False)
    assert ("online", True) in recorder.events


@pytest.mark.parametrize("error", [
    SlotTakenError("That time is no longer free: someone else booked it.",
                   error_code="TIMESLOT_UNAVAILABLE"),
    AlreadyRegisteredError("The client is already registered for this event."),
    EventFullError("The event is full."),
])
def test_refusals_are_set_aside_with_the_reason_and_never_retried(
        store: DraftStore, server: FakeServer, fake_client: FakeClient,
        error: Exception) -> None:
    draft_id = queue(store, 1)
    server.refuse_next.append(error)  # type: ignore[arg-type]
    engine = engine_for(store, fake_client)
    engine.run_once()
    draft = store.get(draft_id)
    assert draft.status is DraftStatus.NEEDS_ATTENTION
    assert draft.last_error == str(error)
    engine.run_once()
    assert fake_client.calls.count("create_booking") == 1
    assert engine.refresh_counts() == (0, 1)


def test_a_lost_answer_after_a_server_error_is_found_not_resent(
        store: DraftStore, server: FakeServer, fake_client: FakeClient) -> None:
    draft_id = queue(store, 1)
    server.lose_answer = 1  # booked, then 502
    engine = engine_for(store, fake_client)
    engine.run_once()
    draft = store.get(draft_id)
    assert draft.status is DraftStatus.QUEUED
    assert draft.needs_lookup
    time.sleep(0.3)
    engine.run_once()
    assert store.get(draft_id).status is DraftStatus.SENT
    assert store.get(draft_id).booking_id == server.bookings[0]["id"]
    assert len(server.bookings) == 1
    assert fake_client.calls.count("create_booking") == 1


def test_a_server_error_before_booking_is_retried_after_a_look_up(
        store: DraftStore, server: FakeServer, fake_client: FakeClient) -> None:
    draft_id = queue(store, 1)
    server.refuse_next.append(ServerError("The booking service had a problem (503).",
                                          status=503))
    engine = engine_for(store, fake_client)
    engine.run_once()
    assert store.get(draft_id).attempts == 1
    time.sleep(0.3)
    engine.run_once()
    assert fake_client.calls[-2:] == ["find_booking", "create_booking"]
    assert store.get(draft_id).status is DraftStatus.SENT
    assert len(server.bookings) == 1
    assert server.keys_seen[0] == server.keys_seen[1]  # same key on every send


def test_rate_limit_honours_retry_after(store: DraftStore, server: FakeServer,
                                        fake_client: FakeClient) -> None:
    draft_id = queue(store, 1)
    server.refuse_next.append(RateLimitedError("Too many requests.", retry_after=120))
    engine = engine_for(store, fake_client)
    before = store.clock()
    engine.run_once()
    draft = store.get(draft_id)
    assert draft.status is DraftStatus.QUEUED
    assert draft.next_attempt_at >= before + timedelta(seconds=120)
    assert engine.run_once() == 0


def test_a_401_pauses_everything_until_sign_in(store: DraftStore, server: FakeServer,
                                               fake_client: FakeClient) -> None:
    recorder = Recorder()
    ids = [queue(store, n) for n in range(3)]
    server.refuse_next.append(AuthError())
    engine = engine_for(store, fake_client)
    engine.add_listener(recorder)
    engine.run_once()
    assert ("auth",) in recorder.events
    assert engine.paused
    assert [store.get(i).status for i in ids] == [DraftStatus.QUEUED] * 3
    assert engine.run_once() == 0
    engine.sign_in(FakeClient(server))
    engine.run_once()
    assert [store.get(i).status for i in ids] == [DraftStatus.SENT] * 3
    assert len(server.bookings) == 3


def test_signed_out_sends_nothing_and_send_now_says_why(store: DraftStore) -> None:
    draft_id = queue(store, 1)
    engine = engine_for(store, None)
    assert engine.run_once() == 0
    with pytest.raises(SyncUnavailableError, match="Sign in"):
        engine.send_now(draft_id)


@pytest.mark.parametrize("when", ["before", "after"])
def test_dying_mid_send_is_resolved_by_look_up_on_restart(
        db_path, server: FakeServer, when: str) -> None:
    with DraftStore(db_path) as store:
        draft_id = queue(store, 1)
        server.crash = when
        with pytest.raises(Crash):
            engine_for(store, FakeClient(server)).run_once()
    with DraftStore(db_path) as store:
        assert store.get(draft_id).status is DraftStatus.SENDING
        engine = engine_for(store, FakeClient(server))
        assert engine.recover() == 1
        engine.run_once()
        draft = store.get(draft_id)
        assert draft.status is DraftStatus.SENT
        assert len(server.bookings) == 1
        assert draft.booking_id == server.bookings[0]["id"]


def test_a_look_up_that_cannot_tell_leaves_the_draft_sending(
        db_path, server: FakeServer) -> None:
    with DraftStore(db_path) as store:
        draft_id = queue(store, 1)
        server.crash = "after"
        with pytest.raises(Crash):
            engine_for(store, FakeClient(server)).run_once()
    with DraftStore(db_path) as store:
        server.lookup_fails = True
        engine = engine_for(store, FakeClient(server))
        engine.recover()
        draft = store.get(draft_id)
        assert draft.status is DraftStatus.SENDING
        assert "could not yet check" in draft.last_error
        server.lookup_fails = False
        engine._online = None
        time.sleep(0.3)
        engine.run_once()
        assert store.get(draft_id).status is DraftStatus.SENT
        assert len(server.bookings) == 1


def test_slot_taken_by_our_own_lost_answer_counts_as_booked(
        store: DraftStore, server: FakeServer, fake_client: FakeClient) -> None:
    draft_id = queue(store, 1)
    request = booking_request(1)
    server.bookings.append({"id": "bk-mine", "key": server._key(request), "idem": None})
    server.refuse_next.append(SlotTakenError("That time is no longer free."))
    engine_for(store, fake_client).run_once()
    draft = store.get(draft_id)
    assert draft.status is DraftStatus.SENT
    assert draft.booking_id == "bk-mine"


def test_send_now_sends_a_draft_ignoring_its_backoff(store: DraftStore, server: FakeServer,
                                                      fake_client: FakeClient) -> None:
    plain = store.save(booking_request(1), form_values(1)).id
    engine = engine_for(store, fake_client)
    assert engine.send_now(plain).status is DraftStatus.SENT
    later = queue(store, 2)
    store.mark_sending(later)
    store.requeue(later, next_attempt_at=store.clock() + timedelta(hours=1), error="x",
                  lookup_needed=False)
    assert engine.send_now(later).status is DraftStatus.SENT
    assert len(server.bookings) == 2


def test_the_engine_thread_sends_what_is_queued_and_reports(store: DraftStore,
                                                            server: FakeServer,
                                                            fake_client: FakeClient) -> None:
    recorder = Recorder()
    engine = engine_for(store, fake_client)
    engine.add_listener(recorder)
    engine.start()
    try:
        draft_id = queue(store, 1)
        engine.wake()
        deadline = time.monotonic() + 5
        while store.get(draft_id).status is not DraftStatus.SENT:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        server.offline = True
        second = queue(store, 2)
        engine.wake()
        while ("online", False) not in recorder.events:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        server.offline = False
        while store.get(second).status is not DraftStatus.SENT:
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        assert engine.stop(timeout=5)
    assert len(server.bookings) == 2
    assert ("counts", 0, 0) in recorder.events
    assert ("draft", draft_id) in recorder.events
