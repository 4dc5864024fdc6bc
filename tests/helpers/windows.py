"""The real main window on a sandbox, opened as the app opens it: for the suite's fixtures,
its one-off tests and the screenshot scripts.

    with window_on(sandbox, tmp_path / "data", qtbot) as window:   # its own client
        ready_to_book(qtbot, window)
    window = open_window(qtbot, booking_client, sandbox.business_id, data_dir)  # a given one

Both give a window shown and started (it opens on the Day view), in demo mode; the window
reads the sandbox's clock unless told otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.api.client import BookingClient
from desktop.api.constants import Timeouts
from desktop.auth.settings import ConnectionSettings, SettingsFile
from desktop.auth.token_store import SessionTokenStore
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.sandbox.server import SandboxServer
from desktop.ui.application import WindowCoordinator
from desktop.ui.main_window import MainWindow
from desktop.ui.sign_in.session import SessionController

WAIT_MS = 10_000


def open_window(qtbot: QtBot | None, client: BookingClient, business_id: str, data_dir: Path,
                *, clock: Clock = SYSTEM_CLOCK, size: tuple[int, int] | None = None,
                prepare: Callable[[MainWindow], None] | None = None) -> MainWindow:
    """A MainWindow on ``client``, shown and started (``prepare`` runs before the start).
    The caller shuts it down (``window.shutdown()``)."""
    business = client.get_business(business_id)
    window = MainWindow(client, business, demo=True, data_dir=data_dir, clock=clock)
    if qtbot is not None:
        qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    if prepare is not None:
        prepare(window)
    window.show()
    window.start()
    return window


@contextmanager
def window_on(sandbox: SandboxServer, data_dir: Path, qtbot: QtBot | None = None, *,
              token: str | None = None, clock: Clock | None = None,
              timeouts: Timeouts | None = None, size: tuple[int, int] | None = None,
              prepare: Callable[[MainWindow], None] | None = None) -> Iterator[MainWindow]:
    """:func:`open_window` with a client of its own (the staff token unless ``token``), both on
    ``clock`` (the sandbox's by default); shut down and the client closed afterwards."""
    clock = clock or sandbox.clock
    with BookingClient(sandbox.url, token or sandbox.staff_token(), timeouts,
                       clock=clock) as client:
        window = open_window(qtbot, client, sandbox.business_id, data_dir, clock=clock,
                             size=size, prepare=prepare)
        try:
            yield window
        finally:
            window.shutdown()


def ready_to_book(qtbot: QtBot, window: MainWindow) -> None:
    """Go to Book and wait until it lists the services."""
    window.show_booking()
    qtbot.waitUntil(lambda: window.page.service_picker.count() > 0, timeout=WAIT_MS)


@contextmanager
def app_session(sandbox: SandboxServer, data_dir: Path, settings_file: Path, *,
                on_window: Callable[[MainWindow], None] | None = None,
                clock: Clock = SYSTEM_CLOCK
                ) -> Iterator[tuple[SessionController, WindowCoordinator]]:
    """The app's own start, not yet started: a token saved for the sandbox, the session that
    signs in with it silently, and the coordinator that opens the window once it has (and
    hands it to ``on_window`` before starting it), both reading ``clock``. Afterwards the
    window (if any) and the session are shut down."""
    store = SessionTokenStore()
    store.save(sandbox.url, sandbox.business_id, sandbox.staff_token())
    session = SessionController(
        ConnectionSettings(api_url=sandbox.url, business_id=sandbox.business_id),
        token_store=store, settings_file=SettingsFile(settings_file), clock=clock)
    coordinator = WindowCoordinator(session, demo=True, data_dir=data_dir, on_window=on_window,
                                    clock=clock)
    try:
        yield session, coordinator
    finally:
        # Not qtbot.addWidget: a sign-out deletes the window itself, and closing it would quit.
        window, coordinator.window = coordinator.window, None
        if window is not None:
            window.shutdown()
            window.hide()
            window.deleteLater()
        session.shutdown()
