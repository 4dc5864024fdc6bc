"""The slice of ``desktop.api.client.BookingClient`` the outbox sends with (brief: the shared
interface). The outbox depends on this Protocol only, so its tests can run the real client
against the sandbox where a call exists and a fake where it does not yet.

Every write may raise :class:`desktop.api.errors.InDoubtError` once its request may have
reached the server; the outbox then looks the result up (``find_booking``,
``get_appointment``) before it ever sends it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from desktop.api.models import Appointment, BookingRequest, Business


class HasId(Protocol):
    """What the outbox needs of a booking it made or found: its id."""

    @property
    def id(self) -> str: ...


class DeskApi(Protocol):
    def get_business(self, business_id: str) -> Business: ...

    def create_booking(self, request: BookingRequest,
                       idempotency_key: str | None = None) -> HasId: ...

    def find_booking(self, request: BookingRequest) -> HasId | None: ...

    def get_appointment(self, appointment_id: str) -> Appointment: ...

    def cancel_bookings(self, business_id: str, booking_ids: Sequence[str], *,
                        message: str | None = None) -> None: ...

    def complete_bookings(self, business_id: str, booking_ids: Sequence[str], *,
                          no_show: bool = False, message: str | None = None) -> None: ...

    def reschedule_booking(self, business_id: str, booking_id: str, *, start_time: datetime,
                           duration: int | None = None, notify_client: bool = True,
                           message: str | None = None) -> None: ...

    def accept_booking(self, business_id: str, booking_id: str) -> None: ...

    def join_waitlist(self, business_id: str, event_instance_id: str,
                      client_id: str) -> None: ...
