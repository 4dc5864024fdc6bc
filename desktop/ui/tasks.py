"""Background work for the GUI: run a function on a shared QThreadPool, hear back on the GUI
thread. One way back to the GUI thread for the whole app: :class:`GuiRelay`.

The habit comes from Picard's ``run_task``/``thread.to_main`` and Anki's ``QueryOp``: the worker
function never touches a widget; its result (or exception) is handed to a callback on the GUI
thread through the relay.

Each task can be cancelled (its result is then dropped and the function may poll
``CancelToken.cancelled`` to stop early). Tasks started under the same ``key`` supersede each
other, so an answer for a stale selection never reaches the screen. Tasks belong to a
``scope`` ("page", "drafts", ...): Esc on the booking page cancels the page's scope only,
never the drafts panel's reads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Tasks started without a scope.
DEFAULT_SCOPE = "default"


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


class GuiRelay(QObject):
    """The one delivery primitive to the GUI thread.

    Create it on the GUI thread; ``post(fn)`` from any thread Qt created (a QThreadPool
    worker, a QThread) runs ``fn()`` on the GUI thread: the signal is queued to this object's
    thread. Posting from the GUI thread itself runs ``fn`` at once. Never post from a plain
    ``threading.Thread``: emitting from threads Qt does not know is where PySide was seen to
    crash; run such loops on a QThread instead (see ``ui/drafts/sync_service.py``).
    """

    sig_call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A method of this object (not a bare closure) as the receiver, so that Qt knows the
        # receiver's thread and queues the call instead of running it on the sender's.
        self.sig_call.connect(self._call)

    def post(self, fn: Callable[[], None]) -> None:
        self.sig_call.emit(fn)

    @Slot(object)
    def _call(self, fn: object) -> None:
        assert callable(fn)
        try:
            fn()
        except Exception:  # one failing callback must not break the delivery of the rest
            log.exception("A callback on the GUI thread failed")


@dataclass(eq=False)
class TaskHandle(Generic[T]):
    """What a caller keeps of a running task: cancel it, or ask whether it is still going."""

    token: CancelToken
    key: str | None
    scope: str = DEFAULT_SCOPE
    done: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.token.cancel()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[CancelToken], Any], relay: GuiRelay,
                 handle: TaskHandle[Any], succeeded: Callable[[object], None],
                 failed: Callable[[BaseException], None]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay
        self._handle = handle
        self._succeeded = succeeded
        self._failed = failed

    def run(self) -> None:
        try:
            result = self._fn(self._handle.token)
        except Exception as exc:  # every failure goes back to the GUI thread
            self._relay.post(partial(self._failed, exc))
        else:
            self._relay.post(partial(self._succeeded, result))


class TaskRunner(QObject):
    """Owns the thread pool. One per window; ``shutdown()`` waits for running work."""

    sig_busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 8) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self.relay = GuiRelay(self)
        self._latest: dict[str, TaskHandle[Any]] = {}
        self._alive: set[TaskHandle[Any]] = set()
        self._closed = False

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
        scope: str = DEFAULT_SCOPE,
        on_finished: Callable[[], None] | None = None,
    ) -> TaskHandle[T]:
        """Run ``fn(token)`` on the pool; call back on the GUI thread unless superseded
        (a later task with the same ``key``) or cancelled (``cancel_scope(scope)``)."""
        handle: TaskHandle[T] = TaskHandle(CancelToken(), key, scope)
        if key is not None:
            previous = self._latest.get(key)
            if previous is not None:
                previous.cancel()
            self._latest[key] = handle

        def finish() -> None:
            handle.done.set()
            self._alive.discard(handle)
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

        def failed(exc: BaseException) -> None:
            try:
                if handle.token.cancelled or self._closed:
                    return
                if on_failure is not None:
                    on_failure(exc)
                else:
                    log.error("Unhandled background failure: %s", exc)
            finally:
                finish()

        self._alive.add(handle)
        if len(self._alive) == 1:
            self.sig_busy_changed.emit(True)
        self._pool.start(_Runnable(fn, self.relay, handle, succeeded, failed))
        return handle

    def cancel_scope(self, scope: str) -> None:
        """Cancel every running task of ``scope`` (Esc: the page's own waits only)."""
        for handle in list(self._alive):
            if handle.scope == scope:
                handle.cancel()

    def cancel_all(self) -> None:
        for handle in list(self._alive):
            handle.cancel()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel what can be cancelled and wait for the rest (Picard's habit at exit).
        Answers still queued for the GUI thread are dropped: their receivers are closing."""
        self._closed = True
        self.cancel_all()
        return bool(self._pool.waitForDone(timeout_ms))
