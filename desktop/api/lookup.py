"""Does an appointment on the server stem from a given booking request?

Used by the look-up before any re-send, so a false match is as bad as a miss: a false match
marks the receptionist's booking "sent" when it was never made. Every rule therefore asks for
positive evidence: the same client (a client without an e-mail is nobody's match), the same
instant, and, where the answer names them, the same staff member, service or event session.
"""

from __future__ import annotations

from datetime import datetime

from desktop.api.models import Appointment, BookingRequest, Client

#: States of a booking that no longer holds its time (the look-up passes over them).
CANCELLED_STATES = frozenset({"cancelled", "canceled", "cancelled_by_client",
                              "cancelled_by_staff", "deleted"})


def email_of(request: BookingRequest) -> str | None:
    """The new client's e-mail address from the request's form, if it has one."""
    if request.form_data is None:
        return None
    for field in request.form_data.fields:
        if field.type.lower() == "email" and isinstance(field.new_data, str) \
                and "@" in field.new_data:
            return field.new_data.strip()
    return None


def email_matches(client: Client, email: str) -> bool:
    """The client record has exactly this address (case aside). No address: no match."""
    if client.email is None or not client.email.strip():
        return False
    return client.email.strip().casefold() == email.strip().casefold()


def same_booking(appointment: Appointment, request: BookingRequest, client_id: str) -> bool:
    """``appointment`` (listed for ``client_id``) is the live booking ``request`` makes."""
    if (appointment.state or "").lower() in CANCELLED_STATES:
        return False
    # The list was asked for this client; an answer that names another one (a server that
    # ignored the filter) is not ours.
    if appointment.client_id is not None and appointment.client_id != client_id:
        return False
    if request.event_instance_id:
        return appointment.event_instance_id == request.event_instance_id
    if appointment.start_time is None or request.start_time is None:
        return False
    if not _same_instant(appointment.start_time, request.start_time):
        return False
    if request.staff_id and appointment.staff_id and appointment.staff_id != request.staff_id:
        return False
    return not (request.service_id and appointment.service_id
                and appointment.service_id != request.service_id)


def _same_instant(a: datetime, b: datetime) -> bool:
    if a.tzinfo is None:  # a naive answer is taken to be UTC, as the API's default zone
        a = a.replace(tzinfo=b.tzinfo)
    return a == b
