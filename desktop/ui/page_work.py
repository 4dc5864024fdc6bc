"""A page's background work: a progress line while it waits, failures in plain words, 401s
handed to the window, and Esc that stops only this page's own waits.

Every page (booking, day) owns one. The work itself runs on the window's shared
:class:`~desktop.ui.tasks.TaskRunner`; this object remembers which tasks are its own so that
cancelling here never drops another page's or the drafts panel's answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.api.client import BookingClient
from desktop.api.errors import AuthError, OfflineError
from desktop.api.models import Business
from desktop.api.retry import CancelCheck
from desktop.ui.booking.busy_bar import BusyBar
from desktop.ui.booking.message_banner import MessageBanner, Tone
from desktop.ui.messages import plain_words
from desktop.ui.tasks import CancelToken, TaskRunner

T = TypeVar("T")


def cancel_check(token: CancelToken) -> CancelCheck:
    """Lets Esc stop a read's retry wait, not only drop its answer."""
    return lambda: token.cancelled


class PageWork(QObject):
    """Runs work for one page; see the module docstring."""

    #: A 401: the window signs in again, then calls the given ``retry``.
    sig_auth_failed = Signal(object)
    #: Whether the last answer came (True) or the network was down (False).
    sig_online_changed = Signal(bool)

    def __init__(self, runner: TaskRunner, busy: BusyBar, banner: MessageBanner,
                 name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.busy = busy
        self.banner = banner
        self._name = name
        self._counter = 0

    def run(self, key: str, text: str, work: Callable[[CancelToken], T],
            on_success: Callable[[T], None], *,
            on_error: Callable[[BaseException], None] | None = None,
            retry: Callable[[], None] | None = None,
            on_cancelled: Callable[[], None] | None = None) -> None:
        """Run ``work`` on the pool with a progress line; a later call with the same ``key``
        supersedes this one (its answer is dropped)."""
        self._counter += 1
        wait_id = f"{key}#{self._counter}"  # a superseded task must not end a newer wait
        self.busy.begin(wait_id, text)

        def auth_failed(error: AuthError) -> None:
            self.banner.show_message(error.message, Tone.WARNING)
            self.sig_auth_failed.emit(retry or (lambda: None))

        def other_failure(error: BaseException) -> None:
            self.banner.show_message(plain_words(error), Tone.ERROR)

        succeeded, failed = self._handlers(on_success, auth_failed, on_error or other_failure)
        self.runner.run(work, succeeded, failed, key=f"{self._name}:{key}", scope=self._name,
                        on_finished=lambda: self.busy.end(wait_id))

    def run_quietly(self, key: str, work: Callable[[CancelToken], T],
                    on_success: Callable[[T], None], *,
                    on_error: Callable[[BaseException], None]) -> None:
        """Background work the receptionist did not ask for (a refresh, details beside the
        schedule): no progress line, failures to ``on_error`` only, a 401 to the window."""
        succeeded, failed = self._handlers(
            on_success, lambda _error: self.sig_auth_failed.emit(lambda: None), on_error)
        self.runner.run(work, succeeded, failed, key=f"{self._name}:{key}", scope=self._name)

    def _handlers(self, on_success: Callable[[T], None], on_auth: Callable[[AuthError], None],
                  on_error: Callable[[BaseException], None]
                  ) -> tuple[Callable[[T], None], Callable[[BaseException], None]]:
        """Every answer says the network is up; a refused connection says it is down; a 401
        goes to ``on_auth``, any other failure to ``on_error``."""

        def succeeded(result: T) -> None:
            self.sig_online_changed.emit(True)
            on_success(result)

        def failed(error: BaseException) -> None:
            if isinstance(error, OfflineError):
                self.sig_online_changed.emit(False)
            if isinstance(error, AuthError):
                on_auth(error)
            else:
                on_error(error)

        return succeeded, failed

    def cancel(self) -> None:
        """Esc: stop waiting for this page's own work (nothing else's: each page, and the
        drafts panel, runs in a scope of its own on the shared runner)."""
        self.runner.cancel_scope(self._name)
        self.busy.clear()

    @property
    def waiting(self) -> bool:
        return self.busy.waiting


class BusinessReader(QObject):
    """Something one page loads from the business (its catalogue, its forms), on that page's
    work so that Esc and a 401 treat it like the page's own."""

    def __init__(self, client: BookingClient, business: Business, work: PageWork,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._business = business
        self._work = work
