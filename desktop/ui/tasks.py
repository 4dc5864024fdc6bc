"""Background work for the GUI: run a function on a shared QThreadPool, hear back by signal.

The habit comes from Picard's ``run_task`` and Anki's ``QueryOp``: the worker function never
touches a widget; its result (or exception) is handed to a callback on the GUI thread.

Each task can be cancelled (its result is then dropped and the function may poll
``CancelToken.cancelled`` to stop early), and tasks started under the same ``key`` supersede
each other, so an answer for a stale selection never reaches the screen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class CancelToken:
    """Shared flag between the GUI and a worker; checking it is cheap and thread-safe."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; return True early if cancelled (for backoff waits)."""
        return self._event.wait(seconds)


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit, Qt queues delivery to the GUI thread.

    The receiving slots are methods of this object (not bare closures) so that Qt knows the
    receiver's thread and queues the call instead of running it on the worker.
    """

    sig_succeeded = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, parent: QObject, on_succeeded: Callable[[object], None],
                 on_failed: Callable[[object], None]) -> None:
        super().__init__(parent)
        self._on_succeeded = on_succeeded
        self._on_failed = on_failed
        self.sig_succeeded.connect(self._deliver_success)
        self.sig_failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        self._on_succeeded(result)

    @Slot(object)
    def _deliver_failure(self, exc: object) -> None:
        self._on_failed(exc)


@dataclass
class TaskHandle(Generic[T]):
    """What a caller keeps of a running task: cancel it, or ask whether it is still going."""

    token: CancelToken
    key: str | None
    done: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.token.cancel()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[CancelToken], Any], relay: _Relay,
                 handle: TaskHandle[Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay
        self._handle = handle

    def run(self) -> None:
        try:
            result = self._fn(self._handle.token)
        except Exception as exc:  # every failure goes back to the GUI thread
            self._relay.sig_failed.emit(exc)
        else:
            self._relay.sig_succeeded.emit(result)


class TaskRunner(QObject):
    """Owns the thread pool. One per window; ``shutdown()`` waits for running work."""

    sig_busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 8) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._latest: dict[str, TaskHandle[Any]] = {}
        self._closed = False
        self._alive: set[_Relay] = set()

    @property
    def active_count(self) -> int:
        return len(self._alive)

    def run(
        self,
        fn: Callable[[CancelToken], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> TaskHandle[T]:
        """Run ``fn(token)`` on the pool; call back on the GUI thread unless superseded
        (a later task with the same ``key``) or cancelled."""
        handle: TaskHandle[T] = TaskHandle(CancelToken(), key)
        if key is not None:
            previous = self._latest.get(key)
            if previous is not None:
                previous.cancel()
            self._latest[key] = handle
        def finish() -> None:
            handle.done.set()
            self._alive.discard(relay)
            relay.deleteLater()
            if key is not None and self._latest.get(key) is handle:
                del self._latest[key]
            if not self._alive:
                self.sig_busy_changed.emit(False)
            if on_finished is not None:
                on_finished()

        def succeeded(result: object) -> None:
            try:
                if not handle.token.cancelled and not self._closed and on_success is not None:
                    on_success(result)  # type: ignore[arg-type]
            finally:
                finish()

        def failed(exc: object) -> None:
            try:
                if handle.token.cancelled or self._closed:
                    return
                if on_failure is not None:
                    on_failure(exc)  # type: ignore[arg-type]
                else:
                    log.error("Unhandled background failure: %s", exc)
            finally:
                finish()

        relay = _Relay(self, succeeded, failed)
        self._alive.add(relay)
        if len(self._alive) == 1:
            self.sig_busy_changed.emit(True)
        self._pool.start(_Runnable(fn, relay, handle))
        return handle

    def cancel_all(self) -> None:
        for handle in list(self._latest.values()):
            handle.cancel()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel what can be cancelled and wait for the rest (Picard's habit at exit).
        Answers still queued for the GUI thread are dropped: their receivers are closing."""
        self._closed = True
        self.cancel_all()
        return bool(self._pool.waitForDone(timeout_ms))
