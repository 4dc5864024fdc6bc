"""Sending one operation (or one batch of completed / no-show marks), exactly once.

1. Claim it under this engine's lease (committed before anything is sent).
2. If an earlier send may have reached the server, look it up first (``kinds``): done →
   recorded as done; conflict → set aside for a person; not done → send.
3. Send; record the outcome. A failure goes through the one outcome policy
   (:func:`desktop.outcomes.outcome_of`): retry later (offline, 429), look up first after
   the grace (in doubt), pause for a new sign-in (401), or set aside with the receptionist's
   sentence (403, fields, time taken, not found, other refusals) — after a last look-up, since
   a target already reached counts as done.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Protocol

from desktop.api.errors import (
    ApiError,
    AuthError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
)
from desktop.clock import Clock
from desktop.i18n import translate
from desktop.outbox.api import DeskApi
from desktop.outbox.errors import LeaseLostError
from desktop.outbox.keeper import LeaseKeeper
from desktop.outbox.kinds import KINDS, Conflict, Done, Unsendable
from desktop.outbox.ledger import SendLedger
from desktop.outbox.model import (
    CompleteBooking,
    Operation,
    OperationKind,
    OperationStatus,
    Problem,
)
from desktop.outbox.timing import MAX_RETRY_AFTER, Timing
from desktop.outcomes import Action, outcome_of

log = logging.getLogger(__name__)

_PROBLEMS = {Action.PICK_ANOTHER_TIME: Problem.TIME_TAKEN, Action.FIX_FIELDS: Problem.FIX_FIELDS,
             Action.NOT_ALLOWED: Problem.NOT_ALLOWED}


class Reporter(Protocol):
    """What the sender tells its engine."""

    def set_online(self, online: bool) -> None: ...

    def need_auth(self) -> None: ...

    def changed(self, op_id: str) -> None: ...

    def lookup_deferred(self) -> None: ...


class Sender:
    def __init__(self, ledger: SendLedger, keeper: LeaseKeeper, clock: Clock, timing: Timing,
                 reporter: Reporter, rng: random.Random) -> None:
        self.ledger = ledger
        self.keeper = keeper
        self.clock = clock
        self.timing = timing
        self.reporter = reporter
        self._rng = rng
        self._lock = threading.Lock()
        #: op id -> monotonic moment before which it is not looked up (set here, so a wall
        #: clock set back cannot shorten the grace of what this engine put in doubt).
        self._holds: dict[str, float] = {}

    def held(self, op_id: str) -> bool:
        with self._lock:
            until = self._holds.get(op_id)
            if until is not None and self.clock.monotonic() >= until:
                del self._holds[op_id]
                until = None
        return until is not None

    def shortest_hold(self) -> float | None:
        """Seconds until the first of this engine's in-doubt holds ends, if any."""
        with self._lock:
            if not self._holds:
                return None
            return max(0.0, min(self._holds.values()) - self.clock.monotonic())

    # ------------------------------------------------------------------ one operation

    def send(self, api: DeskApi, op: Operation) -> Operation | None:
        """Claim and send ``op``; its new state, or None if another engine has it."""
        claim = self.ledger.claim(op, self.clock.now())
        if claim is None:
            return None
        claimed, look_first = claim
        self.reporter.changed(claimed.id)
        with self.keeper.working():
            return self._attempt(api, claimed, look_first)

    def send_batch(self, api: DeskApi, ops: Sequence[Operation]) -> None:
        """Completed / no-show marks sharing business, flag and message: one call for all
        (the caller keeps batches at ≤50), claimed and recorded in one transaction each. A
        refused batch is re-sent one by one, so one unknown booking does not hold back the
        others."""
        claimed: list[Operation] = []
        for op, look_first in self.ledger.claim_all(ops, self.clock.now()):
            self.reporter.changed(op.id)
            if look_first:  # may have reached the server: settle it alone, look-up first
                with self.keeper.working():
                    self._attempt(api, op, True)
            else:
                claimed.append(op)
        if len(claimed) <= 1:
            for op in claimed:
                with self.keeper.working():
                    self._attempt(api, op, False)
            return
        first = claimed[0].payload
        assert isinstance(first, CompleteBooking)
        with self.keeper.working():
            try:
                api.complete_bookings(first.business_id,
                                      [self._booking_of(op) for op in claimed],
                                      no_show=first.no_show, message=first.message)
            except ApiError as exc:
                if outcome_of(exc, OperationKind.COMPLETE).action in (
                        Action.RETRY_LATER, Action.LOOK_UP_FIRST, Action.SIGN_IN_AGAIN):
                    for op in claimed:
                        self._failed(api, op, exc, False)
                    return
                for op in claimed:  # refused: find out which one, each on its own
                    self._attempt(api, op, False)
                return
            self.reporter.set_online(True)
            try:
                self.ledger.done_all(claimed, self.clock.now())
            except LeaseLostError:
                log.warning("A batch was taken over by another engine; outcome not recorded")
                return
            for op in claimed:
                self.reporter.changed(op.id)

    @staticmethod
    def _booking_of(op: Operation) -> str:
        assert isinstance(op.payload, CompleteBooking)
        return op.payload.booking_id

    def _attempt(self, api: DeskApi, op: Operation, look_first: bool) -> Operation | None:
        kind = KINDS[op.kind]
        held = [op]  # as recorded so far (a move's first step updates it)

        def step(made: str) -> None:
            held[0] = self.ledger.record_step(held[0], made, self.clock.now())
            self.reporter.changed(op.id)

        try:
            if look_first:
                try:
                    found = kind.look_up(api, op)
                except ApiError as exc:
                    return self._lookup_failed(op, exc)
                self.reporter.set_online(True)
                if isinstance(found, Done):
                    return self._record(lambda: self.ledger.done(op, found.result_id,
                                                                 self.clock.now()), op)
                if isinstance(found, Conflict):
                    return self._set_aside(op, found.problem, found.sentence)
                if found.made is not None and op.result_id is None:
                    step(found.made)
                look_first = False  # checked: surely not done (yet)
            result = kind.deliver(api, held[0], step)
        except Unsendable as exc:
            return self._set_aside(held[0], exc.problem, exc.sentence)
        except ApiError as exc:
            return self._failed(api, held[0], exc, look_first)
        except LeaseLostError:
            log.warning("Operation %s was taken over by another engine mid-send", op.id)
            return None
        except Exception as exc:
            log.exception("Unexpected failure while sending operation %s", op.id)
            sentence = outcome_of(exc, op.kind).sentence
            return self._set_aside(held[0], Problem.UNEXPECTED, sentence,
                                   status=OperationStatus.FAILED, needs_lookup=True)
        self.reporter.set_online(True)
        return self._record(lambda: self.ledger.done(held[0], result, self.clock.now()), op)

    # ------------------------------------------------------------------ outcomes

    def _failed(self, api: DeskApi, op: Operation, exc: ApiError,
                may_have_reached: bool) -> Operation | None:
        kind = KINDS[op.kind]
        outcome = outcome_of(exc, op.kind)
        now = self.clock.now()
        if outcome.action is Action.RETRY_LATER:
            if isinstance(exc, OfflineError):
                self.reporter.set_online(False)
            elif isinstance(exc, RateLimitedError):
                self.reporter.set_online(True)  # it answered, only asked to slow down
            wait = max(self._backoff(op), min(outcome.retry_after or 0.0, MAX_RETRY_AFTER))
            return self._record(lambda: self.ledger.retry_later(
                op, when=now + timedelta(seconds=wait), error=outcome.sentence,
                needs_lookup=may_have_reached, now=now), op)
        if outcome.action is Action.LOOK_UP_FIRST:
            return self._in_doubt(op, outcome.sentence, now)
        if outcome.action is Action.SIGN_IN_AGAIN:
            result = self._record(lambda: self.ledger.retry_later(
                op, when=now, error=outcome.sentence, needs_lookup=may_have_reached,
                now=now), op)
            self.reporter.need_auth()
            return result
        self.reporter.set_online(True)
        if kind.settles(exc):
            return self._record(lambda: self.ledger.done(op, None, now), op)
        try:  # a target already reached counts as done; a conflict is told more precisely
            found = kind.look_up(api, op)
        except (ApiError, Unsendable):
            found = None
        if isinstance(found, Done):
            return self._record(lambda: self.ledger.done(op, found.result_id,
                                                         self.clock.now()), op)
        problem = _PROBLEMS.get(outcome.action) or (
            Problem.NOT_FOUND if isinstance(exc, NotFoundError) else Problem.REFUSED)
        sentence = outcome.sentence
        if isinstance(found, Conflict):
            problem, sentence = found.problem, found.sentence
        if op.kind is OperationKind.MOVE and op.result_id is not None:
            problem = Problem.PARTLY_DONE
            sentence = translate("Outbox", "The new booking was made, but the old one could "
                                           "not be cancelled: {reason}").format(reason=sentence)
        return self._set_aside(op, problem, sentence, field_errors=dict(outcome.field_errors))

    def _in_doubt(self, op: Operation, sentence: str, now: datetime) -> Operation | None:
        grace = self.timing.in_doubt_grace
        with self._lock:
            self._holds[op.id] = self.clock.monotonic() + grace.total_seconds()
        after = now + grace
        return self._record(lambda: self.ledger.retry_later(
            op, when=after, error=sentence, needs_lookup=True, now=now,
            lookup_after=after), op)

    def _lookup_failed(self, op: Operation, exc: ApiError) -> Operation | None:
        """Cannot tell whether it happened: look again later, never send blindly."""
        now = self.clock.now()
        if isinstance(exc, OfflineError):
            self.reporter.set_online(False)
        self.reporter.lookup_deferred()
        when = now if isinstance(exc, AuthError) else \
            now + timedelta(seconds=self._backoff(op))
        sentence = translate("Outbox", "Frontdesk could not yet check whether this went "
                                       "through ({error}). It will check again before "
                                       "sending anything.").format(error=exc)
        result = self._record(lambda: self.ledger.retry_later(
            op, when=when, error=sentence, needs_lookup=True, now=now), op)
        if isinstance(exc, AuthError):
            self.reporter.need_auth()
        return result

    def _set_aside(self, op: Operation, problem: Problem, sentence: str, *,
                   field_errors: dict[str, str] | None = None,
                   status: OperationStatus = OperationStatus.NEEDS_ATTENTION,
                   needs_lookup: bool = False) -> Operation | None:
        return self._record(lambda: self.ledger.set_aside(
            op, problem=problem, sentence=sentence, now=self.clock.now(),
            field_errors=field_errors, status=status, needs_lookup=needs_lookup), op)

    def _record(self, write: Callable[[], Operation], op: Operation) -> Operation | None:
        """Write an outcome. If the disk refuses, the operation stays ``sending`` under an
        expiring lease, which is safe: it is looked up, never blindly re-sent."""
        try:
            result = write()
        except LeaseLostError:
            log.warning("Operation %s was taken over by another engine; outcome not recorded",
                        op.id)
            return None
        self.reporter.changed(op.id)
        return result

    def _backoff(self, op: Operation) -> float:
        return self.timing.backoff.delay(max(1, op.attempts), self._rng)
