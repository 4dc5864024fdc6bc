"""What a draft keeps to put a booking back on screen, and the JSON it is stored as.

The drafts store keeps these as the draft's ``values`` (next to the API request itself); the
drafts panel reads the display keys (``client_name``, ``service_name``, ``local_time``). Reading
is liberal: a draft written by an older version, or damaged, gives what can still be used and
drops the rest, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from desktop.api.models import BookingRequest, Client, Slot
from desktop.booking.selection import BookingMode


class SaveReason(StrEnum):
    """Why the booking page hands a booking to the drafts outbox."""

    #: Ctrl+S / Save as draft: kept to finish or send later, not queued.
    MANUAL = "manual"
    #: Nothing reached the server (offline, rate limited): queued, sent when it answers.
    OFFLINE = "offline"
    #: Sent, but the answer was lost: looked up before it is ever sent again.
    IN_DOUBT = "in_doubt"
    #: The receptionist stopped waiting for the answer: like IN_DOUBT.
    CANCELLED = "cancelled"

    @property
    def may_have_reached_server(self) -> bool:
        return self in (SaveReason.IN_DOUBT, SaveReason.CANCELLED)


@dataclass
class SavedBooking:
    mode: BookingMode = BookingMode.APPOINTMENT
    service_id: str | None = None
    staff_id: str | None = None
    time_zone: str | None = None
    slot: Slot | None = None
    new_client: bool = False
    client: Client | None = None
    #: The new-client form's values by field id (dates as ``YYYY-MM-DD``).
    form_values: dict[str, Any] = field(default_factory=dict)
    meeting_details: str | None = None
    # For people: the drafts panel and the restore question show these.
    service_name: str = ""
    staff_name: str = ""
    local_time: str = ""
    client_name: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "mode": self.mode.value,
            "service_id": self.service_id,
            "service_name": self.service_name,
            "staff_id": self.staff_id,
            "time_zone": self.time_zone,
            "slot": self.slot.model_dump(mode="json") if self.slot else None,
            "local_time": self.local_time,
            "staff_name": self.staff_name,
            "new_client": self.new_client,
            "client": self.client.model_dump(mode="json") if self.client else None,
            "client_name": self.client_name,
            "form_values": {key: value.isoformat() if isinstance(value, date) else value
                            for key, value in self.form_values.items()},
            "meeting_details": self.meeting_details,
        }

    @classmethod
    def from_json(cls, values: Any) -> SavedBooking:
        data = values if isinstance(values, dict) else {}
        form_values = data.get("form_values")
        return cls(
            mode=(BookingMode.EVENT if data.get("mode") == BookingMode.EVENT.value
                  else BookingMode.APPOINTMENT),
            service_id=_text(data.get("service_id")),
            staff_id=_text(data.get("staff_id")),
            time_zone=_text(data.get("time_zone")),
            slot=_model(Slot, data.get("slot")),
            new_client=data.get("new_client") is True,
            client=_model(Client, data.get("client")),
            form_values=dict(form_values) if isinstance(form_values, dict) else {},
            meeting_details=_text(data.get("meeting_details")),
            service_name=_text(data.get("service_name")) or "",
            staff_name=_text(data.get("staff_name")) or "",
            local_time=_text(data.get("local_time")) or "",
            client_name=_text(data.get("client_name")) or "",
        )

    @property
    def worth_keeping(self) -> bool:
        """Something was picked or typed: worth an autosave, and worth offering back."""
        typed = any(value not in (None, "") for value in self.form_values.values()
                    if not isinstance(value, bool))
        return bool(self.service_id or self.client or typed)


@dataclass(frozen=True)
class DraftSaveRequest:
    """What the page asks the outbox to keep: the request (None while it cannot be built
    yet, e.g. a half-filled form), what is on screen, and why."""

    request: BookingRequest | None
    booking: SavedBooking
    reason: SaveReason


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _model(cls: type[Slot] | type[Client], value: Any) -> Any:
    if not isinstance(value, dict):
        return None
    try:
        return cls.model_validate(value)
    except ValidationError:
        return None
