"""The one QApplication of a test run."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    """The running QApplication, made first if needed (pytest-qt's ``qapp`` reuses it)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(["frontdesk-tests"])
