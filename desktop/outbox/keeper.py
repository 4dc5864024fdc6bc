"""Keeps an engine's leases alive while it works: a small thread renewing them every third of
the lease, so a slow request (or a move's two calls) never outlives its claim."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.clock import Clock
from desktop.outbox.errors import OutboxStorageError
from desktop.outbox.ledger import SendLedger

log = logging.getLogger(__name__)


class LeaseKeeper:
    def __init__(self, ledger: SendLedger, clock: Clock, every: float) -> None:
        self._ledger = ledger
        self._clock = clock
        self.every = every
        self._active = 0
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._thread: threading.Thread | None = None

    @contextmanager
    def working(self) -> Iterator[None]:
        """Renew this engine's leases for as long as the block runs."""
        with self._lock:
            self._active += 1
            if self._thread is None and not self._closed.is_set():
                self._thread = threading.Thread(target=self._run, name="outbox-leases",
                                                daemon=True)
                self._thread.start()
        try:
            yield
        finally:
            with self._lock:
                self._active -= 1

    def _run(self) -> None:
        # Event.wait runs on the monotonic clock: setting the wall clock back does not stall it.
        while not self._closed.wait(self.every):
            with self._lock:
                busy = self._active > 0
            if not busy:
                continue
            try:
                self._ledger.renew(self._clock.now())
            except OutboxStorageError as exc:
                log.warning("Could not renew the outbox leases: %s", exc)

    def close(self) -> None:
        self._closed.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(5)
