"""Creating a booking, exactly once, and looking one up.

``create_booking`` never sends the same booking twice inside one call: once the request may
have reached the server without a readable answer it raises ``InDoubtError``, and the outbox
calls ``find_booking`` (after a grace period) before it ever sends it again.

The one in-call resend that is safe: a 422 saying ``form_data.fields`` is malformed (nothing
was committed) is answered by sending once more in the other published shape of the fields
(see ``desktop.forms.shapes``); the shape the server took is remembered for later calls.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from desktop.api import decoding
from desktop.api.actions import Action
from desktop.api.constants import MAX_PAGES, MAX_PER_PAGE
from desktop.api.errors import (
    AlreadyRegisteredError,
    AmbiguousResultError,
    EventFullError,
    ServerError,
    SlotTakenError,
    ValidationError,
)
from desktop.api.failures import in_doubt_unreadable
from desktop.api.lookup import email_matches, email_of, same_booking
from desktop.api.models import Appointment, Booking, BookingRequest
from desktop.api.paths import BOOKINGS_PATH
from desktop.api.reads import ReadCalls
from desktop.api.retry import CancelCheck
from desktop.forms.shapes import FieldsShape, form_data_json
from desktop.i18n import translate

#: A refusal about the *shape* of ``form_data.fields`` names the fields and a shape word
#: ("form_data.fields must be an array …", "fields must be a hash").
_FIELDS = re.compile(r"(?i)\bfields\b")
_SHAPE_WORDS = re.compile(r"(?i)\b(array|object|hash|map|list|dictionary|dict|keyed|"
                          r"malformed)\b")


class BookingCalls(ReadCalls):
    """Mixed into ``BookingClient``."""

    #: The shape of ``form_data.fields`` the server took last (ARRAY until told otherwise).
    _fields_shape: FieldsShape = FieldsShape.ARRAY

    def create_booking(self, request: BookingRequest, idempotency_key: str | None = None, *,
                       cancel: CancelCheck | None = None) -> Booking:
        """Book. Sent again inside the call only when nothing can have been committed
        (refused connection, 429, fields refused as malformed). A taken slot is final.

        Raises InDoubtError when the request may have reached the server but no readable
        answer came back (read timeout, connection dropped, 5xx, unreadable 2xx).
        """
        key = idempotency_key or str(uuid.uuid4())
        shape = self._fields_shape
        try:
            return self._post_booking(request, shape, key, cancel)
        except ValidationError as refused:
            if not fields_refused_as_malformed(refused, request):
                raise
            first = refused
        other = shape.other
        try:
            # A key of its own: a server that keeps answers per key must not replay the 422.
            booking = self._post_booking(request, other, f"{key}:{other.value}", cancel)
        except ValidationError as again:
            if fields_refused_as_malformed(again, request):
                raise first from None
            if fields_were_read(again, request):
                self._fields_shape = other
            raise
        self._fields_shape = other
        return booking

    def find_booking(self, request: BookingRequest, *,
                     cancel: CancelCheck | None = None) -> Appointment | None:
        """The live appointment that ``request`` made, if there is one (cancelled ones are
        passed over). The look-up the outbox makes before it ever sends a request again.

        Raises AmbiguousResultError when the client cannot be identified (form data without
        an e-mail address); other ApiErrors when the look-up itself fails.
        """
        for client_id in self._client_ids_of(request, cancel):
            page = 1
            for _ in range(MAX_PAGES):
                result = self.list_appointments(request.business_id, client_id=client_id,
                                                page=page, cancel=cancel)
                for appointment in result.appointments:
                    if same_booking(appointment, request, client_id):
                        return appointment
                following = result.next_page
                if not following or following <= page or not result.appointments:
                    break
                page = following
        return None

    # ------------------------------------------------------------------ internals

    def _post_booking(self, request: BookingRequest, shape: FieldsShape, key: str,
                      cancel: CancelCheck | None) -> Booking:
        body: dict[str, Any] = request.to_json()
        if request.form_data is not None:
            body["form_data"] = form_data_json(request.form_data, shape)
        data = self._caller.write("POST", BOOKINGS_PATH, body, what="that booking",
                                  action=Action.MAKE_BOOKINGS, cancel=cancel,
                                  headers={"Idempotency-Key": key})
        try:
            return decoding.model(Booking, decoding.item(data, "booking"))
        except ServerError:  # booked or not, the answer does not say which booking
            raise in_doubt_unreadable() from None

    def _client_ids_of(self, request: BookingRequest,
                       cancel: CancelCheck | None) -> list[str]:
        if request.client_id:
            return [request.client_id]
        email = email_of(request)
        if email is None:
            raise AmbiguousResultError(translate(
                "BookingClient", "The booking's answer was lost and the new client has no "
                                 "e-mail address to look it up by. Look at the calendar before "
                                 "booking again."))
        page = self.search_clients(request.business_id, email, search_by="email",
                                   per_page=MAX_PER_PAGE, cancel=cancel)
        return [client.id for client in page.clients if email_matches(client, email)]


def fields_refused_as_malformed(error: ValidationError, request: BookingRequest) -> bool:
    """The refusal is about the shape of ``form_data.fields``, not about a value in it."""
    if request.form_data is None or type(error) is not ValidationError \
            or error.status not in (400, 422) or fields_were_read(error, request):
        return False
    text = " ".join([error.message, *error.field_errors, *error.field_errors.values()])
    return bool(_FIELDS.search(text) and _SHAPE_WORDS.search(text))


def fields_were_read(error: ValidationError, request: BookingRequest) -> bool:
    """The refusal shows the server understood the fields: it blamed one of them by id, or
    it got past the form to the time or the seat."""
    if isinstance(error, SlotTakenError | AlreadyRegisteredError | EventFullError):
        return True
    ids = {field.field_id for field in request.form_data.fields} if request.form_data else set()
    return bool(ids & ({error.field} | set(error.field_errors)))
