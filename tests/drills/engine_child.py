"""One desk process of the two-engine drill: the real outbox engine on its own thread, on a
drafts file that another such process works on at the same time.

    python engine_child.py DB_PATH URL BUSINESS_ID READ_TIMEOUT GRACE LEASE
    (the staff token comes in the environment as FRONTDESK_TOKEN, never on the command line)

Prints ``ready`` once set up, starts sending when a line arrives on stdin (so both processes
start together), prints ``posts <n>`` (booking requests this process sent) and ``done`` once
nothing in the file waits to be sent, or ``timeout``.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from datetime import timedelta
from typing import Any

from desktop.api.client import BookingClient
from desktop.api.constants import Timeouts
from desktop.outbox import OperationStatus, OutboxStore
from desktop.outbox.engine import SyncEngine
from desktop.outbox.timing import Backoff, Timing

DONE_WITHIN_S = 40.0


def main(argv: list[str]) -> int:
    db_path, url, business_id, read_timeout, grace, lease = argv
    client = BookingClient(url, os.environ["FRONTDESK_TOKEN"],
                           timeouts=Timeouts(connect=1, read=float(read_timeout), write=2,
                                             pool=1))
    posts = 0
    lock = threading.Lock()
    create = client.create_booking

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal posts
        with lock:
            posts += 1
        return create(*args, **kwargs)

    client.create_booking = counted  # type: ignore[method-assign]
    store = OutboxStore(db_path)
    engine = SyncEngine(store, client, business_id, timing=Timing(
        backoff=Backoff(first=0.1, limit=0.5), probe_backoff=Backoff(first=0.1, limit=0.5),
        in_doubt_grace=timedelta(seconds=float(grace)),
        lease=timedelta(seconds=float(lease))))
    print("ready", flush=True)
    sys.stdin.readline()
    engine.start()
    deadline = time.monotonic() + DONE_WITHIN_S
    finished = False
    while time.monotonic() < deadline and not finished:
        counts = store.counts()
        finished = counts[OperationStatus.QUEUED] + counts[OperationStatus.SENDING] == 0
        time.sleep(0.02)
    engine.stop()
    print(f"posts {posts}", flush=True)
    print("done" if finished else "timeout", flush=True)
    store.close()
    client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
