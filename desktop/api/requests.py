"""Strict request bodies of the day-at-the-desk writes (../shared/API.md, "The day at the desk").

Only the fields the contract names; ``None`` left out; wrong types refused rather than
coerced. ``allow_double_booking`` is always sent as ``false``: the API's default (true) would
let a reschedule land on a taken time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from desktop.api.constants import MAX_IDS_PER_CALL

Id = str


class DeskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)

    @field_validator("business_id", "booking_id", "event_instance_id", "client_id",
                     check_fields=False)
    @classmethod
    def _ids_are_not_blank(cls, value: Any) -> Any:
        ids = value if isinstance(value, list) else [value]
        if any(isinstance(one, str) and not one.strip() for one in ids):
            raise ValueError("an id must not be blank")
        return value

    @field_validator("message", check_fields=False)
    @classmethod
    def _blank_message_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if isinstance(value, str) else value


class _Batch(DeskRequest):
    business_id: Id
    #: One id, or a list of at most MAX_IDS_PER_CALL.
    booking_id: Id | list[Id] = Field(union_mode="left_to_right")

    @field_validator("booking_id")
    @classmethod
    def _at_most_a_batch(cls, value: Id | list[Id]) -> Id | list[Id]:
        if isinstance(value, list) and not 1 <= len(value) <= MAX_IDS_PER_CALL:
            raise ValueError(f"between 1 and {MAX_IDS_PER_CALL} booking ids a call")
        return value


class CancelBookingsRequest(_Batch):
    """``PUT /business/scheduling/v1/bookings/cancel``; ``message`` goes to the client."""

    event_instance_id: Id | None = None
    message: str | None = None


class CompleteBookingsRequest(_Batch):
    """``POST /business/scheduling/v1/bookings/complete`` (completed, or a no-show)."""

    mark_as_no_show: bool | None = None
    message: str | None = None


class RescheduleRequest(DeskRequest):
    """``PUT /business/scheduling/v1/bookings/{booking_id}``."""

    business_id: Id
    booking_id: Id
    start_time: datetime
    duration: int | None = Field(None, gt=0)
    notify_client: bool = True
    message: str | None = None
    allow_double_booking: Literal[False] = False

    @field_validator("start_time")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("start_time must carry a UTC offset")
        return value

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        data["start_time"] = self.start_time.isoformat()
        return data


class AcceptBookingRequest(DeskRequest):
    """``POST /business/scheduling/v1/bookings/accept``."""

    business_id: Id
    booking_id: Id


class WaitlistRequest(DeskRequest):
    """``POST /platform/v1/scheduling/waitlist`` and ``PUT …/waitlist/cancel``."""

    business_id: Id
    event_instance_id: Id
    client_id: Id
