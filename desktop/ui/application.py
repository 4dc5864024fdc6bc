"""The Qt application: sign-in → main window, for real use and for the demo sandbox."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

import platformdirs
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.api.client import BookingClient
from desktop.api.models import Business
from desktop.auth.settings import ConnectionSettings, SettingsFile
from desktop.auth.token_store import SessionTokenStore
from desktop.resources_path import resource_path
from desktop.ui.main_window import MainWindow
from desktop.ui.sign_in.session import SessionController

log = logging.getLogger(__name__)


def create_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv))
    app.setApplicationName("Frontdesk")
    app.setOrganizationName("Frontdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("frontdesk")
    icon = resource_path("icons", "frontdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = resource_path("styles", "frontdesk.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


class WindowCoordinator(QObject):
    """Opens the main window on sign-in, closes it on sign-out, and resumes work after a
    re-sign-in (a 401 mid-session keeps the window and everything typed in it)."""

    def __init__(self, session: SessionController, *, demo: bool = False,
                 data_dir: Path | None = None,
                 on_window: Callable[[MainWindow], None] | None = None) -> None:
        super().__init__()
        self.session = session
        self.demo = demo
        self.data_dir = data_dir or Path(platformdirs.user_data_dir("frontdesk"))
        self.window: MainWindow | None = None
        self._on_window = on_window
        self._retries: list[Callable[[], None]] = []
        session.sig_signed_in.connect(self._signed_in)
        session.sig_signed_out.connect(self._signed_out)
        session.sig_resumed.connect(self._resume)
        session.sig_expiry_warning.connect(self._expiry_warning)
        session.sig_sign_in_cancelled.connect(self._sign_in_cancelled)

    def _signed_in(self, business: Business) -> None:
        if self.window is not None:
            return  # a re-sign-in: the window and its work stay
        client = cast(BookingClient, self.session.client)
        window = MainWindow(client, business, staff_id=self._staff_id(), demo=self.demo,
                            data_dir=self.data_dir)
        window.page.sig_auth_failed.connect(self._auth_failed)
        window.sig_sign_out_requested.connect(self.session.sign_out)
        self.window = window
        window.show()
        window.start()
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
            window.close()
            window.deleteLater()

    def _sign_in_cancelled(self) -> None:
        if self.window is None:
            QApplication.quit()


def run_signed_in(app: QApplication, connection: ConnectionSettings) -> int:
    session = SessionController(connection)
    coordinator = WindowCoordinator(session)
    session.start()
    code = app.exec()
    if coordinator.window is not None:
        coordinator.window.shutdown()
    session.shutdown()
    return int(code)


def run_demo(app: QApplication) -> int:
    """The whole flow at once: the sandbox on loopback, signed in, sample data, faults menu."""
    from desktop.sandbox.server import SandboxServer

    sandbox = SandboxServer(port=0).start()
    print(f"Frontdesk demo: sandbox API at {sandbox.url} (business {sandbox.business_id})",
          flush=True)
    demo_dir = Path(tempfile.mkdtemp(prefix="frontdesk-demo-"))
    store = SessionTokenStore()  # the demo never touches the real keyring
    store.save(sandbox.url, sandbox.business_id, sandbox.staff_token(expires_in=12 * 3600))
    connection = ConnectionSettings(api_url=sandbox.url, business_id=sandbox.business_id)
    session = SessionController(connection, token_store=store,
                                settings_file=SettingsFile(demo_dir / "settings.json"))

    def add_demo_menu(window: MainWindow) -> None:
        from desktop.ui.demo_menu import install_demo_menu

        install_demo_menu(window, sandbox, session.sig_paused)

    coordinator = WindowCoordinator(session, demo=True, data_dir=demo_dir,
                                    on_window=add_demo_menu)
    session.start()
    app.setQuitOnLastWindowClosed(True)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    try:
        code = app.exec()
    finally:
        if coordinator.window is not None:
            coordinator.window.shutdown()
        session.shutdown()
        sandbox.stop()
    return int(code)
