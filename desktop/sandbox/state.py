"""The sandbox's state as the server and the tests see it: ``sandbox.state``.

:class:`SandboxState` is the calendar (calendar_state.py: seeding, reading, creating bookings)
plus the desk's changes (desk.py). Times come from the clock it is given (the server's), so
tests pin "now" with a ``ManualClock`` or ``time-machine``. Thread-safe throughout.

Handy in tests: ``bookings()`` (every booking, create-booking shape), ``appointment(id)``
(the appointments list's shape), ``sent_messages(id)`` (messages kept with changes),
``waitlist(instance_id)``, ``take_slot(...)`` and ``another_desk("book" | "cancel")``.
"""

from __future__ import annotations

from desktop.sandbox.desk import DeskActions, Outcome
from desktop.sandbox.records import BookingRecord, iso, public_booking, public_client
from desktop.sandbox.validation import BookingPlan

__all__ = ["BookingPlan", "BookingRecord", "Outcome", "SandboxState", "iso", "public_booking",
           "public_client"]


class SandboxState(DeskActions):
    """``SandboxState(seed=1234, clock=SYSTEM_CLOCK, history=None, *, time_zone=None,
    staff_hours=None)``."""
