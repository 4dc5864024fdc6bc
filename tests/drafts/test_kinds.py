"""Desk operations of every kind through the one exactly-once engine, against the FakeServer
(the real client does not have these calls yet; see conftest.py)."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.api.errors import InDoubtError, OfflineError, SlotTakenError, ValidationError
from desktop.clock import ManualClock
from desktop.outbox import (
    BookingLabel,
    CancelBooking,
    CompleteBooking,
    JoinWaitlist,
    MoveBooking,
    Operation,
    OperationStatus,
    OutboxStore,
    RescheduleBooking,
)
from desktop.outbox.engine import SyncEngine
from desktop.outbox.model import Problem
from desktop.outbox.policy import decisions
from desktop.outbox.timing import Backoff, Timing
from desktop.outbox.wording import describe, pending_text
from tests.drafts.conftest import BASE_TIME, Crash, FakeClient, FakeServer, booking_request
from tests.helpers.wording import desk_time

S = OperationStatus
TIMING = Timing(backoff=Backoff(first=0, limit=0), in_doubt_grace=timedelta(seconds=25),
                lease=timedelta(seconds=30))


@pytest.fixture
def manual() -> ManualClock:
    return ManualClock(BASE_TIME - timedelta(days=1))


@pytest.fixture
def outbox(db_path: Path, manual: ManualClock) -> OutboxStore:
    return OutboxStore(db_path, clock=manual)


def engine_for(store: OutboxStore, client: FakeClient) -> SyncEngine:
    return SyncEngine(store, client, "biz-1", timing=TIMING, rng=random.Random(3),
                      clock=store.clock)


def ann(server: FakeServer, minutes: int = 90, staff: str = "staff-1") -> str:
    return server.add(client_id="client-ann", start=BASE_TIME + timedelta(minutes=minutes),
                      staff_id=staff)


LABEL = BookingLabel(client_name="Ann Lee", start_time=BASE_TIME + timedelta(minutes=90),
                     time_zone="UTC")


def send_losing_the_answer(outbox: OutboxStore, manual: ManualClock, server: FakeServer,
                           fake_client: FakeClient, *ops: Operation) -> None:
    """Send ``ops`` once with the answer lost (each is then to be looked up before any
    resend), and again after the in-doubt grace."""
    server.lose_answer = 1
    engine = engine_for(outbox, fake_client)
    engine.run_once()
    assert all(outbox.get(op.id).needs_lookup for op in ops)
    manual.advance(26)
    engine.run_once()


def held_for(outbox: OutboxStore, op: Operation, problem: Problem) -> Operation:
    """``op`` as stored: waiting for a person's decision because of ``problem``."""
    held = outbox.get(op.id)
    assert held.status is S.NEEDS_ATTENTION
    assert held.problem is problem
    return held


def cancel_elsewhere(server: FakeServer, booking: str, refusal: str) -> None:
    """Someone else cancels ``booking``; the desk's next write to it is refused so."""
    server.bookings[booking]["state"] = "cancelled"
    server.refuse_next.append(ValidationError(refusal))


# --------------------------------------------------------------------------- cancel


def test_cancel_with_a_message_is_sent_once(outbox: OutboxStore, server: FakeServer,
                                             fake_client: FakeClient) -> None:
    booking = ann(server)
    op = outbox.enqueue(CancelBooking(business_id="biz-1", booking_id=booking,
                                      message="The doctor is ill, sorry."), label=LABEL)
    assert describe(op) == f"Cancel {desk_time(10, 30)} Ann Lee — waiting to send"
    assert pending_text(op) == "cancelling…"
    assert outbox.pending_by_booking([booking]) == {booking: [op]}
    engine_for(outbox, fake_client).run_once()
    assert outbox.get(op.id).status is S.SENT
    assert server.bookings[booking]["state"] == "cancelled"
    assert server.bookings[booking]["message"] == "The doctor is ill, sorry."
    assert server.writes == [("cancel", [booking])]
    assert outbox.pending_by_booking([booking]) == {}


def test_a_lost_cancel_answer_is_looked_up_not_resent(
        outbox: OutboxStore, manual: ManualClock, server: FakeServer,
        fake_client: FakeClient) -> None:
    booking = ann(server)
    op = outbox.enqueue(CancelBooking(business_id="biz-1", booking_id=booking))
    send_losing_the_answer(outbox, manual, server, fake_client, op)
    assert outbox.get(op.id).status is S.SENT
    assert [w[0] for w in server.writes] == ["cancel"]
    assert fake_client.calls.count("get_appointment") == 1


def test_a_booking_cancelled_elsewhere_counts_as_cancelled(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    booking = ann(server)
    op = outbox.enqueue(CancelBooking(business_id="biz-1", booking_id=booking))
    cancel_elsewhere(server, booking, "Booking is already cancelled")
    engine_for(outbox, fake_client).run_once()
    assert outbox.get(op.id).status is S.SENT


def test_cancel_of_a_booking_that_no_longer_exists_asks_a_person(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    op = outbox.enqueue(CancelBooking(business_id="biz-1", booking_id="bk-gone"), label=LABEL)
    engine_for(outbox, fake_client).run_once()
    held = held_for(outbox, op, Problem.NOT_FOUND)
    assert "no longer knows" in (held.last_error or "")
    expected = f"Cancel {desk_time(10, 30)} Ann Lee — booking no longer exists: drop it"
    assert describe(held) == expected


# --------------------------------------------------------------------------- complete / no-show


def test_no_show_for_120_bookings_goes_in_calls_of_at_most_50(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    bookings = [ann(server, minutes=n) for n in range(120)]
    ops = outbox.enqueue_all([CompleteBooking(business_id="biz-1", booking_id=b, no_show=True)
                              for b in bookings])
    assert engine_for(outbox, fake_client).run_once() == 120
    assert [len(w[1]) for w in server.writes] == [50, 50, 20]
    assert all(server.bookings[b]["state"] == "done" and server.bookings[b]["no_show"]
               for b in bookings)
    assert {outbox.get(op.id).status for op in ops} == {S.SENT}


def test_a_refused_batch_is_sent_one_by_one(outbox: OutboxStore, server: FakeServer,
                                            fake_client: FakeClient) -> None:
    bookings = [ann(server, minutes=n) for n in range(3)]
    ops = outbox.enqueue_all([CompleteBooking(business_id="biz-1", booking_id=b)
                              for b in [*bookings[:2], "bk-unknown", bookings[2]]])
    engine_for(outbox, fake_client).run_once()
    statuses = [outbox.get(op.id).status for op in ops]
    assert statuses == [S.SENT, S.SENT, S.NEEDS_ATTENTION, S.SENT]
    assert outbox.get(ops[2].id).problem is Problem.NOT_FOUND
    assert all(server.bookings[b]["state"] == "done" for b in bookings)


def test_a_lost_batch_answer_is_looked_up_per_booking(
        outbox: OutboxStore, manual: ManualClock, server: FakeServer,
        fake_client: FakeClient) -> None:
    bookings = [ann(server, minutes=n) for n in range(4)]
    ops = outbox.enqueue_all([CompleteBooking(business_id="biz-1", booking_id=b)
                              for b in bookings])
    send_losing_the_answer(outbox, manual, server, fake_client, *ops)
    assert {outbox.get(op.id).status for op in ops} == {S.SENT}
    assert len(server.writes) == 1  # found done: never sent again
    assert fake_client.calls.count("get_appointment") == 4


def test_marking_a_booking_cancelled_elsewhere_is_a_conflict(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    booking = ann(server)
    op = outbox.enqueue(CompleteBooking(business_id="biz-1", booking_id=booking))
    cancel_elsewhere(server, booking, "Cannot complete a cancelled booking")
    engine_for(outbox, fake_client).run_once()
    held = held_for(outbox, op, Problem.CANCELLED_ELSEWHERE)
    assert "already cancelled elsewhere" in (held.last_error or "")


# --------------------------------------------------------------------------- reschedule


def test_reschedule_onto_a_taken_time_asks_for_another_and_then_goes(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    booking = ann(server)
    taken = BASE_TIME + timedelta(hours=5)
    server.add(client_id="client-bob", start=taken)
    op = outbox.enqueue(RescheduleBooking(business_id="biz-1", booking_id=booking,
                                          start_time=taken, message="See you later"),
                        label=LABEL)
    assert pending_text(op) == f"moving to {desk_time(14, 0)}…"
    engine = engine_for(outbox, fake_client)
    engine.run_once()
    held = held_for(outbox, op, Problem.TIME_TAKEN)
    expected = (f"Reschedule {desk_time(10, 30)} Ann Lee to {desk_time(14, 0)} — "
                "time taken: pick another or drop")
    assert describe(held) == expected
    assert [str(d) for d in decisions(held)] == ["pick_time", "drop"]
    assert server.bookings[booking]["start_time"] == BASE_TIME + timedelta(minutes=90)
    free = BASE_TIME + timedelta(hours=6)
    outbox.change_time(op.id, free)
    engine.run_once()
    assert outbox.get(op.id).status is S.SENT
    assert server.bookings[booking]["start_time"] == free


def test_a_reschedule_already_at_its_new_time_is_done(
        outbox: OutboxStore, manual: ManualClock, server: FakeServer,
        fake_client: FakeClient) -> None:
    booking = ann(server)
    new = BASE_TIME + timedelta(hours=6)
    op = outbox.enqueue(RescheduleBooking(business_id="biz-1", booking_id=booking,
                                          start_time=new))
    send_losing_the_answer(outbox, manual, server, fake_client, op)
    assert outbox.get(op.id).status is S.SENT
    assert [w[0] for w in server.writes] == ["reschedule"]


def test_changes_of_one_booking_go_in_order_and_wait_for_a_decision(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    booking = ann(server)
    other = ann(server, minutes=300)
    taken = BASE_TIME + timedelta(hours=5)
    server.add(client_id="client-bob", start=taken)
    move = outbox.enqueue(RescheduleBooking(business_id="biz-1", booking_id=booking,
                                            start_time=taken))
    cancel = outbox.enqueue(CancelBooking(business_id="biz-1", booking_id=booking))
    unrelated = outbox.enqueue(CancelBooking(business_id="biz-1", booking_id=other))
    engine = engine_for(outbox, fake_client)
    engine.run_once()
    assert outbox.get(move.id).status is S.NEEDS_ATTENTION
    assert outbox.get(cancel.id).status is S.QUEUED  # waits for the receptionist
    assert outbox.get(unrelated.id).status is S.SENT
    outbox.drop(move.id)
    engine.run_once()
    assert outbox.get(cancel.id).status is S.SENT
    assert [w[0] for w in server.writes] == ["cancel", "cancel"]


# --------------------------------------------------------------------------- move


def test_a_move_books_anew_then_cancels_the_old_one(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    old = ann(server)
    new = booking_request(10, client_id="client-ann").model_copy(update={"staff_id": "dana"})
    op = outbox.enqueue(MoveBooking(business_id="biz-1", booking_id=old, new_booking=new,
                                    message="Dana will see you", new_staff_name="Dana"),
                        label=LABEL)
    expected = f"Move {desk_time(10, 30)} Ann Lee to {desk_time(14, 0)} with Dana — waiting to send"
    assert describe(op) == expected
    engine_for(outbox, fake_client).run_once()
    done = outbox.get(op.id)
    assert done.status is S.SENT
    assert server.bookings[old]["state"] == "cancelled"
    assert server.bookings[done.result_id or ""]["staff_id"] == "dana"
    assert [w[0] for w in server.writes] == ["create", "cancel"]


def test_a_move_whose_new_time_is_taken_leaves_the_old_booking(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    old = ann(server)
    new = booking_request(10, client_id="client-ann")
    server.add(client_id="client-bob", start=new.start_time, staff_id="staff-1")
    op = outbox.enqueue(MoveBooking(business_id="biz-1", booking_id=old, new_booking=new),
                        label=LABEL)
    engine_for(outbox, fake_client).run_once()
    held = held_for(outbox, op, Problem.TIME_TAKEN)
    expected = (f"Move {desk_time(10, 30)} Ann Lee to {desk_time(14, 0)} — "
                "time taken: pick another or drop")
    assert describe(held) == expected
    assert server.bookings[old]["state"] == "scheduled"
    assert [w[0] for w in server.writes] == []


def test_a_move_that_died_between_its_two_steps_finishes_once(
        db_path: Path, server: FakeServer) -> None:
    old = ann(server)
    new = booking_request(10, client_id="client-ann")
    clock = ManualClock(BASE_TIME - timedelta(days=1))
    with OutboxStore(db_path, clock=clock) as store:
        op = store.enqueue(MoveBooking(business_id="biz-1", booking_id=old, new_booking=new))
        server.crash = "after"  # the new booking is made, the process dies before recording
        with pytest.raises(Crash):
            engine_for(store, FakeClient(server)).run_once()
    clock.advance(60)  # the dead engine's lease and the grace are over
    with OutboxStore(db_path, clock=clock) as store:
        engine = engine_for(store, FakeClient(server))
        assert engine.recover() == 1
        engine.run_once()
        done = store.get(op.id)
    assert done.status is S.SENT
    assert [w[0] for w in server.writes] == ["create", "cancel"]  # the booking made once
    assert len([b for b in server.live() if b["client_id"] == "client-ann"]) == 1
    assert server.bookings[old]["state"] == "cancelled"


def test_a_move_whose_cancel_is_offline_keeps_its_new_booking(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    old = ann(server)
    op = outbox.enqueue(MoveBooking(business_id="biz-1", booking_id=old,
                                    new_booking=booking_request(10, client_id="client-ann")))
    server.refuse_next.extend([])
    original = fake_client.cancel_bookings
    calls = {"n": 0}

    def cancel_offline_once(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OfflineError("The booking service cannot be reached.")
        original(*args, **kwargs)  # type: ignore[arg-type]

    fake_client.cancel_bookings = cancel_offline_once  # type: ignore[method-assign]
    engine = engine_for(outbox, fake_client)
    engine.run_once()
    half = outbox.get(op.id)
    assert half.status is S.QUEUED
    assert half.result_id is not None  # the new booking is remembered
    assert engine.probe()
    engine.run_once()
    assert outbox.get(op.id).status is S.SENT
    assert [w[0] for w in server.writes] == ["create", "cancel"]


# --------------------------------------------------------------------------- waitlist


def test_joining_a_waitlist_twice_counts_as_joined(
        outbox: OutboxStore, manual: ManualClock, server: FakeServer,
        fake_client: FakeClient) -> None:
    op = outbox.enqueue(JoinWaitlist(business_id="biz-1", event_instance_id="ev-1",
                                     client_id="client-ann"))
    send_losing_the_answer(outbox, manual, server, fake_client, op)
    assert outbox.get(op.id).status is S.SENT
    assert server.waitlist == {("ev-1", "client-ann")}


def test_a_conflict_found_later_is_never_dropped_silently(
        outbox: OutboxStore, server: FakeServer, fake_client: FakeClient) -> None:
    booking = ann(server)
    ops = [outbox.enqueue(RescheduleBooking(business_id="biz-1", booking_id=booking,
                                            start_time=BASE_TIME + timedelta(hours=h)))
           for h in (7, 8)]
    server.refuse_next.append(SlotTakenError("taken"))
    server.refuse_next.append(InDoubtError("lost"))
    engine_for(outbox, fake_client).run_once()
    kept = {op.id: outbox.get(op.id) for op in ops}
    assert all(op is not None for op in kept.values())
    assert kept[ops[0].id].status is S.NEEDS_ATTENTION
    assert kept[ops[1].id].status is S.QUEUED
