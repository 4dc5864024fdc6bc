"""Times as the desk's locale writes them in sentences (tests run in en_US: ``10:30 AM``)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTime


def desk_time(hour: int, minute: int = 0) -> str:
    return QLocale().toString(QTime(hour, minute), QLocale.FormatType.ShortFormat)
