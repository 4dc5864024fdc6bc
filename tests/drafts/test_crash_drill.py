"""Kill a real desk process (SIGKILL) at random moments while it drafts and sends; after every
restart each saved draft is still there and the sandbox never holds a booking twice."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.api.client import BookingClient
from desktop.drafts.store import DraftStatus, DraftStore
from desktop.drafts.sync import Backoff, SyncEngine
from tests.drafts.sandbox_helpers import duplicates, planned_requests

CHILD = Path(__file__).with_name("crash_child.py")
RUNS = 55
PER_RUN = 2
SEED = 20240611


def new_bookings(sandbox: Any, before: set[str]) -> list[dict[str, Any]]:
    return [b for b in sandbox.state.bookings() if b["id"] not in before]


def key(client_id: str | None, start: str | None) -> tuple[str, datetime]:
    assert start is not None
    return (str(client_id), datetime.fromisoformat(start))


@pytest.mark.slow
def test_sigkill_at_random_points_never_loses_a_draft_nor_books_twice(
        sandbox: Any, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    sample = {b["id"] for b in sandbox.state.bookings()}  # the sandbox's own sample bookings
    token = sandbox.staff_token()
    with BookingClient(sandbox.url, token) as client:
        plan = planned_requests(client, sandbox.business_id, RUNS * PER_RUN)
    planned = {key(r.client_id, r.start_time.isoformat()) for r, _ in plan}
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(
        [[r.to_json(), {**v, "plan": n}] for n, (r, v) in enumerate(plan)]))
    db_path = tmp_path / "drafts.sqlite3"
    env = {**os.environ, "FRONTDESK_TOKEN": token}
    sandbox.faults.update(latency_ms=2, latency_jitter_ms=4)

    saved: set[str] = set()
    kills_mid_work = 0
    caught_sending = 0  # kills that left a draft between "sending" and its outcome
    started = time.monotonic()
    for run in range(RUNS):
        if run % 6 == 5:
            sandbox.faults.update(drop_after_commit=1)  # the answer of one booking is lost
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), sandbox.url, sandbox.business_id,
             str(plan_file), str(run * PER_RUN), str(PER_RUN)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        lines = child.stdout.read().split("\n")
        child.stdout.close()
        child.stderr.close()
        kills_mid_work += "done" not in lines
        saved |= {line.split()[1] for line in lines if line.startswith("saved ")}

        with DraftStore(db_path) as store:
            present = {d.id for d in store.list_drafts()}
            caught_sending += bool(store.unresolved())
        assert saved <= present, f"run {run}: a saved draft vanished"
        bookings = new_bookings(sandbox, sample)
        assert duplicates(bookings) == {}, f"run {run}: booked twice"
        assert {key(b["client_id"], b["start_time"]) for b in bookings} <= planned

    assert kills_mid_work >= RUNS // 2, "the kills should mostly land mid-work"
    print(f"kills mid-work: {kills_mid_work}/{RUNS}, caught mid-send: {caught_sending}")
    assert caught_sending >= 3, "some kills should land between mark-sending and the answer"
    # The last restart: recover and send whatever is left, in this process.
    sandbox.faults.reset()
    with DraftStore(db_path) as store, BookingClient(sandbox.url, token) as client:
        engine = SyncEngine(store, client, sandbox.business_id,
                            backoff=Backoff(first=0, limit=0))
        engine.recover()
        engine.run_once()
        drafts = store.list_drafts()
    assert saved <= {d.id for d in drafts}
    assert all(d.status is DraftStatus.SENT for d in drafts)
    bookings = new_bookings(sandbox, sample)
    assert duplicates(bookings) == {}
    assert len(bookings) == len(drafts)
    by_id = {b["id"]: b for b in bookings}
    for draft in drafts:
        booked = by_id[draft.booking_id]
        request = draft.booking_request()
        assert key(booked["client_id"], booked["start_time"]) == \
            key(request.client_id, request.start_time.isoformat())
    assert time.monotonic() - started < 60
