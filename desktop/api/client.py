"""``BookingClient``: every call of ../shared/API.md for one business and one staff token.

The client is split by job; this module only puts the pieces together:

* ``transport``  one HTTP exchange: streamed answers with a size cap and a deadline;
* ``failures``   what a failed exchange means (offline, in doubt) and the sentences for it;
* ``calls``      the read loop (repeatable, with backoff) and the write loop (never blindly
                 repeated: ``InDoubtError`` once a write may have reached the server);
* ``reads``      business, services, staff, open times, events, appointments, clients, forms;
* ``bookings``   create a booking (fields-shape fallback) and look one up (``lookup``);
* ``desk``       cancel, complete / no-show, reschedule, accept, waitlist.

Every failure is an ``ApiError`` (see ``errors``); timeouts, caps and backoff are in
``constants``. A 403 is a ``PermissionDeniedError`` naming the refused action (``actions``).
"""

from __future__ import annotations

import time
from types import TracebackType

from desktop.api.bookings import BookingCalls
from desktop.api.calls import Caller
from desktop.api.constants import MAX_ANSWER_BYTES, MAX_TRIES, Timeouts
from desktop.api.desk import DeskCalls
from desktop.api.paths import (
    APPOINTMENTS_PATH,
    AVAILABILITY_PATH,
    BOOKINGS_PATH,
    BUSINESS_ACCEPT_PATH,
    BUSINESS_CANCEL_PATH,
    BUSINESS_COMPLETE_PATH,
    CANCEL_PATH,
    CLIENTS_PATH,
    FORMS_FALLBACK_PATH,
    FORMS_PATH,
    SERVICES_PATH,
    WAITLIST_CANCEL_PATH,
    WAITLIST_PATH,
)
from desktop.api.retry import Sleep
from desktop.api.transport import Transport
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.forms.shapes import FieldsShape

__all__ = [
    "APPOINTMENTS_PATH",
    "AVAILABILITY_PATH",
    "BOOKINGS_PATH",
    "BUSINESS_ACCEPT_PATH",
    "BUSINESS_CANCEL_PATH",
    "BUSINESS_COMPLETE_PATH",
    "CANCEL_PATH",
    "CLIENTS_PATH",
    "FORMS_FALLBACK_PATH",
    "FORMS_PATH",
    "SERVICES_PATH",
    "WAITLIST_CANCEL_PATH",
    "WAITLIST_PATH",
    "BookingClient",
]


class BookingClient(BookingCalls, DeskCalls):
    """One business's booking API, for one staff token. Thread-safe like ``httpx.Client``.

    ``clock`` gives the monotonic time of each call's deadline; ``sleep`` waits between
    tries (tests inject a recorder).
    """

    def __init__(self, base_url: str, token: str, timeouts: Timeouts | None = None,
                 max_tries: int = MAX_TRIES, *, sleep: Sleep = time.sleep,
                 clock: Clock = SYSTEM_CLOCK,
                 max_answer_bytes: int = MAX_ANSWER_BYTES) -> None:
        transport = Transport(base_url, token, timeouts or Timeouts(), clock, max_answer_bytes)
        self._caller = Caller(transport, max_tries=max_tries, sleep=sleep)
        self._fields_shape = FieldsShape.ARRAY

    @property
    def base_url(self) -> str:
        return self._caller.transport.base_url

    @property
    def fields_shape(self) -> FieldsShape:
        """The shape of ``form_data.fields`` this client sends first (the last one the server
        took)."""
        return self._fields_shape

    def set_token(self, token: str) -> None:
        """Use ``token`` from now on (after a re-sign-in)."""
        self._caller.transport.set_token(token)

    def close(self) -> None:
        self._caller.transport.close()

    def __enter__(self) -> BookingClient:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:  # never the token
        return f"BookingClient({self.base_url!r})"
