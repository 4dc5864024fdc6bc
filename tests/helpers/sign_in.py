"""Small helpers for driving the sign-in dialog the way a receptionist would."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from desktop.ui.sign_in.dialog import SignInDialog
from desktop.ui.sign_in.session import SessionController
from tests.helpers.windows import WAIT_MS


def open_dialog(qtbot: Any, controller: SessionController) -> SignInDialog:
    """Start the controller and return the dialog it opens."""
    with qtbot.waitSignal(controller.sig_dialog_opened, timeout=WAIT_MS) as blocker:
        controller.start()
    dialog = blocker.args[0]
    assert isinstance(dialog, SignInDialog)
    qtbot.waitExposed(dialog)
    return dialog


def edit(dialog: SignInDialog, name: str) -> QLineEdit:
    found = dialog.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def button(dialog: SignInDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def type_into(qtbot: Any, line: QLineEdit, text: str) -> None:
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def paste_into(qtbot: Any, line: QLineEdit, text: str) -> None:
    """Through the clipboard and Ctrl+V, as a token is really entered."""
    QApplication.clipboard().setText(text)
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().clear()


def fill(qtbot: Any, dialog: SignInDialog, *, api_url: str | None = None,
         business_id: str | None = None, token: str | None = None) -> None:
    if api_url is not None:
        type_into(qtbot, edit(dialog, "api-url"), api_url)
    if business_id is not None:
        type_into(qtbot, edit(dialog, "business-id"), business_id)
    if token is not None:
        paste_into(qtbot, edit(dialog, "token"), token)


def press_enter(qtbot: Any, dialog: SignInDialog) -> None:
    qtbot.keyClick(edit(dialog, "token"), Qt.Key.Key_Return)


def closed_port() -> int:
    """A loopback port nothing listens on (connecting is refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def user_dir_files() -> list[Path]:
    """Every file under the app's config/data/cache/state dirs (temp dirs for each test)."""
    files: list[Path] = []
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        root = Path(os.environ[name])
        files.extend(p for p in root.rglob("*") if p.is_file())
    return files
