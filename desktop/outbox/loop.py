"""The engine's loop: probe while offline, take back dead engines' work, send what is due,
sleep until the next due time (or until woken); until stopped.

Waits are ``threading.Event.wait`` (monotonic: a wall clock set back never stretches them);
how long to wait comes from the ledger's next due time, where a time further ahead than the
longest wait the engine sets counts as due now.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from desktop.outbox.errors import OutboxStorageError
from desktop.outbox.timing import IDLE_WAIT_S

if TYPE_CHECKING:
    from desktop.outbox.engine import SyncEngine

log = logging.getLogger(__name__)


class EngineLoop:
    def __init__(self, engine: SyncEngine) -> None:
        self._engine = engine
        self.woken = threading.Event()
        self.stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def wake(self) -> None:
        self.woken.set()

    def start(self) -> None:
        """Run :meth:`run` on a plain thread (code without Qt; the window uses a QThread)."""
        if self._thread is None:
            self.stopping.clear()
            self._thread = threading.Thread(target=self.run, name="outbox-sync", daemon=True)
            self._thread.start()

    def request_stop(self) -> None:
        self.stopping.set()
        self.woken.set()

    def stop(self, timeout: float) -> bool:
        self.request_stop()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def run(self) -> None:
        engine = self._engine
        self.stopping.clear()
        try:
            engine.refresh_counts(force=True)
        except OutboxStorageError as exc:
            log.error("Outbox could not be read: %s", exc)
        probe_failures = 0
        while not self.stopping.is_set():
            self.woken.clear()
            try:
                if engine.paused:
                    self.woken.wait()
                    continue
                engine.catch_up()
                if engine.online is not True:
                    if not engine.probe():
                        probe_failures += 1
                        if not engine.paused:
                            self.woken.wait(engine.timing.probe_backoff.delay(
                                probe_failures, engine.rng))
                        continue
                    probe_failures = 0
                engine.recover()
                engine.run_once()
                self.woken.wait(self.idle_wait())
            except OutboxStorageError as exc:
                log.error("Outbox could not be read or written: %s", exc)
                self.woken.wait(engine.timing.backoff.first)
            except Exception:
                log.exception("Outbox round failed")
                self.woken.wait(engine.timing.backoff.first)

    def idle_wait(self) -> float:
        engine = self._engine
        if engine.online is False or engine.paused:
            return 0.0
        now = engine.clock.now()
        wake = engine.ledger.next_wake(now, engine.timing.horizon)
        if wake is None:
            return IDLE_WAIT_S
        seconds = (wake - now).total_seconds()
        if seconds <= 0:
            # What is due now was held back by this engine's own grace (monotonic).
            held = engine.sender.shortest_hold()
            seconds = held if held is not None else 0.005
        return max(0.005, min(IDLE_WAIT_S, seconds))
