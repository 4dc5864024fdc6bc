"""What the booking client adds to a create-booking round trip (target: ≤ 1.15× a bare post).

    .venv/bin/python tests/benchmarks/bench_client.py [--rounds 300] [--json] [--profile]

Starts the sandbox, then alternates, round after round:

* **client**: ``BookingClient.create_booking(request)`` (model → JSON, POST, status and
  envelope checks, JSON → ``Booking``, one log call);
* **bare**: ``http.post(url, json=body, headers=...)`` with the same body and headers
  (``Idempotency-Key`` included) on the client's own keep-alive ``httpx.Client``, then
  ``response.json()``.

Every request really books (its 201 and booking id are checked); each booking is cancelled
outside the timed part, so the same few slots can be booked again and again. Medians in ms.
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchlib import Figure, median, p90, report

from desktop.api.client import BOOKINGS_PATH, BookingClient
from desktop.api.models import BookingRequest
from desktop.sandbox.server import SandboxServer
from tests.api.helpers import open_slots
from tests.helpers.sample import CLINIC_ZONE, MASSAGE

SERVICE = MASSAGE
CLIENT_ID = "cl-658ef30d"
WARM_UP = 20


def run(rounds: int, profile: bool) -> dict[str, Any]:
    with SandboxServer(port=0) as sandbox, \
            BookingClient(sandbox.url, sandbox.staff_token()) as client:
        business_id = sandbox.business_id
        slots = open_slots(client, sandbox, SERVICE, days=13)
        if len(slots) < 2:
            raise SystemExit("the sandbox offers too few open slots to benchmark")
        requests = [BookingRequest(business_id=business_id, service_id=SERVICE,
                                   staff_id=slot.staff_id, start_time=slot.start_time,
                                   time_zone=CLINIC_ZONE, client_id=CLIENT_ID)
                    for slot in slots]
        before = len(sandbox.state.bookings())
        http = client._caller.transport._http  # the booking client's own keep-alive client
        url = client.base_url + BOOKINGS_PATH

        def with_client(index: int) -> tuple[float, str]:
            request = requests[index % len(requests)]
            started = time.perf_counter()
            booking = client.create_booking(request)
            return time.perf_counter() - started, booking.id

        def bare(index: int) -> tuple[float, str]:
            body = requests[index % len(requests)].to_json()  # the same body, built untimed
            headers = {"Idempotency-Key": str(uuid.uuid4())}
            started = time.perf_counter()
            response = http.post(url, json=body, headers=headers)
            data = response.json()
            elapsed = time.perf_counter() - started
            if response.status_code != 201:
                raise SystemExit(f"bare post was not booked: HTTP {response.status_code}")
            return elapsed, str(data["data"]["booking"]["id"])

        timings: dict[str, list[float]] = {"client": [], "bare": []}
        profiler = None
        if profile:
            from pyinstrument import Profiler
            profiler = Profiler(interval=0.0001)
        booked = 0
        for round_number in range(WARM_UP + rounds):
            # Alternate which goes first, so neither always meets a just-warmed connection.
            order = (("client", with_client), ("bare", bare)) if round_number % 2 == 0 \
                else (("bare", bare), ("client", with_client))
            for name, attempt in order:
                if profiler is not None and name == "client" and round_number == WARM_UP:
                    profiler.start()
                elapsed, booking_id = attempt(round_number)
                booked += 1
                client.cancel_booking(business_id, booking_id)  # frees the slot, untimed
                if round_number >= WARM_UP:
                    timings[name].append(elapsed * 1000)
        if profiler is not None:
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False), file=sys.stderr)
        created = len(sandbox.state.bookings()) - before
        if created != booked:
            raise SystemExit(f"{booked} requests but {created} bookings in the sandbox")

    return {"rounds": rounds, "bookings_made": booked, "bookings_in_sandbox": created,
            "client_ms": timings["client"], "bare_ms": timings["bare"]}


def figures_of(result: dict[str, Any]) -> list[Figure]:
    ours, bare = result["client_ms"], result["bare_ms"]
    return [Figure(
        key="client_booking", what="client create-booking round trip", unit="ms",
        value=median(ours), baseline=median(bare), baseline_what="bare httpx.post",
        target=1.15, target_on="ratio", runs=result["rounds"],
        extra={"client_p90_ms": round(p90(ours), 3), "bare_p90_ms": round(p90(bare), 3),
               "bookings_made": result["bookings_made"]})]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300, help="timed rounds (each: 1 + 1)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--profile", action="store_true",
                        help="profile the client's calls with pyinstrument (to stderr)")
    args = parser.parse_args()
    result = run(max(args.rounds, 1), args.profile)
    report(figures_of(result), as_json=args.json,
           note=f"every request booked ({result['bookings_made']} bookings made and cancelled)")

if __name__ == "__main__":
    main()
