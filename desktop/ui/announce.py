"""Status changes said aloud: a screen reader hears "Booked", "Saved as a draft", an error, a
day action, without the receptionist having to move focus to the message.

Qt 6.8+ has ``QAccessibleAnnouncementEvent`` (AT-SPI, UIA and NSAccessibility pass it to the
screen reader); each announcement is also emitted as :attr:`Announcer.sig_announced`, so tests
(and a log) can hear what a screen reader would.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


class Announcer(QObject):
    """One per application: ``sig_announced(message, assertive)`` after every announcement."""

    sig_announced = Signal(str, bool)


_announcer: Announcer | None = None


def announcer() -> Announcer:
    global _announcer
    if _announcer is None:
        _announcer = Announcer()
    return _announcer


def announce(source: QObject, message: str, *, assertive: bool = False) -> None:
    """Say ``message`` through the accessibility layer, on behalf of ``source`` (the widget
    that shows it). ``assertive``: interrupt what is being read (errors); otherwise polite."""
    text = message.strip()
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
    announcer().sig_announced.emit(text, assertive)
