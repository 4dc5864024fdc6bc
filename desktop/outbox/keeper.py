"""Keeps an engine's leases alive while it works: a small thread renewing them every third of
the lease, so a slow request (or a move's two calls) never outlives its claim. The thread
lives only while the engine works: it ends at its first idle turn and the next piece of work
starts another, so an engine that is dropped without ``stop()`` leaves no thread behind."""

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
                if self._active == 0:
                    self._thread = None  # idle: the next working() starts a fresh thread
                    return
            try:
                self._ledger.renew(self._clock.now())
            except OutboxStorageError as exc:
                log.warning("Could not renew the outbox leases: %s", exc)

    @property
    def running(self) -> bool:
        with self._lock:
            return self._thread is not None

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(5)
