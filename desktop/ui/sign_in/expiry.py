"""The status-bar warning a day before the staff token expires, in the desk's language."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject

from desktop.ui.formatting import day_and_month, time_here


class ExpiryWording(QObject):
    """Words the warning (a QObject so that ``tr`` marks the plurals for Qt Linguist)."""

    def text(self, expiry: datetime, now: datetime) -> str:
        """What to tell the receptionist about a token that expires at ``expiry`` (shown in
        the computer's own zone: it is about this desk, not the business; with the offset
        when that time happens twice there)."""
        left = expiry - now
        if left <= timedelta(0):
            return self.tr("Your sign-in has expired. Sign in again with a new staff token.")
        local = expiry.astimezone()
        minutes = int(left.total_seconds() // 60)
        if minutes < 60:
            duration = self.tr("%n minute(s)", "", max(minutes, 1))
        else:
            duration = self.tr("about %n hour(s)", "", round(minutes / 60))
        return self.tr("Your sign-in expires in {duration} (at {time} on {day}). Get a new "
                       "staff token before then.").format(
            duration=duration, time=time_here(expiry), day=day_and_month(local.date()))


def expiry_text(expiry: datetime, now: datetime) -> str:
    return ExpiryWording().text(expiry, now)
