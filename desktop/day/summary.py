"""What an appointment's state means at the desk, and the day's counts.

The platform's states (API.md) are scheduled, pending, done, cancelled, pending_reschedule,
reschedule and rejected, with a no-show written as ``done`` plus ``no_show``. The desk thinks
in five: booked (scheduled), waiting for acceptance (pending), done, no-show and cancelled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from desktop.api.models import Appointment


class DeskState(StrEnum):
    SCHEDULED = "scheduled"
    PENDING = "pending"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


_CANCELLED = frozenset({"cancelled", "canceled", "cancelled_by_client", "cancelled_by_staff",
                        "rejected", "deleted"})
_PENDING = frozenset({"pending", "pending_reschedule", "reschedule", "requested"})


def desk_state(appointment: Appointment) -> DeskState:
    state = (appointment.state or "scheduled").strip().lower()
    if state in _CANCELLED:
        return DeskState.CANCELLED
    if state in ("done", "completed", "complete"):
        return DeskState.NO_SHOW if appointment.no_show else DeskState.DONE
    if appointment.no_show:
        return DeskState.NO_SHOW
    if state in _PENDING:
        return DeskState.PENDING
    return DeskState.SCHEDULED


def end_of(appointment: Appointment) -> datetime | None:
    if appointment.end_time is not None:
        return appointment.end_time
    if appointment.start_time is None:
        return None
    return appointment.start_time + timedelta(minutes=appointment.duration or 0)


@dataclass(frozen=True)
class DayCounts:
    """The line above the schedule: how the day stands."""

    booked: int = 0
    done: int = 0
    no_shows: int = 0
    cancelled: int = 0
    pending: int = 0
    #: Booked, not yet done, starting from now on (today) — who is still to come.
    still_to_come: int = 0


def count_day(appointments: Iterable[Appointment], now: datetime) -> DayCounts:
    states = [(desk_state(a), a) for a in appointments]
    return DayCounts(
        booked=sum(s in (DeskState.SCHEDULED, DeskState.DONE, DeskState.NO_SHOW)
                   for s, _ in states),
        done=sum(s is DeskState.DONE for s, _ in states),
        no_shows=sum(s is DeskState.NO_SHOW for s, _ in states),
        cancelled=sum(s is DeskState.CANCELLED for s, _ in states),
        pending=sum(s is DeskState.PENDING for s, _ in states),
        still_to_come=sum(s is DeskState.SCHEDULED and a.start_time is not None
                          and a.start_time >= now for s, a in states),
    )
