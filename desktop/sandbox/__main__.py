"""``python -m desktop.sandbox [--port N] [--seed S] [--latency-ms MS] [--now ISO]
[--time-zone ZONE] [--strict] [--history N]``: run the sandbox alone.

Prints its URL, the business id and a staff token valid for 12 hours (then the clock, the
mode and the history if they are not the defaults), then logs one line per request (method,
path, status, milliseconds; never a header) until Ctrl+C.

``--now 2027-03-14T01:30-05:00`` starts the sandbox's clock at that moment (it runs on from
there, and the sample data is seeded around that day); ``--time-zone Asia/Tokyo`` puts the
business in that zone (same wall-clock hours). A bad value is one line on stderr and exit
status 2, like any bad option.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from types import FrameType
from zoneinfo import ZoneInfo

from desktop.clock import SYSTEM_CLOCK, Clock, StartedClock, parse_moment
from desktop.sandbox.mode import FORM_SHAPES
from desktop.sandbox.server import SandboxServer

DEFAULT_PORT = 8765
TOKEN_HOURS = 12
BAD_USAGE = 2


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"{self.prog}: {message}", file=sys.stderr)
        sys.exit(BAD_USAGE)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _OneLineParser(prog="python -m desktop.sandbox",
                            description="Run Frontdesk's stand-in of the platform API.")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port on 127.0.0.1 (default {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument("--seed", type=int, default=1234, help="sample-data seed")
    parser.add_argument("--latency-ms", type=float, default=0.0,
                        help="delay every API answer by this many milliseconds")
    parser.add_argument("--now", metavar="ISO",
                        help="start the clock at this moment, e.g. 2027-03-14T01:30-05:00")
    parser.add_argument("--time-zone", metavar="ZONE",
                        help="the business's IANA time zone (default America/New_York)")
    parser.add_argument("--strict", action="store_true",
                        help="follow the vendor's verified workflows to the letter")
    parser.add_argument("--form-shape", choices=FORM_SHAPES, default="array",
                        help="shape of form_data.fields accepted (default array)")
    parser.add_argument("--history", type=int, default=0, metavar="N",
                        help="add N past appointments spread over the years before")
    args = parser.parse_args(argv)
    if args.history < 0:
        parser.error("--history must be 0 or more")
    if args.now is not None:
        try:
            args.now = parse_moment(args.now)
        except ValueError as problem:
            parser.error(f"--now: {problem}")
    if args.time_zone is not None:
        try:
            ZoneInfo(args.time_zone)
        except (ValueError, KeyError):
            parser.error(f"--time-zone: {args.time_zone!r} is not an IANA time zone "
                         "(e.g. Asia/Tokyo)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s",
                        datefmt="%H:%M:%S", stream=sys.stdout)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    clock: Clock = StartedClock(args.now) if args.now is not None else SYSTEM_CLOCK
    began = time.perf_counter()
    try:
        sandbox = SandboxServer(port=args.port, seed=args.seed, clock=clock, strict=args.strict,
                                history=args.history or None,
                                form_shape=args.form_shape,
                                time_zone=args.time_zone).start()
    except OSError as problem:
        print(f"Could not listen on port {args.port}: {problem.strerror}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - began
    if args.latency_ms:
        sandbox.faults.update(latency_ms=args.latency_ms)
    print(f"Frontdesk sandbox running at {sandbox.url}", flush=True)
    print(f"Business id: {sandbox.business_id}", flush=True)
    print(f"Staff token (valid {TOKEN_HOURS} h): "
          f"{sandbox.staff_token(expires_in=TOKEN_HOURS * 3600)}", flush=True)
    if args.now is not None:
        print(f"Clock starts at {args.now.isoformat()} and runs on", flush=True)
    if args.time_zone is not None:
        print(f"Business time zone: {sandbox.state.tz.key}", flush=True)
    if args.strict or args.form_shape != "array":
        print(f"Mode: {sandbox.mode.snapshot()}", flush=True)
    if args.history:
        print(f"History: {args.history} past appointments (seeded in {seconds:.2f} s)",
              flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    try:
        while not stopping.wait(0.2):
            pass
    finally:
        sandbox.stop()
        print("Sandbox stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
