"""One entry of the day as the desk shows it: the appointment, what is pending on it in the
outbox (the intended state is shown at once, with "cancelling…"), and its words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.api.models import Appointment
from desktop.day.summary import DeskState, desk_state, end_of
from desktop.i18n import translate
from desktop.ui.formatting import time_in_zone


def state_words(state: DeskState) -> str:
    return {
        DeskState.SCHEDULED: translate("DayEntry", "Booked"),
        DeskState.PENDING: translate("DayEntry", "Waiting for acceptance"),
        DeskState.DONE: translate("DayEntry", "Done"),
        DeskState.NO_SHOW: translate("DayEntry", "No-show"),
        DeskState.CANCELLED: translate("DayEntry", "Cancelled"),
    }[state]


@dataclass(frozen=True)
class Pending:
    """An action of this desk not yet confirmed by the platform."""

    #: What the entry will be once it is sent (shown now).
    state: DeskState | None
    #: "cancelling…", "moving to 15:30…", or why it waits ("time taken: decide in Drafts").
    text: str
    #: The platform refused it or it needs a decision in the Drafts panel.
    needs_attention: bool = False
    #: A move to another time: the new start shown in place of the old.
    new_start: datetime | None = None


@dataclass(frozen=True)
class DayEntry:
    appointment: Appointment
    zone: str
    staff_name: str = ""
    service_name: str = ""
    pending: Pending | None = None

    @property
    def id(self) -> str:
        return self.appointment.id

    @property
    def state(self) -> DeskState:
        if self.pending is not None and self.pending.state is not None:
            return self.pending.state
        return desk_state(self.appointment)

    @property
    def start(self) -> datetime | None:
        if self.pending is not None and self.pending.new_start is not None:
            return self.pending.new_start
        return self.appointment.start_time

    def time_text(self) -> str:
        start, end = self.start, end_of(self.appointment)
        if start is None:
            return ""
        if end is not None and self.pending is not None and self.pending.new_start:
            end = start + (end - (self.appointment.start_time or start))
        text = time_in_zone(start, self.zone)
        return f"{text}–{time_in_zone(end, self.zone)}" if end is not None else text

    def client_text(self) -> str:
        return self.appointment.client_name or translate("DayEntry", "(no client name)")

    def service_text(self) -> str:
        return self.appointment.title or self.service_name

    def accessible_text(self) -> str:
        """Everything a screen reader says of the entry, in reading order."""
        parts = [self.time_text(), self.client_text(), self.service_text()]
        if self.staff_name:
            parts.append(self.staff_name)
        parts.append(state_words(self.state))
        if self.pending is not None:
            parts.append(self.pending.text)
        if self.appointment.notes:
            parts.append(self.appointment.notes)
        return ", ".join(part for part in parts if part)
