"""The fault matrix's moving parts: what each fault switches on in the sandbox, what the desk
should be told, and how an episode is judged (booked once, or still in the drafts)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.api.client import BOOKINGS_PATH
from desktop.api.models import BookingRequest
from desktop.outbox import OperationStatus as DraftStatus
from desktop.outbox import OutboxStore
from desktop.sandbox.server import SandboxServer
from desktop.ui.drafts.coordinator import SAVED_IN_DOUBT, SAVED_OFFLINE

#: What the page ends up showing: a banner sentence, or the confirmation of a booking made.
BOOKED = "booked"


@dataclass(frozen=True)
class Fault:
    """One row of the matrix. ``switches(rng, full)`` gives the sandbox fault switches."""

    name: str
    switches: Callable[[random.Random, bool], dict[str, Any]]
    #: Outcomes the desk may see: SAVED_OFFLINE, SAVED_IN_DOUBT or BOOKED.
    expected: frozenset[str]
    #: Full drills keep time-based faults on a little after the banner, so that the outbox
    #: (not only the window's own request) meets them too.
    hold: bool = False


def _latency(rng: random.Random, full: bool) -> dict[str, Any]:
    # Well past the drill client's 0.8 s read timeout, for the booking and its look-up.
    return {"latency_ms": 1500 + (rng.uniform(0, 500) if full else 0)}


FAULTS: list[Fault] = [
    Fault("connection refused", lambda rng, full: {"refuse_connections": True},
          frozenset({SAVED_OFFLINE}), hold=True),
    Fault("latency beyond the read timeout", _latency, frozenset({SAVED_IN_DOUBT}), hold=True),
    # 500 on every path: the client's look-up after the failed booking fails as well.
    Fault("500 on every call", lambda rng, full: {"error_rate": 1.0, "error_status": 500},
          frozenset({SAVED_IN_DOUBT}), hold=True),
    # 502 on bookings only: in doubt at once (never re-sent inside the call); the outbox's
    # look-up finds nothing and sends it again once the fault is off.
    Fault("502 on bookings", lambda rng, full: {"error_rate": 1.0, "error_status": 502,
                                                "paths": [BOOKINGS_PATH]},
          frozenset({SAVED_IN_DOUBT}), hold=True),
    # 3 x 429 uses up the client's tries (it waits Retry-After between them); full drills give
    # more, so that the outbox meets a 429 too.
    Fault("429 with Retry-After", lambda rng, full: {
        "rate_limit": 3 + (rng.randint(0, 2) if full else 0), "rate_limit_retry_after": 1,
        "paths": [BOOKINGS_PATH]}, frozenset({SAVED_OFFLINE})),
    # Committed, answer never sent: in doubt (issue 15: no look-up and re-send inside the
    # call); the outbox's look-up finds the booking and marks the draft sent.
    Fault("answer dropped after commit", lambda rng, full: {
        "drop_after_commit": 1 + (rng.randint(0, 1) if full else 0),
        "paths": [BOOKINGS_PATH]}, frozenset({SAVED_IN_DOUBT})),
    # Not JSON, not carried out: in doubt; the outbox looks it up, then sends it again.
    Fault("garbage body", lambda rng, full: {
        "garbage_body": 3 + (rng.randint(0, 2) if full else 0), "paths": [BOOKINGS_PATH]},
        frozenset({SAVED_IN_DOUBT})),
    # Carried out, answer cut mid-body: in doubt; found by the outbox's look-up.
    Fault("truncated body", lambda rng, full: {
        "truncated_body": 1 + (rng.randint(0, 2) if full else 0), "paths": [BOOKINGS_PATH]},
        frozenset({SAVED_IN_DOUBT})),
]


@dataclass(frozen=True)
class Intent:
    """What the desk meant to book in one episode."""

    client_id: str
    staff_id: str
    start_time: datetime

    def matches(self, request: dict[str, Any]) -> bool:
        start = request.get("start_time")
        return (request.get("client_id") == self.client_id
                and request.get("staff_id") == self.staff_id
                and start is not None and datetime.fromisoformat(start) == self.start_time)

    @classmethod
    def of(cls, request: BookingRequest) -> Intent:
        assert request.client_id
        assert request.staff_id
        assert request.start_time
        return cls(request.client_id, request.staff_id, request.start_time)


def live_bookings(sandbox: SandboxServer, intent: Intent) -> list[dict[str, Any]]:
    """The sandbox's live bookings of that client, at that time, with that staff member."""
    return [b for b in sandbox.state.bookings()
            if b.get("client_id") == intent.client_id and b.get("status") != "cancelled"
            and b.get("staff_id") == intent.staff_id and b.get("start_time")
            and datetime.fromisoformat(b["start_time"]) == intent.start_time]


def drafts_of(store: OutboxStore, intent: Intent,
              statuses: tuple[DraftStatus, ...] | None = None) -> list[Any]:
    return [d for d in store.list_operations(list(statuses) if statuses else None)
            if (request := d.booking_request()) is not None
            and intent.matches(request.to_json())]


@dataclass
class Verdict:
    lost: int
    duplicates: int
    settled: bool


def judge(sandbox: SandboxServer, store: OutboxStore, intents: list[Intent]) -> Verdict:
    """Lost: neither booked nor in the drafts. Duplicate: booked more than once.
    Settled: each is booked exactly once and nothing waits in the outbox."""
    lost = duplicates = 0
    settled = True
    waiting = store.list_operations([DraftStatus.QUEUED, DraftStatus.SENDING])
    for intent in intents:
        booked = len(live_bookings(sandbox, intent))
        duplicates += max(0, booked - 1)
        if booked == 0 and not drafts_of(store, intent):
            lost += 1
        settled = settled and booked == 1
    return Verdict(lost, duplicates, settled and not waiting)


_COUNTED = ("rate_limit", "drop_after_commit", "garbage_body", "truncated_body")


def faulted_answers(sandbox: SandboxServer, switches: dict[str, Any], log_from: int) -> int | None:
    """How many answers the sandbox actually spoilt since ``log_from`` (its request-log
    length when the fault went on); None where it cannot tell (refused, slow)."""
    faults = sandbox.faults
    for name in _COUNTED:
        if name in switches:
            return int(switches[name]) - int(faults.get(name))
    if "error_rate" in switches:
        status = int(switches.get("error_status", 500))
        return sum(1 for _m, _p, s in sandbox.requests_log[log_from:] if s == status)
    return None


def sentence(text: str) -> bool:
    """A plain sentence: words, a capital first letter, a full stop, no Python in it."""
    text = text.strip()
    return (len(text) > 10 and text[0].isupper() and text.endswith((".", "!"))
            and "Error(" not in text and "Traceback" not in text)
