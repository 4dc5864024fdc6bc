"""The engine with the real BookingClient against the real sandbox over HTTP, with faults."""

from __future__ import annotations

import random
import time
from typing import Any

from desktop.api.client import BookingClient
from desktop.drafts.store import DraftStatus, DraftStore
from desktop.drafts.sync import Backoff, SyncEngine, SyncListener
from tests.drafts.sandbox_helpers import duplicates, open_slots, request_for, sample_clients

FAST = Backoff(first=0.05, limit=0.2, jitter=0.2)
APPOINTMENTS = "/platform/v1/scheduling/appointments"
BOOKINGS = "/platform/v1/scheduling/bookings"


def engine_for(store: DraftStore, client: Any, sandbox: Any) -> SyncEngine:
    return SyncEngine(store, client, sandbox.business_id, backoff=FAST, probe_backoff=FAST,
                      rng=random.Random(3))


def matching(sandbox: Any, request: Any) -> list[dict[str, Any]]:
    start = request.start_time
    return [b for b in sandbox.state.bookings()
            if b["client_id"] == request.client_id and b["source_data"]["source_name"]
            == "front_desk" and b["start_time"] and
            __import__("datetime").datetime.fromisoformat(b["start_time"]) == start]


def test_drafted_offline_then_sent_once_when_the_sandbox_is_back(
        sandbox: Any, api_client: BookingClient, plan: list[Any], store: DraftStore) -> None:
    before = len(sandbox.state.bookings())
    sandbox.faults.update(refuse_connections=True)
    request, values = plan[0]
    draft = store.save(request, values, queue=True)
    engine = engine_for(store, api_client, sandbox)
    assert not engine.probe()
    engine._online = None
    engine.run_once()
    waiting = store.get(draft.id)
    assert waiting.status is DraftStatus.QUEUED
    assert waiting.last_error
    assert not waiting.needs_lookup  # refused connection: surely not booked
    assert len(sandbox.state.bookings()) == before
    sandbox.faults.update(refuse_connections=False)
    assert engine.probe()
    engine.run_once()
    sent = store.get(draft.id)
    assert sent.status is DraftStatus.SENT
    assert [b["id"] for b in matching(sandbox, request)] == [sent.booking_id]
    assert len(sandbox.state.bookings()) == before + 1


def test_answer_dropped_after_commit_books_once(
        sandbox: Any, api_client: BookingClient, plan: list[Any], store: DraftStore) -> None:
    request, values = plan[1]
    draft = store.save(request, values, queue=True)
    sandbox.faults.update(drop_after_commit=1)
    engine = engine_for(store, api_client, sandbox)
    engine.run_once()
    # The client never re-sends a booking that may have arrived: it is in doubt...
    unsure = store.get(draft.id)
    assert unsure.status is DraftStatus.QUEUED
    assert unsure.needs_lookup
    assert len(matching(sandbox, request)) == 1
    # ...and the outbox's look-up before any re-send finds it.
    sent = engine.send_now(draft.id)
    assert sent.status is DraftStatus.SENT
    assert [b["id"] for b in matching(sandbox, request)] == [sent.booking_id]


def test_answer_lost_and_look_up_failing_is_resolved_later_without_a_double(
        sandbox: Any, plan: list[Any], store: DraftStore) -> None:
    # One try per call, so the look-up's cut answer is not simply read again.
    single = BookingClient(sandbox.url, sandbox.staff_token(), max_tries=1)
    request, values = plan[2]
    draft = store.save(request, values, queue=True)
    # The booking is carried out and its answer cut; so is the outbox's first look-up's.
    sandbox.faults.update(truncated_body=2, paths=[BOOKINGS, APPOINTMENTS])
    # A back-off long enough that "not yet due" never depends on how busy the machine is.
    steady = Backoff(first=0.5, limit=0.5, jitter=0.0)
    engine = SyncEngine(store, single, sandbox.business_id, backoff=steady,
                        probe_backoff=steady, rng=random.Random(3))
    engine.run_once()
    unsure = store.get(draft.id)
    assert unsure.status is DraftStatus.QUEUED
    assert unsure.needs_lookup
    assert unsure.last_error
    assert len(matching(sandbox, request)) == 1  # it was booked; we just don't know yet
    engine.run_once()  # backoff not over: nothing happens
    assert store.get(draft.id).attempts == 1
    time.sleep(0.6)
    engine.run_once()  # the look-up's answer is cut too: still unsure, never re-sent
    assert store.get(draft.id).status is not DraftStatus.SENT
    assert len(matching(sandbox, request)) == 1
    sandbox.faults.reset()
    time.sleep(0.6)
    engine.run_once()
    sent = store.get(draft.id)
    assert sent.status is DraftStatus.SENT
    assert [b["id"] for b in matching(sandbox, request)] == [sent.booking_id]
    single.close()


def test_server_errors_retry_later_then_book_once(
        sandbox: Any, api_client: BookingClient, plan: list[Any], store: DraftStore) -> None:
    request, values = plan[3]
    draft = store.save(request, values, queue=True)
    sandbox.faults.update(error_rate=1.0, error_status=503)
    engine = engine_for(store, api_client, sandbox)
    engine.run_once()
    assert store.get(draft.id).status is DraftStatus.QUEUED
    assert matching(sandbox, request) == []
    sandbox.faults.reset()
    time.sleep(0.3)
    engine.run_once()
    assert store.get(draft.id).status is DraftStatus.SENT
    assert len(matching(sandbox, request)) == 1


def test_rate_limit_waits_for_retry_after(sandbox: Any, plan: list[Any],
                                          store: DraftStore) -> None:
    client = BookingClient(sandbox.url, sandbox.staff_token(), max_tries=1)
    request, values = plan[4]
    draft = store.save(request, values, queue=True)
    sandbox.faults.update(rate_limit=1, rate_limit_retry_after=30,
                          paths=["/platform/v1/scheduling/bookings"])
    engine = engine_for(store, client, sandbox)
    engine.run_once()
    later = store.get(draft.id)
    assert later.status is DraftStatus.QUEUED
    assert (later.next_attempt_at - store.clock()).total_seconds() > 25
    assert engine.send_now(draft.id).status is DraftStatus.SENT
    assert len(matching(sandbox, request)) == 1
    client.close()


def test_expired_token_pauses_until_a_new_sign_in(
        sandbox: Any, api_client: BookingClient, plan: list[Any], store: DraftStore) -> None:
    heard: list[str] = []

    class Listener(SyncListener):
        def auth_required(self) -> None:
            heard.append("auth")

    ids = [store.save(r, v, queue=True).id for r, v in plan[5:8]]
    sandbox.faults.update(expire_tokens=True)
    engine = engine_for(store, api_client, sandbox)
    engine.add_listener(Listener())
    engine.run_once()
    assert heard == ["auth"]
    assert engine.paused
    assert [store.get(i).status for i in ids] == [DraftStatus.QUEUED] * 3
    sandbox.faults.update(expire_tokens=False)
    fresh = BookingClient(sandbox.url, sandbox.staff_token())
    engine.sign_in(fresh)
    engine.run_once()
    assert [store.get(i).status for i in ids] == [DraftStatus.SENT] * 3
    assert duplicates(sandbox.state.bookings()) == {}
    fresh.close()


def test_slot_taken_while_offline_is_fixed_with_a_new_slot_and_sent(
        sandbox: Any, api_client: BookingClient, store: DraftStore) -> None:
    first, second = open_slots(api_client, sandbox.business_id, 2)
    person = sample_clients()[3]
    request, values = request_for(sandbox.business_id, first, person)
    sandbox.faults.update(refuse_connections=True)
    draft = store.save(request, values, queue=True)
    engine = engine_for(store, api_client, sandbox)
    engine.run_once()
    sandbox.state.take_slot(first.staff_id, first.start_time, service_id=request.service_id)
    sandbox.faults.update(refuse_connections=False)
    assert engine.probe()
    engine.run_once()
    refused = store.get(draft.id)
    assert refused.status is DraftStatus.NEEDS_ATTENTION
    assert refused.last_error
    assert "TIMESLOT" not in refused.last_error  # a sentence, not a code
    assert refused.last_error.endswith(".")
    engine.run_once()
    assert store.get(draft.id).status is DraftStatus.NEEDS_ATTENTION  # not retried blindly
    new_request, new_values = request_for(sandbox.business_id, second, person)
    store.update_request(draft.id, new_request, new_values)
    store.queue(draft.id)
    engine.run_once()
    sent = store.get(draft.id)
    assert sent.status is DraftStatus.SENT
    assert sent.values["slot"] == second.start_time.isoformat()
    assert [b["id"] for b in matching(sandbox, new_request)] == [sent.booking_id]
    assert matching(sandbox, request) == []
