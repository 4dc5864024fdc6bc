"""Measure the big history: seeding time and list requests at 1,000 and 100,000 past
appointments. Run: ``.venv/bin/python tests/sandbox/measure_history.py`` (not a test)."""

from __future__ import annotations

import statistics
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx

from desktop.clock import ManualClock
from desktop.sandbox.server import SandboxServer

MOMENT = datetime(2027, 6, 15, 10, 0, tzinfo=ZoneInfo("America/New_York"))
QUERIES = {
    "start_at:ASC page 1": {"sort": "start_at:ASC"},
    "start_at:DESC page 1": {"sort": "start_at:DESC"},
    "start_at:DESC page 20": {"sort": "start_at:DESC", "page": 20},
    "updated:DESC page 1": {"sort": "updated:DESC"},
    "state=cancelled page 1": {"state": "cancelled"},
    "state=scheduled,pending DESC": {"state": "scheduled,pending", "sort": "start_at:DESC"},
    "client_id": {"client_id": "cl-658ef30d"},
}


def main() -> None:
    for size in (0, 1_000, 100_000):
        began = time.perf_counter()
        sandbox = SandboxServer(clock=ManualClock(MOMENT), history=size or None)
        seeded = time.perf_counter() - began
        print(f"history={size:>7}: {sandbox.state.count():>7} bookings, seeded in "
              f"{seeded * 1000:7.1f} ms")
        with sandbox, httpx.Client(base_url=sandbox.url, headers={
                "Authorization": f"Bearer {sandbox.staff_token()}"}) as api:
            for name, params in QUERIES.items():
                times = []
                for _ in range(21):
                    start = time.perf_counter()
                    answer = api.get("/platform/v1/scheduling/appointments",
                                     params={"per_page": 100, **params})
                    times.append(time.perf_counter() - start)
                    assert answer.status_code == 200
                print(f"    {name:<30} median {statistics.median(times) * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
