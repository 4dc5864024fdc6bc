"""SIGKILL of a desk process at seeded random points while its outbox sends.

Each run starts a fresh child (kill_child.py: the real OutboxStore + SyncEngine on its thread,
as the window runs them) on the same drafts file. It recovers what the last one left, saves
a few new drafts and sends; it dies by SIGKILL either from outside at a random moment or from
inside at a chosen point: inside a store transaction before COMMIT, just after a COMMIT, or
just after a booking's answer arrived but before it was recorded. Some runs also meet sandbox
faults (a lost answer after commit, 502s). After every kill:

* every draft whose save had returned is in the file (no draft lost);
* the sandbox holds no booking twice, and nothing that was not planned.

A last fresh process then sends everything: each draft is booked exactly once.
"""

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

from desktop.api.client import BOOKINGS_PATH, BookingClient
from desktop.outbox import OperationStatus as DraftStatus
from desktop.outbox import OutboxStore
from desktop.sandbox.server import SandboxServer
from tests.drills.conftest import SCALES, DrillLog, Scale
from tests.helpers.bookable import duplicates, planned_requests

CHILD = Path(__file__).with_name("kill_child.py")
SEED = 20_240_707
#: Points the child can kill itself at; ``n`` is drawn from 1..(drafts of the run).
INNER_POINTS = [("before", "save"), ("after", "save"), ("before", "mark_sending"),
                ("after", "mark_sending"), ("answer", ""), ("before", "mark_sent"),
                ("after", "mark_sent")]
FAULTED_POINTS = [("before", "requeue"), ("after", "requeue")]


def _key(client_id: Any, start: Any) -> tuple[str, datetime]:
    when = start if isinstance(start, datetime) else datetime.fromisoformat(str(start))
    return (str(client_id), when)


def _kill_spec(rng: random.Random, drafts: int, faulted: bool) -> str:
    """``none`` (the parent kills from outside at a random moment) or an inner point."""
    if rng.random() < 0.4:
        return "none"
    where, op = rng.choice(INNER_POINTS + (FAULTED_POINTS if faulted else []))
    nth = rng.randint(1, max(1, drafts))
    return f"answer:{nth}" if where == "answer" else f"{where}:{op}:{nth}"


@pytest.mark.parametrize("scale", SCALES)
def test_sigkill_while_sending_never_loses_a_draft_nor_books_twice(
        scale: Scale, sandbox: SandboxServer, tmp_path: Path, drill_log: DrillLog) -> None:
    rng = random.Random(f"{SEED}-{scale.name}")
    sample = {b["id"] for b in sandbox.state.bookings()}
    token = sandbox.staff_token()
    # Runs go on until ``scale.kills`` kills have landed (a few children finish first).
    per_run = [rng.randint(1, 3) for _ in range(scale.kills * 3 // 2 + 5)]
    with BookingClient(sandbox.url, token) as client:
        plan = planned_requests(client, sandbox, sum(per_run))
    planned = {_key(r.client_id, r.start_time) for r, _ in plan}
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps([[r.to_json(), f.to_json()] for r, f in plan]))
    db_path = tmp_path / "drafts.sqlite3"
    env = {**os.environ, "FRONTDESK_TOKEN": token}

    saved: set[str] = set()
    killed = caught_sending = faulted_runs = 0
    points: dict[str, int] = {}
    first = 0

    def new_bookings() -> list[dict[str, Any]]:
        return [b for b in sandbox.state.bookings() if b["id"] not in sample]

    with drill_log.measure("SIGKILL of the outbox process", scale) as result:
        runs = 0
        for run, count in enumerate(per_run):
            if killed >= scale.kills:
                break
            runs += 1
            sandbox.faults.reset()
            sandbox.faults.update(latency_ms=1, latency_jitter_ms=4)
            faulted = run % 3 == 2
            if faulted:
                faulted_runs += 1
                if rng.random() < 0.5:
                    sandbox.faults.update(drop_after_commit=1)  # an answer is lost
                else:  # half the bookings fail with 502 (maybe committed: looked up first)
                    sandbox.faults.update(error_rate=0.5, error_status=502,
                                          paths=[BOOKINGS_PATH])
            spec = _kill_spec(rng, count, faulted)
            child = subprocess.Popen(
                [sys.executable, str(CHILD), str(db_path), sandbox.url, sandbox.business_id,
                 str(plan_file), str(first), str(count), spec],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
            first += count
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready", child.communicate()[1]
            if spec == "none":
                time.sleep(rng.uniform(0.0, 0.12))
                child.send_signal(signal.SIGKILL)
            try:
                out, err = child.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                out, err = child.communicate()
                pytest.fail(f"run {run} ({spec}): the desk process hung")
            lines = out.split("\n")
            died = child.returncode == -signal.SIGKILL
            assert died or child.returncode == 0, f"run {run} ({spec}) crashed:\n{err}"
            killed += died
            label = spec.split(":")[0] if spec.startswith("answer") else \
                ":".join(spec.split(":")[:2])
            if died:
                points[label] = points.get(label, 0) + 1
            saved |= {line.split()[1] for line in lines if line.startswith("saved ")}

            with OutboxStore(db_path) as store:
                present = {d.id for d in store.list_operations()}
                caught_sending += bool(store.list_operations([DraftStatus.SENDING]))
            bookings = new_bookings()
            result.injected = killed
            result.drafts_lost = len(saved - present)
            result.duplicates = sum(n - 1 for n in duplicates(bookings).values())
            assert saved <= present, f"run {run} ({spec}): a saved draft vanished"
            assert result.duplicates == 0, f"run {run} ({spec}): booked twice"
            assert {_key(b["client_id"], b["start_time"]) for b in bookings} <= planned

        # The last restart: a fresh process recovers and sends whatever is left.
        sandbox.faults.reset()
        final = subprocess.run(
            [sys.executable, str(CHILD), str(db_path), sandbox.url, sandbox.business_id,
             str(plan_file), str(first), "0", "none"],
            capture_output=True, text=True, env=env, timeout=60, check=False)
        assert final.returncode == 0, final.stderr
        assert "done" in final.stdout.split("\n")
        with OutboxStore(db_path) as store:
            drafts = store.list_operations()
        bookings = new_bookings()
        result.drafts_lost = len(saved - {d.id for d in drafts})
        result.duplicates = sum(n - 1 for n in duplicates(bookings).values())
        assert saved <= {d.id for d in drafts}
        assert [d for d in drafts if d.status is not DraftStatus.SENT] == []
        assert result.duplicates == 0
        assert len(bookings) == len(drafts)
        by_id = {b["id"]: b for b in bookings}
        for draft in drafts:
            booked = by_id[draft.result_id or ""]
            request = draft.booking_request()
            assert request is not None
            assert request.start_time is not None
            assert _key(booked["client_id"], booked["start_time"]) == \
                _key(request.client_id, request.start_time)
        result.recovered = True
        result.extra.update({"runs": runs, "drafts": len(drafts),
                             "caught mid-send": caught_sending,
                             "runs with faults": faulted_runs})
        result.extra["kill points"] = ", ".join(f"{k} {v}" for k, v in sorted(points.items()))
        # Enough kills must land, some between "sending" and its outcome, or the drill proves
        # little.
        assert killed >= scale.kills, f"only {killed} kills in {runs} runs"
        assert caught_sending >= max(2, scale.kills // 10)
