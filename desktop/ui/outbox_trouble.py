"""When the offline drafts file cannot be opened at start-up: say why, in a dialog, and let
the receptionist quit or work on with drafts kept only for this session.

The file itself is never touched (a newer Frontdesk's file, a locked or read-only one, a
folder that cannot be written): whoever fixes the cause finds it as it was.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import translate
from desktop.outbox.errors import OutboxUnavailableError


class TroubleChoice(Enum):
    QUIT = "quit"
    SESSION_ONLY = "session_only"


def ask(error: OutboxUnavailableError, parent: QWidget | None = None) -> TroubleChoice:
    """The dialog: the reason in the outbox's own sentence, and the two ways on."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      translate("OutboxTrouble", "Offline drafts unavailable"),
                      translate("OutboxTrouble", "Frontdesk cannot open its offline drafts file."),
                      parent=parent)
    box.setObjectName("outbox-trouble")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(translate(
        "OutboxTrouble", "{reason}\n\nYou can quit and fix this first, or work on now: "
                         "bookings are made as usual, and anything that has to wait for the "
                         "network is kept only until Frontdesk closes.").format(reason=str(error)))
    work_on = box.addButton(translate("OutboxTrouble", "&Work without saved drafts"),
                            QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(translate("OutboxTrouble", "&Quit"),
                                QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_button)
    box.exec()
    return TroubleChoice.SESSION_ONLY if box.clickedButton() is work_on \
        else TroubleChoice.QUIT


Asker = Callable[[OutboxUnavailableError], TroubleChoice]


def session_drafts_dir() -> Path:
    """A private folder for this session's drafts (removed with the temp folder)."""
    return Path(tempfile.mkdtemp(prefix="frontdesk-session-drafts-"))
