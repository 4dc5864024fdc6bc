"""A desk process for the SIGKILL drill: the real outbox (OutboxStore + SyncEngine on its own
thread, as the window runs it) drafting and sending against the sandbox, killed at any moment.

    python kill_child.py DB_PATH URL BUSINESS_ID PLAN_JSON FIRST COUNT KILL
    (the staff token comes in the environment as FRONTDESK_TOKEN, never on the command line)

KILL says where the process SIGKILLs itself (the parent may also kill it from outside at a
random moment, then KILL is ``none``):

* ``before:<op>:<n>`` inside the n-th write transaction ``op`` of the store, before COMMIT
  (``save``, ``mark_sending`` = the claim, ``mark_sent``, ``requeue``, ...);
* ``after:<op>:<n>``  just after the n-th ``op`` has committed;
* ``answer:<n>``      just after the n-th booking answer arrived, before it is recorded.

Prints ``ready`` once imported, ``saved <id>`` after each save returned (so the parent knows
which drafts must survive), ``done`` once nothing waits to be sent.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.api.client import BookingClient
from desktop.api.constants import Timeouts
from desktop.api.models import BookingRequest
from desktop.booking.saved_booking import SavedBooking
from desktop.outbox import OperationStatus, OutboxStore
from desktop.outbox.engine import SyncEngine
from desktop.outbox.timing import Backoff, Timing

DONE_WITHIN_S = 20.0
#: A killed run's lease runs out quickly (this is one desk restarting, not a second desk), and
#: its in-doubt sends are looked up after a grace longer than the sandbox's latency.
TIMING = Timing(backoff=Backoff(first=0.05, limit=0.2), probe_backoff=Backoff(first=0.05,
                                                                              limit=0.2),
                lease=timedelta(seconds=0.6), in_doubt_grace=timedelta(seconds=0.3))


class KillSwitch:
    def __init__(self, spec: str) -> None:
        self.where, _, rest = spec.partition(":")
        if self.where in ("before", "after"):
            self.op, _, nth = rest.partition(":")
            self.nth = int(nth)
        elif self.where == "answer":
            self.op, self.nth = "answer", int(rest)
        else:
            self.op, self.nth = "", 0
        self.seen: Counter[str] = Counter()

    def trip(self, where: str, op: str) -> None:
        if where != self.where or op != self.op:
            return
        self.seen[op] += 1
        if self.seen[op] == self.nth:
            os.kill(os.getpid(), signal.SIGKILL)


def main(argv: list[str]) -> int:
    db_path, url, business_id, plan_path, first, count, spec = argv
    plan = json.loads(Path(plan_path).read_text())
    switch = KillSwitch(spec)
    client = BookingClient(url, os.environ["FRONTDESK_TOKEN"],
                           timeouts=Timeouts(connect=1, read=3, write=3, pool=1))
    store = OutboxStore(db_path, before_commit=lambda op: switch.trip("before", op))
    store.db.write = _after(store.db.write, switch)  # type: ignore[method-assign]
    create = client.create_booking

    def create_then_trip(*args: Any, **kwargs: Any) -> Any:
        booking = create(*args, **kwargs)
        switch.trip("answer", "answer")
        return booking

    client.create_booking = create_then_trip  # type: ignore[method-assign]
    engine = SyncEngine(store, client, business_id, timing=TIMING)
    print("ready", flush=True)
    engine.start()  # as the window does: probe, take back what was caught mid-send, send
    have = {key_of(op.booking_request()) for op in store.list_operations()}
    for index in range(int(first), int(first) + int(count)):
        request = BookingRequest.model_validate(plan[index][0]) if index < len(plan) else None
        if request is not None and key_of(request) not in have:
            draft = store.save_draft(request, SavedBooking.from_json(plan[index][1]),
                                     queue=True)
            print(f"saved {draft.id}", flush=True)
            engine.wake()
    deadline = time.monotonic() + DONE_WITHIN_S
    while time.monotonic() < deadline:
        counts = store.counts()
        if counts[OperationStatus.QUEUED] + counts[OperationStatus.SENDING] == 0:
            print("done", flush=True)
            break
        time.sleep(0.01)
    engine.stop()
    store.close()
    client.close()
    return 0


def key_of(request: BookingRequest | None) -> str:
    """A plan entry already drafted by an earlier (killed) run is not drafted again."""
    return "" if request is None else json.dumps(request.to_json(), sort_keys=True)


def _after(write: Callable[[str], Any], switch: KillSwitch) -> Callable[[str], Any]:
    """The store's transactions, tripping the switch just after each COMMIT."""

    @contextmanager
    def wrapped(op: str) -> Iterator[Any]:
        with write(op) as conn:
            yield conn
        switch.trip("after", op)

    return wrapped


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
