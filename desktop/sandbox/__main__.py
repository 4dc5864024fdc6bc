"""``python -m desktop.sandbox [--port N] [--seed S] [--latency-ms MS]``: run the sandbox alone.

Prints its URL, the business id and a staff token valid for 12 hours, then logs one line per
request (method, path, status, milliseconds; never a header) until Ctrl+C.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from types import FrameType

from desktop.sandbox.server import SandboxServer

DEFAULT_PORT = 8765
TOKEN_HOURS = 12


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m desktop.sandbox",
                                     description="Run Frontdesk's stand-in of the platform API.")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port on 127.0.0.1 (default {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument("--seed", type=int, default=1234, help="sample-data seed")
    parser.add_argument("--latency-ms", type=float, default=0.0,
                        help="delay every API answer by this many milliseconds")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s",
                        datefmt="%H:%M:%S", stream=sys.stdout)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        sandbox = SandboxServer(port=args.port, seed=args.seed).start()
    except OSError as problem:
        print(f"Could not listen on port {args.port}: {problem.strerror}", file=sys.stderr)
        return 1
    if args.latency_ms:
        sandbox.faults.update(latency_ms=args.latency_ms)
    print(f"Frontdesk sandbox running at {sandbox.url}", flush=True)
    print(f"Business id: {sandbox.business_id}", flush=True)
    print(f"Staff token (valid {TOKEN_HOURS} h): "
          f"{sandbox.staff_token(expires_in=TOKEN_HOURS * 3600)}", flush=True)
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
