"""The drafts outbox: what a durable save costs, and how fast the engine empties a full outbox.

    .venv/bin/python tests/benchmarks/bench_drafts.py [--saves 300] [--drafts 1000] [--json]
                                                       [--profile]

* **save** — ``DraftStore.save(request, values)`` (one ``BEGIN IMMEDIATE … COMMIT`` with
  ``synchronous=FULL`` in WAL), alternated round by round with a **bare** SQLite insert of the
  same JSON on a connection with the same pragmas. Median ms; target save ≤ 10 ms and
  ≤ 1.5 × bare.
* **send** — 1,000 queued drafts, each a distinct real slot/client (15-minute phone
  consultations from the sample data), sent by ``SyncEngine.run_once()`` with the real
  ``BookingClient`` to the sandbox (no latency). Drafts/s; target ≥ 200/s. Every draft must
  end ``sent`` and the sandbox must hold exactly that many new bookings, none twice.
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
from desktop.drafts.store import DraftStatus, DraftStore
from desktop.drafts.sync import Backoff, SyncEngine

from desktop.api.client import BookingClient
from desktop.sandbox.server import SandboxServer
from tests.drafts.sandbox_helpers import duplicates, planned_requests

WARM_UP = 20


def bench_save(folder: Path, saves: int, sample: tuple[Any, dict[str, Any]]) -> dict[str, float]:
    request, values = sample
    body = json.dumps(request.to_json(), sort_keys=True, separators=(",", ":"))
    form = json.dumps(values, sort_keys=True, separators=(",", ":"))
    bare = sqlite3.connect(folder / "bare.sqlite3")
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    bare.execute("CREATE TABLE t (id TEXT PRIMARY KEY, request_json TEXT, values_json TEXT)")
    bare.commit()
    store = DraftStore(folder / "drafts.sqlite3")
    ours: list[float] = []
    theirs: list[float] = []
    try:
        for n in range(WARM_UP + saves):
            order = (0, 1) if n % 2 else (1, 0)
            for which in order:
                started = time.perf_counter()
                if which == 0:
                    store.save(request, values)
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
        plan = planned_requests(client, sandbox.business_id, count)
        before = {b["id"] for b in sandbox.state.bookings()}
        with DraftStore(folder / "outbox.sqlite3") as store:
            for request, values in plan:
                store.save(request, values, queue=True)
            engine = SyncEngine(store, client, sandbox.business_id,
                                backoff=Backoff(first=0, limit=0))
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
        new = [b for b in sandbox.state.bookings() if b["id"] not in before]
    if counts[DraftStatus.SENT] != count or len(new) != count or duplicates(new):
        raise SystemExit(f"not every draft booked exactly once: {counts}, {len(new)} bookings")
    return {"drafts": count, "send_seconds": took, "drafts_per_second": count / took}


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
            sample = planned_requests(client, sandbox.business_id, 1)[0]
        saving = bench_save(folder, args.saves, sample)
        sending = bench_send(folder, args.drafts, args.profile)
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
        Figure(key="drafts_send_peak_rss", what=f"peak RSS sending {args.drafts:,} drafts",
               unit="MB", value=peak_mb, target=200, runs=1,
               extra={"note": "ru_maxrss of the process, sandbox included (upper bound)"}),
    ]
    report(figures, as_json=args.json)
    return 0

if __name__ == "__main__":
    sys.exit(main())
