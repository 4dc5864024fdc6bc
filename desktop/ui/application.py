"""The Qt application: sign-in → main window, for real use and for the demo sandbox.

Start-up is in two steps so that a window is on screen as soon as Qt can show one: this
module imports only Qt at first; :func:`run_demo` and :func:`run_signed_in` show the
:class:`~desktop.ui.startup.StartupShell`, and import and build everything else (httpx,
pydantic, keyring, the booking page, the demo sandbox) after its first paint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import startup_gc
from desktop.resources_path import resource_path
from desktop.ui.startup import StartupShell, probe, probe_mode

if TYPE_CHECKING:
    from datetime import datetime

    from desktop.api.client import BookingClient
    from desktop.api.models import Business
    from desktop.auth.settings import ConnectionSettings
    from desktop.clock import Clock
    from desktop.outbox.errors import OutboxUnavailableError
    from desktop.paths import AppPaths
    from desktop.preferences import DisplayPreferences
    from desktop.ui.main_window import MainWindow
    from desktop.ui.outbox_trouble import Asker, TroubleChoice
    from desktop.ui.sign_in.session import SessionController


def create_application(argv: Sequence[str], *, version_later: bool = False,
                       preferences: DisplayPreferences | None = None) -> QApplication:
    """The configured QApplication. ``version_later`` leaves the version (read from package
    metadata, ~25 ms) to :func:`set_version`, for the fast start of :func:`run_demo` and
    :func:`run_signed_in`. ``preferences``: language, theme and text size (default: those of
    the settings file, see :mod:`desktop.preferences`)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv))
    app.setApplicationName("Frontdesk")
    app.setOrganizationName("Frontdesk")
    if not version_later:
        set_version(app)
    app.setDesktopFileName("frontdesk")
    from desktop.preferences import load_display_preferences
    from desktop.ui.translations import install as install_translations

    chosen = preferences if preferences is not None else load_display_preferences()
    install_translations(app, chosen.language)
    if chosen.theme or chosen.text_size:
        from desktop.ui.style import apply_text_size, apply_theme

        apply_theme(app, chosen.theme)
        apply_text_size(app, chosen.text_size)
    icon = resource_path("icons", "frontdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = resource_path("styles", "frontdesk.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    _quit_on_termination_signals(app)
    return app


def _quit_on_termination_signals(app: QApplication) -> None:
    """Ctrl+C in a terminal or a service manager's SIGTERM closes the app the normal way
    (windows shut down, drafts flushed, the demo's files removed) instead of killing it.

    Python only runs signal handlers between bytecodes, and Qt's event loop is C++: a slow
    timer lets the interpreter look in now and then.
    """
    import signal

    from PySide6.QtCore import QTimer

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.quit())
    heartbeat = QTimer(app)
    heartbeat.setInterval(250)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()


def set_version(app: QApplication) -> None:
    from desktop import __version__

    app.setApplicationVersion(__version__)


def ask_outbox_trouble(error: OutboxUnavailableError) -> TroubleChoice:
    from desktop.ui.outbox_trouble import ask

    return ask(error)


class WindowCoordinator(QObject):
    """Opens the main window on sign-in, closes it on sign-out, and resumes work after a
    re-sign-in (a 401 mid-session keeps the window and everything typed in it)."""

    def __init__(self, session: SessionController, *, demo: bool = False,
                 data_dir: Path | None = None,
                 on_window: Callable[[MainWindow], None] | None = None,
                 shell: StartupShell | None = None, clock: Clock | None = None) -> None:
        super().__init__()
        from desktop.clock import SYSTEM_CLOCK
        from desktop.paths import AppPaths

        self.clock = clock or SYSTEM_CLOCK
        self.session = session
        self.demo = demo
        self.data_dir = data_dir or AppPaths.default().data_dir
        self.shell = shell
        self.window: MainWindow | None = None
        self._on_window = on_window
        self._retries: list[Callable[[], None]] = []
        #: Asked when the offline drafts file cannot be opened (tests answer it themselves).
        self.ask_outbox_trouble: Asker = ask_outbox_trouble
        session.sig_signed_in.connect(self._signed_in)
        session.sig_signed_out.connect(self._signed_out)
        session.sig_resumed.connect(self._resume)
        session.sig_expiry_warning.connect(self._expiry_warning)
        session.sig_sign_in_cancelled.connect(self._sign_in_cancelled)

    def _signed_in(self, business: Business) -> None:
        if self.window is not None:
            return  # a re-sign-in: the window and its work stay
        from desktop.outbox.errors import OutboxUnavailableError
        from desktop.ui.main_window import MainWindow
        from desktop.ui.outbox_trouble import TroubleChoice, session_drafts_dir

        client = cast("BookingClient", self.session.client)
        try:
            window = MainWindow(client, business, staff_id=self._staff_id(), demo=self.demo,
                                data_dir=self.data_dir, clock=self.clock)
        except OutboxUnavailableError as trouble:
            # Never let this escape the slot (the start-up would hang on "Signing in…").
            if self.ask_outbox_trouble(trouble) is TroubleChoice.QUIT:
                QApplication.quit()
                return
            window = MainWindow(client, business, staff_id=self._staff_id(), demo=self.demo,
                                data_dir=session_drafts_dir(), clock=self.clock)
            window.drafts.session_only = True
            window.indicators.session_only = True
        window.sig_auth_failed.connect(self._auth_failed)
        window.sig_sign_out_requested.connect(self.session.sign_out)
        window.sig_closed.connect(self._window_closed)
        self.window = window
        if probe_mode():
            from desktop.ui.usable_probe import watch

            watch(window)
        # The day and the services are asked for first: their answers come back while the
        # window is laid out and painted.
        window.start()
        _settle_once_shown(window)
        shell, self.shell = self.shell, None
        if shell is not None:
            shell.hand_over(window)
        else:
            window.show()
        probe("ready")
        if self._on_window is not None:
            self._on_window(window)

    def _staff_id(self) -> str:
        credentials = self.session.credentials
        if credentials is None:
            return ""
        from desktop.auth.jwt_info import token_subject

        return token_subject(credentials.token) or ""

    def _auth_failed(self, retry: Callable[[], None]) -> None:
        self._retries.append(retry)
        self.session.handle_auth_error()

    def _resume(self) -> None:
        retries, self._retries = self._retries, []
        for retry in retries:
            retry()

    def _expiry_warning(self, text: str) -> None:
        if self.window is not None:
            if text:
                self.window.statusBar().showMessage(text)
            else:
                self.window.statusBar().clearMessage()

    def _signed_out(self) -> None:
        self._retries.clear()
        if self.window is not None and not self.session.paused:
            window, self.window = self.window, None
            window.close()  # the sign-in dialog follows; the app stays (see _window_closed)
            window.deleteLater()

    def _window_closed(self) -> None:
        """The receptionist closed the window (not a sign-out, which sets ``window`` to None
        first): that ends the app. Qt's quit-on-last-window is off, since at sign-out the
        window closes before the sign-in dialog opens."""
        if self.window is not None:
            QApplication.quit()

    def bring_to_front(self) -> None:
        """Another launch asked for this desk: show whatever window it is on now (the sign-in
        dialog, the start-up shell or the main window), restored and on top."""
        target = QApplication.activeModalWidget() or self.window or self.shell
        if target is None:
            return
        if target.isMinimized():
            target.showNormal()
        target.show()
        target.raise_()
        target.activateWindow()

    def _sign_in_cancelled(self) -> None:
        if self.window is None:
            QApplication.quit()


def _settle_once_shown(window: MainWindow) -> None:
    """Once the window has its day and its services: garbage collection, paused for the
    start-up (desktop.startup_gc), comes back, and the Book page's time zones are read."""
    waiting = {"day", "catalogue"}

    def loaded(what: str) -> None:
        if what in waiting:
            waiting.discard(what)
            if not waiting:  # once: later reloads find the set empty and `what` gone
                QTimer.singleShot(0, startup_gc.resume)
                QTimer.singleShot(0, _read_time_zones)

    window.day.loader.sig_day_loaded.connect(lambda *_: loaded("day"))
    window.catalogue.sig_loaded.connect(lambda: loaded("catalogue"))


def _read_time_zones() -> None:
    """The Book page's time-zone picker lists every zone, which means opening ~600 files
    (~20 ms): read them on a thread once the day is shown, not when Book is first opened."""
    import threading

    from desktop.ui.booking.slot_picker import all_time_zones

    threading.Thread(target=all_time_zones, name="time-zones", daemon=True).start()


def _resume_gc_at_the_latest() -> None:
    QTimer.singleShot(int(startup_gc.LONGEST_PAUSE_S * 1000), startup_gc.resume)


def run_signed_in(app: QApplication, connection: ConnectionSettings | None = None, *,
                  prepare: Callable[[], ConnectionSettings] | None = None,
                  paths: AppPaths | None = None) -> int:
    """Show the shell, then (after its first paint) ``prepare()`` if given (logging, settings)
    and sign in; the main window replaces the shell. A second launch on the same data folder
    brings this one's window forward instead (see desktop.ui.single_instance)."""
    from desktop.paths import AppPaths
    from desktop.ui.single_instance import SingleInstance

    paths = paths or AppPaths.default()
    guard = SingleInstance(paths.instance_lock)
    if not guard.acquire():
        return _hand_over_to_running_instance(paths)
    app.setQuitOnLastWindowClosed(False)  # WindowCoordinator quits when the window closes
    shell = StartupShell()
    shell.show()
    _resume_gc_at_the_latest()
    started: list[tuple[SessionController, WindowCoordinator]] = []

    def build() -> None:
        from desktop.ui.sign_in.session import SessionController

        set_version(app)
        guard.listen()
        settings = prepare() if prepare is not None else connection
        session = SessionController(settings)
        coordinator = WindowCoordinator(session, shell=shell, data_dir=paths.data_dir)
        guard.sig_show_requested.connect(coordinator.bring_to_front)
        started.append((session, coordinator))
        session.start()

    shell.after_first_paint(build)
    try:
        code = app.exec()
        for session, coordinator in started:
            if coordinator.window is not None:
                coordinator.window.shutdown()
            session.shutdown()
    finally:
        guard.release()
    return int(code)


def _hand_over_to_running_instance(paths: AppPaths) -> int:
    """Another Frontdesk works on this data folder: show its window, and say so if it can't
    be reached (it may be busy starting or closing)."""
    import sys

    from PySide6.QtCore import QCoreApplication

    from desktop.ui.single_instance import ask_running_instance_to_show

    if ask_running_instance_to_show(paths.instance_lock):
        print(QCoreApplication.translate(
            "Startup", "Frontdesk is already open on this computer: its window was brought "
            "to the front."), file=sys.stderr)
        return 0
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, "Frontdesk", QCoreApplication.translate(
        "Startup", "Frontdesk is already open on this computer, or is just closing. Use its "
        "window, or wait a moment and start it again."))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    return 1


def run_demo(app: QApplication, *, prepare: Callable[[], object] | None = None,
             start_at: datetime | None = None, time_zone: str | None = None) -> int:
    """The whole flow at once: the sandbox on loopback, signed in, sample data, faults menu.
    The shell is shown first; ``prepare()`` (e.g. logging) and the rest run after its first
    paint. ``start_at`` (``--now``) starts the sandbox's and the window's one clock there;
    ``time_zone`` (``--time-zone``) puts the sample business in that zone."""
    shell = StartupShell(demo=True)
    shell.show()
    _resume_gc_at_the_latest()
    app.setQuitOnLastWindowClosed(False)  # WindowCoordinator quits when the window closes
    cleanup: list[Callable[[], None]] = []

    def build() -> None:
        # Not imported at the top: Qt's namespace of enums alone costs ~25 ms to load.
        import shutil
        import tempfile

        from PySide6.QtCore import Qt

        from desktop.auth.settings import ConnectionSettings, SettingsFile
        from desktop.auth.token_store import SessionTokenStore
        from desktop.sandbox.server import SandboxServer
        from desktop.ui.sign_in.session import SessionController

        app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
        set_version(app)
        if prepare is not None:
            prepare()
        from desktop.clock import SYSTEM_CLOCK, StartedClock

        # One clock for both sides, so the window's "today" is the sandbox's.
        clock: Clock = StartedClock(start_at) if start_at is not None else SYSTEM_CLOCK
        sandbox = SandboxServer(port=0, clock=clock, time_zone=time_zone).start()
        cleanup.append(sandbox.stop)
        print(f"Frontdesk demo: sandbox API at {sandbox.url} (business {sandbox.business_id})",
              flush=True)
        demo_dir = Path(tempfile.mkdtemp(prefix="frontdesk-demo-"))
        # The demo's drafts and settings live only as long as the demo: the last step out.
        cleanup.insert(0, lambda: shutil.rmtree(demo_dir, ignore_errors=True))
        store = SessionTokenStore()  # the demo never touches the real keyring
        store.save(sandbox.url, sandbox.business_id, sandbox.staff_token(expires_in=12 * 3600))
        connection = ConnectionSettings(api_url=sandbox.url, business_id=sandbox.business_id)
        session = SessionController(connection, token_store=store,
                                    settings_file=SettingsFile(demo_dir / "settings.json"),
                                    clock=clock)
        cleanup.append(session.shutdown)

        def add_demo_menu(window: MainWindow) -> None:
            from desktop.ui.demo_menu import install_demo_menu

            install_demo_menu(window, sandbox, session.sig_paused)

        coordinator = WindowCoordinator(session, demo=True, data_dir=demo_dir,
                                        on_window=add_demo_menu, shell=shell, clock=clock)

        def shut_window() -> None:
            if coordinator.window is not None:
                coordinator.window.shutdown()

        cleanup.append(shut_window)
        session.start()

    shell.after_first_paint(build)
    try:
        code = app.exec()
    finally:
        for step in reversed(cleanup):
            step()
    return int(code)
