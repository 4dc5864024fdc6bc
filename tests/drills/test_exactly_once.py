"""Exactly once when the booking request is slow, when two desks work on one outbox file, and
when the answer never ends (issue 15 #1, #2, #8), against the real sandbox over HTTP.

* **two engines** — two real processes (engine_child.py) on one drafts file with the walk-ins
  for an event queued; the booking path answers slowly, so both are busy at once. Each
  operation is claimed under a lease: exactly one POST and one registration per walk-in.
* **slow POST, two engines** — the sandbox commits the booking 1.2 s after the request, the
  client stops waiting after 0.4 s; both processes see it in doubt. It is looked up after the
  grace (2 s), found, never posted again: one POST, one booking per draft.
* **endless answer** — the booking is carried out and its answer never ends (a stand-in in
  front of the sandbox, endless.py): the client gives up, the outbox looks it up: one POST,
  one booking.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.api.client import BOOKINGS_PATH, BookingClient
from desktop.api.constants import Timeouts
from desktop.api.models import BookingRequest, FieldValue, FormData
from desktop.booking.saved_booking import SavedBooking
from desktop.booking.selection import BookingMode
from desktop.outbox import Operation, OperationStatus, OutboxStore
from desktop.outbox.engine import SyncEngine
from desktop.outbox.timing import Backoff, Timing
from desktop.sandbox.server import SandboxServer
from tests.drills.conftest import SCALES, DrillLog, DrillResult, Scale
from tests.drills.endless import EndlessFront
from tests.helpers.bookable import duplicates, planned_requests

CHILD = Path(__file__).with_name("engine_child.py")
EVENT_SERVICE, EVENT_STAFF = "sv-yoga", "st-nair"
#: Registrations that hold a place in a session and can still be cancelled.
ACTIVE = frozenset({"scheduled", "pending"})


def posts_since(sandbox: SandboxServer, since: int) -> int:
    return sum(1 for method, path, _ in sandbox.requests_log[since:]
               if method == "POST" and path.rstrip("/") == BOOKINGS_PATH)


#: Room left in the walk-ins' session beyond the walk-ins: a second registration of a walk-in
#: would be taken (and counted), not refused as full.
SPARE_SPOTS = 2


def session_with_room(client: BookingClient, sandbox: SandboxServer, room: int) -> str:
    """A session of the group class, after the sandbox's today, with ``room`` open spots.

    The sample sessions are half to five-sixths full (12 places: never more than 6 open), so
    the roomiest one gets the rest as it happens at a desk: some registrants cancel (the
    desk's own cancel call, over HTTP).
    """
    first = sandbox.state.today() + timedelta(days=1)
    days = client.get_availability(business_id=sandbox.business_id, service_id=EVENT_SERVICE,
                                   start_date=first, end_date=first + timedelta(days=20),
                                   time_zone="UTC", staff_ids=[EVENT_STAFF], kind="event")
    sessions = [slot for day in sorted(days) for slot in days[day] if slot.event_instance_id]
    roomiest = max(sessions, key=lambda slot: slot.spots_open or 0)
    instance = roomiest.event_instance_id
    assert instance is not None
    short = room - (roomiest.spots_open or 0)
    if short > 0:
        registered = [b["id"] for b in sandbox.state.bookings()
                      if b["event_instance_id"] == instance and b["status"] in ACTIVE]
        assert len(registered) >= short, f"{instance} holds {room} at most"
        client.cancel_bookings(sandbox.business_id, registered[:short])
    assert client.get_event_instance(instance).spots_open == max(
        room, roomiest.spots_open or 0), instance
    return instance


def walk_ins(client: BookingClient, sandbox: SandboxServer, count: int) -> list[BookingRequest]:
    """``count`` new clients registering for one session with room for all (and to spare)."""
    instance = session_with_room(client, sandbox, count + SPARE_SPOTS)
    return [BookingRequest(
        business_id=sandbox.business_id, event_instance_id=instance, time_zone="UTC",
        form_data=FormData(fields=[
            FieldValue(field_id="q_email", type="email", new_data=f"walk.in{n}@x.example"),
            FieldValue(field_id="q_first", type="firstname", new_data=f"Walk{n}"),
            FieldValue(field_id="q_last", type="lastname", new_data="In")],
            policies={"p_cancel": True}))
        for n in range(count)]


def run_two_desks(sandbox: SandboxServer, db_path: Path, *, read: float, grace: float,
                  lease: float) -> list[str]:
    """Start two desk processes on ``db_path`` together; their output lines."""
    env = {**os.environ, "FRONTDESK_TOKEN": sandbox.staff_token()}
    args = [str(db_path), sandbox.url, sandbox.business_id, str(read), str(grace), str(lease)]
    children = [subprocess.Popen([sys.executable, str(CHILD), *args], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=env) for _ in range(2)]
    for child in children:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.communicate()[1]
    outputs = []
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, err = child.communicate(timeout=90)
        assert child.returncode == 0, err
        outputs.append(out)
    return outputs


def _posts_each(outputs: list[str]) -> str:
    counts = [next(line.split()[1] for line in out.splitlines() if line.startswith("posts"))
              for out in outputs]
    return "+".join(counts)


@dataclass
class Sent:
    """What the sandbox holds after the desks sent ``count`` queued drafts."""

    count: int
    #: Bookings made meanwhile.
    new: list[dict[str, Any]]
    #: Booking POSTs that reached the sandbox.
    posts: int
    #: The drafts as the outbox file has them now (None: gone from it).
    ops: list[Operation | None]

    def score(self, result: DrillResult) -> None:
        """The drill's row: one injected per draft, every extra POST or booking a duplicate,
        every draft not sent lost."""
        result.injected = self.count
        result.duplicates = max(0, self.posts - self.count) + sum(
            n - 1 for n in duplicates(self.new).values())
        result.drafts_lost = sum(op is None or op.status is not OperationStatus.SENT
                                 for op in self.ops)

    def results_match(self, bookings: list[dict[str, Any]]) -> bool:
        """Each draft names one of ``bookings`` as what it made, and each booking one draft."""
        return sorted(op.result_id or "" for op in self.ops if op) == sorted(
            b["id"] for b in bookings)


def two_desks_send(sandbox: SandboxServer, db_path: Path,
                   drafts: list[tuple[BookingRequest, SavedBooking]], *, latency_ms: int,
                   read: float, grace: float, lease: float) -> tuple[Sent, list[str]]:
    """``drafts`` queued in ``db_path``, then sent by two desk processes while the booking
    path answers ``latency_ms`` late; what came of it, and the desks' output lines."""
    with OutboxStore(db_path) as store:
        for request, form in drafts:
            store.save_draft(request, form, queue=True)
    before = {b["id"] for b in sandbox.state.bookings()}
    log_from = len(sandbox.requests_log)
    sandbox.faults.update(latency_ms=latency_ms, paths=[BOOKINGS_PATH])
    outputs = run_two_desks(sandbox, db_path, read=read, grace=grace, lease=lease)
    sandbox.faults.reset()
    with OutboxStore(db_path) as store:
        ops: list[Operation | None] = list(store.list_operations())
    new = [b for b in sandbox.state.bookings() if b["id"] not in before]
    return Sent(len(drafts), new, posts_since(sandbox, log_from), ops), outputs


@pytest.mark.parametrize("scale", SCALES)
def test_two_engines_on_one_file_register_each_walk_in_once(
        scale: Scale, sandbox: SandboxServer, tmp_path: Path, drill_log: DrillLog) -> None:
    count = 8 if scale.full else 4
    with drill_log.measure("two engines, one file (walk-ins)", scale) as result:
        with BookingClient(sandbox.url, sandbox.staff_token()) as client:
            requests = walk_ins(client, sandbox, count)
        instance = requests[0].event_instance_id
        drafts = [(request, SavedBooking(mode=BookingMode.EVENT, new_client=True,
                                         client_name=f"Walk{n} In"))
                  for n, request in enumerate(requests)]
        # Slow enough that both desks are busy at the same time; within the read timeout.
        sent, outputs = two_desks_send(sandbox, tmp_path / "drafts.sqlite3", drafts,
                                       latency_ms=300, read=3, grace=4, lease=3)
        registrations = [b for b in sent.new if b.get("event_instance_id") == instance
                         and b.get("status") != "cancelled"]
        sent.score(result)
        result.extra.update({"POSTs": sent.posts, "registrations": len(registrations),
                             "POSTs per desk": _posts_each(outputs)})
        assert all("done" in out.splitlines() for out in outputs)
        assert sent.posts == count
        assert len(registrations) == count
        assert [op.status for op in sent.ops if op] == [OperationStatus.SENT] * count
        assert sent.results_match(registrations)


@pytest.mark.parametrize("scale", SCALES)
def test_a_booking_slower_than_the_read_timeout_is_posted_once_by_two_engines(
        scale: Scale, sandbox: SandboxServer, tmp_path: Path, drill_log: DrillLog) -> None:
    # Several bookings: each desk works through a due list it read at the start, while the
    # other puts items of that list in doubt (the race a stale list once lost).
    count = 6 if scale.full else 3
    with drill_log.measure("slow POST (booking path only), 2 engines", scale) as result:
        with BookingClient(sandbox.url, sandbox.staff_token()) as client:
            plan = planned_requests(client, sandbox, count)
        sent, outputs = two_desks_send(sandbox, tmp_path / "drafts.sqlite3", plan,
                                       latency_ms=1200, read=0.4, grace=2.0, lease=3)
        sent.score(result)
        result.extra.update({"POSTs": sent.posts, "bookings": len(sent.new),
                             "POSTs per desk": _posts_each(outputs)})
        assert all("done" in out.splitlines() for out in outputs)
        assert sent.posts == count
        assert len(sent.new) == count
        assert duplicates(sent.new) == {}
        assert sent.results_match(sent.new)


@pytest.mark.parametrize("scale", SCALES)
def test_an_endless_answer_books_once(scale: Scale, sandbox: SandboxServer, tmp_path: Path,
                                      drill_log: DrillLog) -> None:
    count = 3 if scale.full else 1
    with drill_log.measure("endless booking answer", scale) as result:
        with BookingClient(sandbox.url, sandbox.staff_token()) as client:
            plan = planned_requests(client, sandbox, count)
        before = {b["id"] for b in sandbox.state.bookings()}
        with EndlessFront(sandbox.url) as front, \
                BookingClient(front.url, sandbox.staff_token(),
                              timeouts=Timeouts(connect=1, read=2, write=2, pool=1)) as client, \
                OutboxStore(tmp_path / "drafts.sqlite3") as store:
            ids = [store.save_draft(r, f, queue=True).id for r, f in plan]
            engine = SyncEngine(store, client, sandbox.business_id, timing=Timing(
                backoff=Backoff(first=0.05, limit=0.2), in_doubt_grace=timedelta(0)))
            for _ in range(4):
                engine.run_once()
            ops = [store.get(op_id) for op_id in ids]
            posts, read = front.posts, list(front.sent)
        sent = Sent(count, [b for b in sandbox.state.bookings() if b["id"] not in before],
                    posts, ops)
        sent.score(result)
        result.extra.update({"POSTs": posts, "bookings": len(sent.new),
                             "MB read before giving up": round(max(read) / 2**20, 1)})
        assert posts == count
        assert len(sent.new) == count
        assert all(op is not None and op.status is OperationStatus.SENT for op in ops)
        assert sent.results_match(sent.new)
