"""The outbox: what a durable save costs, and how fast the engine empties a full outbox.

    .venv/bin/python tests/benchmarks/bench_drafts.py [--saves 300] [--drafts 1000] [--json]
                                                       [--profile]

* **save** — ``OutboxStore.save_draft(request, form)`` (one ``BEGIN IMMEDIATE … COMMIT``
  with ``synchronous=FULL`` in WAL), alternated round by round with a **bare** SQLite insert
  of the same JSON on a connection with the same pragmas. Median ms; target save ≤ 10 ms and
  ≤ 1.5 × bare.
* **send** — 1,000 queued booking drafts, each a distinct real slot/client (15-minute phone
  consultations from the sample data), sent by ``SyncEngine.run_once()`` with the real
  ``BookingClient`` to the sandbox (no latency): claimed under a lease, posted, recorded.
  Drafts/s; target ≥ 200/s (v2 outbox, no leases: 448/s). Every draft must end ``sent`` and
  the sandbox must hold exactly that many new bookings, none twice.
* **marks** — 1,000 queued no-show marks sent to an instant in-process API (the sandbox has no
  complete endpoint yet): the engine's own cost per operation, batched ≤50 ids a call.
  Operations/s and calls made.
* **memory** — peak ``ru_maxrss`` of this process (the sandbox runs in it too, so this is an
  upper bound of the app's share). Target ≤ 200 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchlib import Figure, p90, report

from desktop.api.client import BookingClient
from desktop.api.models import Business
from desktop.outbox import CompleteBooking, OperationStatus, OutboxStore
from desktop.outbox.engine import SyncEngine
from desktop.outbox.timing import Backoff, Timing
from desktop.sandbox.server import SandboxServer
from tests.helpers.bookable import duplicates, planned_requests

WARM_UP = 20


def bench_save(folder: Path, saves: int, sample: tuple[Any, dict[str, Any]]) -> dict[str, float]:
    request, values = sample
    body = json.dumps(request.to_json(), sort_keys=True, separators=(",", ":"))
    form = json.dumps(values.to_json(), sort_keys=True, separators=(",", ":"))
    bare = sqlite3.connect(folder / "bare.sqlite3")
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    bare.execute("CREATE TABLE t (id TEXT PRIMARY KEY, request_json TEXT, values_json TEXT)")
    bare.commit()
    store = OutboxStore(folder / "drafts.sqlite3")
    ours: list[float] = []
    theirs: list[float] = []
    try:
        for n in range(WARM_UP + saves):
            order = (0, 1) if n % 2 else (1, 0)
            for which in order:
                started = time.perf_counter()
                if which == 0:
                    store.save_draft(request, values)
                    took = time.perf_counter() - started
                    if n >= WARM_UP:
                        ours.append(took)
                else:
                    bare.execute("INSERT INTO t VALUES (?, ?, ?)", (str(uuid.uuid4()), body, form))
                    bare.commit()
                    took = time.perf_counter() - started
                    if n >= WARM_UP:
                        theirs.append(took)
    finally:
        store.close()
        bare.close()
    return {"save_median_ms": statistics.median(ours) * 1000,
            "bare_median_ms": statistics.median(theirs) * 1000,
            "save_p90_ms": p90(ours) * 1000, "saves": saves}


def bench_send(folder: Path, count: int, profile: bool) -> dict[str, float]:
    with SandboxServer(port=0) as sandbox, \
            BookingClient(sandbox.url, sandbox.staff_token()) as client:
        plan = planned_requests(client, sandbox, count)
        before = {b["id"] for b in sandbox.state.bookings()}
        with OutboxStore(folder / "outbox.sqlite3") as store:
            for request, form in plan:
                store.save_draft(request, form, queue=True)
            engine = SyncEngine(store, client, sandbox.business_id,
                                timing=Timing(backoff=Backoff(first=0, limit=0)))
            profiler = None
            if profile:
                from pyinstrument import Profiler
                profiler = Profiler()
                profiler.start()
            started = time.perf_counter()
            engine.run_once()
            took = time.perf_counter() - started
            if profiler is not None:
                profiler.stop()
                print(profiler.output_text(unicode=True, color=False), file=sys.stderr)
            counts = store.counts()
            engine.close()
        new = [b for b in sandbox.state.bookings() if b["id"] not in before]
    if counts[OperationStatus.SENT] != count or len(new) != count or duplicates(new):
        raise SystemExit(f"not every draft booked exactly once: {counts}, {len(new)} bookings")
    return {"drafts": count, "send_seconds": took, "drafts_per_second": count / took}


class InstantDesk:
    """An API that answers at once (the engine's own cost is what is measured)."""

    def __init__(self) -> None:
        self.calls = 0
        self.marked: set[str] = set()

    def get_business(self, business_id: str) -> Business:
        return Business(id=business_id)

    def complete_bookings(self, business_id: str, booking_ids: Any, *, no_show: bool = False,
                          message: str | None = None) -> None:
        self.calls += 1
        self.marked.update(booking_ids)


def bench_marks(folder: Path, count: int) -> dict[str, float]:
    desk = InstantDesk()
    with OutboxStore(folder / "marks.sqlite3") as store:
        store.enqueue_all([CompleteBooking(business_id="biz", booking_id=f"bk-{n}",
                                           no_show=True) for n in range(count)])
        engine = SyncEngine(store, desk, "biz",  # type: ignore[arg-type]
                            timing=Timing(backoff=Backoff(first=0, limit=0)))
        started = time.perf_counter()
        engine.run_once()
        took = time.perf_counter() - started
        sent = store.counts()[OperationStatus.SENT]
        engine.close()
    if sent != count or len(desk.marked) != count:
        raise SystemExit(f"not every mark sent once: {sent} sent, {len(desk.marked)} marked")
    return {"marks": count, "marks_seconds": took, "marks_per_second": count / took,
            "calls": desk.calls}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-drafts-", dir=os.environ.get("BENCH_DIR")) \
            as tmp:
        folder = Path(tmp)
        with SandboxServer(port=0) as sandbox, \
                BookingClient(sandbox.url, sandbox.staff_token()) as client:
            sample = planned_requests(client, sandbox, 1)[0]
        saving = bench_save(folder, args.saves, sample)
        sending = bench_send(folder, args.drafts, args.profile)
        marking = bench_marks(folder, args.drafts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = [
        Figure(key="draft_save", what="durable draft save", unit="ms",
               value=saving["save_median_ms"], baseline=saving["bare_median_ms"],
               baseline_what="bare SQLite insert (WAL, synchronous=FULL)", target=1.5,
               target_on="ratio", runs=args.saves,
               extra={"save_p90_ms": round(saving["save_p90_ms"], 3)}),
        Figure(key="drafts_send_rate", what=f"send {args.drafts:,} queued drafts", unit="/s",
               value=sending["drafts_per_second"], target=200, better="higher", runs=1,
               extra={"send_seconds": round(sending["send_seconds"], 3)}),
        Figure(key="outbox_marks_rate", what=f"send {args.drafts:,} queued no-show marks",
               unit="/s", value=marking["marks_per_second"], target=200, better="higher",
               runs=1, extra={"calls": marking["calls"],
                              "note": "instant in-process API; ≤50 ids a call"}),
        Figure(key="drafts_send_peak_rss", what=f"peak RSS sending {args.drafts:,} drafts",
               unit="MB", value=peak_mb, target=200, runs=1,
               extra={"note": "ru_maxrss of the process, sandbox included (upper bound)"}),
    ]
    report(figures, as_json=args.json)
    return 0

if __name__ == "__main__":
    sys.exit(main())
