"""The receptionist's choices for one booking, and the request they add up to.

Kept free of Qt so the rules ("an appointment needs a slot", "a new client needs the form")
are testable on their own and shared by the window, drafts and the self-test.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.api.models import BookingRequest, Client, FormData, Service, Slot, Staff


class BookingMode(StrEnum):
    APPOINTMENT = "appointment"
    EVENT = "event"


class Need(StrEnum):
    """Something still to pick before a booking can be made (the UI words each one)."""

    SERVICE = "service"
    EVENT = "event"
    TIME = "time"
    SESSION = "session"
    SESSION_WITH_SPOTS = "session_with_spots"
    CLIENT = "client"


@dataclass
class BookingSelection:
    """Everything picked in the window, in the order the receptionist picks it."""

    mode: BookingMode = BookingMode.APPOINTMENT
    service: Service | None = None
    #: ``None`` means "any available": the slot then names the staff member.
    staff: Staff | None = None
    slot: Slot | None = None
    time_zone: str = "UTC"
    client: Client | None = None
    #: A new client's generated form; for an existing client, the form's required and known
    #: fields filled from the record (``desktop.booking.client_details``), sent with its id.
    form_data: FormData | None = None

    def missing(self) -> list[Need]:
        """What is still needed before booking, in the order it is picked."""
        appointment = self.mode is BookingMode.APPOINTMENT
        needs: list[Need] = []
        if self.service is None:
            needs.append(Need.SERVICE if appointment else Need.EVENT)
        if self.slot is None:
            needs.append(Need.TIME if appointment else Need.SESSION)
        elif not appointment and self.slot.is_full:
            needs.append(Need.SESSION_WITH_SPOTS)
        if self.client is None and self.form_data is None:
            needs.append(Need.CLIENT)
        return needs

    def to_request(self, business_id: str) -> BookingRequest:
        """The API request for this selection. Call only when ``missing()`` is empty."""
        still_needed = self.missing()
        if still_needed:
            raise ValueError("still needed before booking: "
                             + ", ".join(need.value for need in still_needed))
        assert self.service is not None
        assert self.slot is not None
        client_id = self.client.id if self.client is not None else None
        # An existing client carries form_data too: a staff token's booking with only
        # client_id is refused when the form has required fields (vendor's workflow).
        form_data = self.form_data
        if self.mode is BookingMode.EVENT:
            return BookingRequest(
                business_id=business_id,
                event_instance_id=self.slot.event_instance_id,
                client_id=client_id,
                form_data=form_data,
            )
        staff_id = self.slot.staff_id or (self.staff.id if self.staff is not None else None)
        return BookingRequest(
            business_id=business_id,
            service_id=self.service.id,
            staff_id=staff_id,
            start_time=self.slot.start_time,
            time_zone=self.time_zone,
            client_id=client_id,
            form_data=form_data,
        )
