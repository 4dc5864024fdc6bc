"""Stateful property test: any mix of save/edit/delete/queue/send/crash/restart, against the
real sandbox, keeps the outbox's promises: no saved draft is lost, none is booked twice."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

from desktop.api.client import BookingClient
from desktop.api.constants import Timeouts
from desktop.api.models import Booking, BookingRequest, Business
from desktop.booking.saved_booking import SavedBooking
from desktop.outbox import InvalidTransitionError, OperationStatus, OutboxStore
from desktop.outbox.engine import SyncEngine
from desktop.outbox.policy import DELETABLE, EDITABLE
from desktop.outbox.timing import Backoff, Timing
from tests.drafts.conftest import Crash
from tests.helpers.bookable import duplicates, planned_requests

POOL_SIZE = 300


class DyingClient:
    """The real client; ``die`` makes the process "die" just before or after the next booking
    request reaches the sandbox (the request itself is real)."""

    def __init__(self, real: BookingClient, sandbox: Any) -> None:
        self.real = real
        self.sandbox = sandbox
        self.die: str | None = None
        #: Create requests sent for something the sandbox had already booked. The sandbox
        #: refuses a taken slot and honours Idempotency-Key, so a resend would not show as a
        #: duplicate booking; this catches the resend itself.
        self.resent: list[tuple[str, datetime]] = []

    def get_business(self, business_id: str) -> Business:
        return self.real.get_business(business_id)

    def find_booking(self, request: BookingRequest) -> Booking | None:
        return self.real.find_booking(request)

    def create_booking(self, request: BookingRequest,
                       idempotency_key: str | None = None) -> Booking:
        when, self.die = self.die, None
        if when == "before":
            raise Crash
        wanted = booking_key(request.client_id, request.start_time)
        if any(booking_key(b["client_id"], b["start_time"]) == wanted
               for b in self.sandbox.state.bookings() if b["status"] != "cancelled"):
            self.resent.append(wanted)
        booking = self.real.create_booking(request, idempotency_key=idempotency_key)
        if when == "after":
            raise Crash
        return booking


def booking_key(client_id: Any, start: Any) -> tuple[str, datetime]:
    moment = start if isinstance(start, datetime) else datetime.fromisoformat(str(start))
    return (str(client_id), moment)


#: Every wait zero: a "restarted" engine takes back what the dead one left at once (the
#: machine runs on one thread, so no lease is ever live while another engine looks).
NO_WAITS = Timing(backoff=Backoff(first=0, limit=0), in_doubt_grace=timedelta(0),
                  lease=timedelta(0))
DraftStatus = OperationStatus


def make_machine(sandbox: Any, pool: list[tuple[BookingRequest, SavedBooking]]) -> type:
    class OutboxMachine(RuleBasedStateMachine):
        drafts = Bundle("drafts")

        def __init__(self) -> None:
            super().__init__()
            sandbox.reset()
            self.sample = {b["id"] for b in sandbox.state.bookings()}
            self.dir = Path(tempfile.mkdtemp(prefix="outbox-"))
            self.path = self.dir / "drafts.sqlite3"
            self.next_slot = 0
            self.die_on_write: str | None = None
            #: draft id -> the request its last *returned* save/edit wrote.
            self.model: dict[str, dict[str, Any]] = {}
            self.requested: set[tuple[str, datetime]] = set()
            self.client = DyingClient(BookingClient(
                sandbox.url, sandbox.staff_token(),
                timeouts=Timeouts(connect=0.5, read=3, write=3, pool=1)), sandbox)
            self._open()

        def _open(self) -> None:
            self.store = OutboxStore(self.path, before_commit=self._maybe_die)
            self.engine = SyncEngine(self.store, self.client, sandbox.business_id,
                                     timing=NO_WAITS, rng=random.Random(1))
            self._guard(self.engine.recover)

        def _maybe_die(self, op: str) -> None:
            if self.die_on_write is not None and op in (self.die_on_write, "any"):
                self.die_on_write = None
                raise Crash

        def _restart(self) -> None:
            # The process died: its connection goes without another commit; a new one starts.
            self.engine.close()
            self.store.close()
            self.client.die = None
            self._open()

        def _guard(self, action: Any) -> Any:
            try:
                return action()
            except Crash:
                self._restart()
                return None

        def _take(self) -> tuple[BookingRequest, SavedBooking]:
            request, values = pool[self.next_slot % len(pool)]
            self.next_slot += 1
            return request, values

        def teardown(self) -> None:
            self.engine.close()
            self.store.close()
            self.client.real.close()
            sandbox.faults.reset()
            shutil.rmtree(self.dir, ignore_errors=True)

        # -------------------------------------------------------------- rules

        @rule(target=drafts, queue=st.booleans())
        def save(self, queue: bool) -> str:
            request, values = self._take()
            self.requested.add(booking_key(request.client_id, request.start_time))
            draft = self._guard(lambda: self.store.save_draft(request, values, queue=queue))
            if draft is None:
                return "never-saved"
            self.model[draft.id] = request.to_json()
            return str(draft.id)

        @rule(draft_id=drafts)
        def edit(self, draft_id: str) -> None:
            current = self.store.get(draft_id)
            if current is None or current.status not in EDITABLE or current.needs_lookup:
                return
            request, values = self._take()
            self.requested.add(booking_key(request.client_id, request.start_time))
            if self._guard(lambda: self.store.update_draft(draft_id, request, values)):
                self.model[draft_id] = request.to_json()

        @rule(draft_id=drafts)
        def queue(self, draft_id: str) -> None:
            current = self.store.get(draft_id)
            if current is None or current.status in (DraftStatus.SENT, DraftStatus.SENDING):
                return
            self._guard(lambda: self.store.queue(draft_id))

        @rule(draft_id=drafts)
        def delete(self, draft_id: str) -> None:
            current = self.store.get(draft_id)
            if current is None or current.status not in DELETABLE:
                return
            try:
                self._guard(lambda: self.store.drop(draft_id))
            except InvalidTransitionError:
                return
            if self.store.get(draft_id) is None:
                self.model.pop(draft_id, None)

        @rule()
        def send(self) -> None:
            self._guard(self.engine.probe)
            self._guard(self.engine.recover)
            self._guard(self.engine.run_once)

        @rule(draft_id=drafts)
        def send_now(self, draft_id: str) -> None:
            current = self.store.get(draft_id)
            if current is None or current.status is DraftStatus.SENT:
                return
            self._guard(lambda: self.engine.send_now(draft_id))

        @rule(op=st.sampled_from(["save", "queue", "mark_sending", "mark_sent", "requeue",
                                  "update_draft", "release_expired", "any"]))
        def die_on_next_write(self, op: str) -> None:
            self.die_on_write = op

        @rule(when=st.sampled_from(["before", "after"]))
        def die_around_next_request(self, when: str) -> None:
            self.client.die = when

        @rule()
        def lose_next_answer(self) -> None:
            sandbox.faults.update(drop_after_commit=1)

        @rule()
        def restart(self) -> None:
            self._restart()

        # -------------------------------------------------------------- invariants

        @invariant()
        def no_saved_draft_is_lost(self) -> None:
            for draft_id, request in self.model.items():
                draft = self.store.get(draft_id)
                assert draft is not None, "a saved draft vanished"
                sent = draft.booking_request()
                assert sent is not None
                assert sent.to_json() == request

        @invariant()
        def nothing_is_booked_twice(self) -> None:
            assert self.client.resent == [], "a booked draft was sent again"
            refused = self.store.list_operations([DraftStatus.NEEDS_ATTENTION,
                                                  DraftStatus.FAILED])
            assert refused == [], "fresh slots only: a refusal means a resend of a booked one"
            bookings = [b for b in sandbox.state.bookings() if b["id"] not in self.sample]
            assert duplicates(bookings) == {}
            assert {booking_key(b["client_id"], b["start_time"]) for b in bookings} \
                <= self.requested
            by_id = {b["id"]: b for b in bookings}
            for draft in self.store.list_operations([DraftStatus.SENT]):
                booked = by_id[draft.result_id]
                request = draft.booking_request()
                assert request is not None
                assert booking_key(booked["client_id"], booked["start_time"]) == \
                    booking_key(request.client_id, request.start_time)

    return OutboxMachine


def test_outbox_keeps_its_promises_under_any_sequence(sandbox: Any) -> None:
    with BookingClient(sandbox.url, sandbox.staff_token()) as client:
        pool = planned_requests(client, sandbox, POOL_SIZE)
    machine = make_machine(sandbox, pool)
    run_state_machine_as_test(machine, settings=settings(
        max_examples=30, stateful_step_count=30, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
