"""Desk operations with the real BookingClient against the real sandbox over HTTP: cancel
with a message, no-show marks in one call, reschedule refused onto a taken time and accepted
onto a free one, a move to another staff member, a lost answer looked up, never re-sent.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from desktop.api.client import BookingClient
from desktop.api.models import BookingRequest, Slot
from desktop.outbox import (
    BookingLabel,
    CancelBooking,
    CompleteBooking,
    JoinWaitlist,
    MoveBooking,
    OperationStatus,
    OutboxStore,
    RescheduleBooking,
)
from desktop.outbox.engine import SyncEngine
from desktop.outbox.model import AcceptBooking, Problem
from tests.drafts.conftest import FAST
from tests.helpers.bookable import open_slots, request_for, sample_clients

S = OperationStatus
DESK = "/business/scheduling/v1/bookings"


@pytest.fixture
def client(sandbox: Any) -> Iterator[BookingClient]:
    with BookingClient(sandbox.url, sandbox.staff_token()) as real:
        yield real


def engine_for(store: OutboxStore, client: BookingClient, sandbox: Any) -> SyncEngine:
    return SyncEngine(store, client, sandbox.business_id, timing=FAST, rng=random.Random(9))


def book(client: BookingClient, sandbox: Any, slot: Slot, person: int) -> tuple[str,
                                                                                 BookingRequest]:
    request, _form = request_for(sandbox.business_id, slot, sample_clients()[person])
    return client.create_booking(request).id, request


def writes(sandbox: Any, since: int, method: str, path: str) -> int:
    return sum(1 for m, p, _ in sandbox.requests_log[since:]
               if m == method and p.rstrip("/") == path)


def test_cancel_with_a_message_is_sent_once(sandbox: Any, client: BookingClient,
                                            store: OutboxStore) -> None:
    booking, _ = book(client, sandbox, open_slots(client, sandbox, 1)[0], 0)
    op = store.enqueue(CancelBooking(business_id=sandbox.business_id, booking_id=booking,
                                     message="The doctor is ill; please call us to rebook."))
    log_from = len(sandbox.requests_log)
    engine_for(store, client, sandbox).run_once()
    assert store.get(op.id).status is S.SENT
    assert client.get_appointment(booking).state == "cancelled"
    assert writes(sandbox, log_from, "PUT", DESK + "/cancel") == 1


def test_a_lost_cancel_answer_is_looked_up_not_sent_again(
        sandbox: Any, client: BookingClient, store: OutboxStore) -> None:
    booking, _ = book(client, sandbox, open_slots(client, sandbox, 1)[0], 1)
    op = store.enqueue(CancelBooking(business_id=sandbox.business_id, booking_id=booking))
    sandbox.faults.update(drop_after_commit=1, paths=[DESK])
    log_from = len(sandbox.requests_log)
    engine = engine_for(store, client, sandbox)
    engine.run_once()
    assert store.get(op.id).needs_lookup
    engine.run_once()
    assert store.get(op.id).status is S.SENT
    assert writes(sandbox, log_from, "PUT", DESK + "/cancel") == 1


def test_no_show_for_three_bookings_is_one_call(sandbox: Any, client: BookingClient,
                                                store: OutboxStore) -> None:
    slots = open_slots(client, sandbox, 3)
    bookings = [book(client, sandbox, slot, n)[0] for n, slot in enumerate(slots)]
    ops = store.enqueue_all([CompleteBooking(business_id=sandbox.business_id, booking_id=b,
                                             no_show=True) for b in bookings])
    log_from = len(sandbox.requests_log)
    engine_for(store, client, sandbox).run_once()
    assert [store.get(op.id).status for op in ops] == [S.SENT] * 3
    assert writes(sandbox, log_from, "POST", DESK + "/complete") == 1
    for booking in bookings:
        appointment = client.get_appointment(booking)
        assert appointment.no_show


def test_reschedule_is_refused_onto_a_taken_time_and_goes_onto_a_free_one(
        sandbox: Any, client: BookingClient, store: OutboxStore) -> None:
    slots = open_slots(client, sandbox, 12)
    staff = slots[0].staff_id
    first, taken, free = [s for s in slots if s.staff_id == staff][:3]
    booking, _ = book(client, sandbox, first, 2)
    book(client, sandbox, taken, 3)  # someone else holds that time
    op = store.enqueue(RescheduleBooking(business_id=sandbox.business_id, booking_id=booking,
                                         start_time=taken.start_time, notify_client=True,
                                         message="See you a little later."),
                       label=BookingLabel(client_name="Client", start_time=first.start_time))
    engine = engine_for(store, client, sandbox)
    engine.run_once()
    refused = store.get(op.id)
    assert refused.status is S.NEEDS_ATTENTION
    assert refused.problem is Problem.TIME_TAKEN
    start = client.get_appointment(booking).start_time
    assert start is not None
    assert start == first.start_time
    store.change_time(op.id, free.start_time)
    engine.run_once()
    assert store.get(op.id).status is S.SENT
    assert client.get_appointment(booking).start_time == free.start_time


def test_a_move_to_another_staff_member_books_anew_and_cancels_the_old(
        sandbox: Any, client: BookingClient, store: OutboxStore) -> None:
    slots = open_slots(client, sandbox, 40)
    old_slot = slots[0]
    new_slot = next(s for s in slots if s.staff_id != old_slot.staff_id)
    old, request = book(client, sandbox, old_slot, 4)
    new_request = request.model_copy(update={"staff_id": new_slot.staff_id,
                                             "start_time": new_slot.start_time})
    op = store.enqueue(MoveBooking(business_id=sandbox.business_id, booking_id=old,
                                   new_booking=new_request, message="Another doctor"))
    engine_for(store, client, sandbox).run_once()
    moved = store.get(op.id)
    assert moved.status is S.SENT
    assert moved.result_id is not None
    assert client.get_appointment(old).state == "cancelled"
    new = client.get_appointment(moved.result_id)
    assert new.staff_id == new_slot.staff_id
    assert new.state != "cancelled"


def test_joining_the_waitlist_of_a_full_event_twice_is_done_twice_not_refused(
        sandbox: Any, client: BookingClient, store: OutboxStore) -> None:
    first = date.today() + timedelta(days=1)
    days = client.get_availability(business_id=sandbox.business_id, service_id="sv-yoga",
                                   start_date=first, end_date=first + timedelta(days=27),
                                   time_zone="UTC", staff_ids=["st-nair"], kind="event")
    full = next(slot for day in sorted(days) for slot in days[day]
                if slot.event_instance_id and slot.is_full)
    assert full.event_instance_id is not None
    person = sample_clients()[5]["id"]
    ops = [store.enqueue(JoinWaitlist(business_id=sandbox.business_id,
                                      event_instance_id=full.event_instance_id,
                                      client_id=person)) for _ in range(2)]
    log_from = len(sandbox.requests_log)
    engine_for(store, client, sandbox).run_once()
    assert [store.get(op.id).status for op in ops] == [S.SENT, S.SENT]
    assert writes(sandbox, log_from, "POST", "/platform/v1/scheduling/waitlist") == 2


def test_accepting_a_request_is_sent_once_and_a_lost_answer_is_looked_up(
        sandbox: Any, client: BookingClient, store: OutboxStore) -> None:
    pending = [a for a in sandbox.state.bookings() if a.get("status") == "pending"]
    assert len(pending) >= 2, "the seeded weeks hold a few requests"
    first, second = pending[0]["id"], pending[1]["id"]
    op = store.enqueue(AcceptBooking(business_id=sandbox.business_id, booking_id=first))
    log_from = len(sandbox.requests_log)
    engine_for(store, client, sandbox).run_once()
    assert store.get(op.id).status is S.SENT
    assert client.get_appointment(first).state == "scheduled"
    assert writes(sandbox, log_from, "POST", DESK + "/accept") == 1

    lost = store.enqueue(AcceptBooking(business_id=sandbox.business_id, booking_id=second))
    sandbox.faults.update(drop_after_commit=1, paths=[DESK])
    log_from = len(sandbox.requests_log)
    engine = engine_for(store, client, sandbox)
    engine.run_once()
    sandbox.faults.reset()
    engine.run_once()
    assert store.get(lost.id).status is S.SENT
    assert writes(sandbox, log_from, "POST", DESK + "/accept") == 1  # looked up, not re-sent
