"""Pydantic models of the platform API's requests and responses (see ../shared/API.md).

Responses are read liberally: unknown keys are kept, both spellings are accepted where the
sources disagree (``firstname``/``first_name``), ids may come as numbers. Requests are written
strictly: only the fields the contract names, ``None`` left out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

#: The years a time in an answer may fall in; anything else is a broken answer.
YEARS = (1900, 2200)


class ApiModel(BaseModel):
    """Base of every response model: keeps unknown keys, coerces numeric ids to str."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    @field_validator("*", mode="before")
    @classmethod
    def _ids_as_text(cls, value: Any, info: Any) -> Any:
        name = info.field_name or ""
        if (name == "id" or name.endswith("_id")) and isinstance(value, int) \
                and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _showable_times(cls, value: Any) -> Any:
        # Year 1 or 9999 parses, then overflows when shown in the clinic's zone: unreadable.
        if isinstance(value, datetime) and not YEARS[0] <= value.year <= YEARS[1]:
            raise ValueError(f"a time in the year {value.year} cannot be a booking's")
        return value


# --------------------------------------------------------------------------- responses


class Business(ApiModel):
    id: str
    name: str = ""
    time_zone: str = "UTC"


class Service(ApiModel):
    id: str
    name: str = ""
    #: ``AppointmentService`` or ``EventService``.
    type: str = "AppointmentService"
    duration: int = 0
    price: float | None = None
    currency: str | None = None
    #: e.g. ``business_location``, ``client_location``, ``phone_call``, ``video``.
    interaction_type: str | None = None

    @property
    def is_event(self) -> bool:
        return self.type.lower().startswith("event")

    @property
    def needs_meeting_details(self) -> bool:
        return self.interaction_type in {"client_location", "phone_call"}


class Staff(ApiModel):
    id: str
    first_name: str = Field("", validation_alias=AliasChoices("first_name", "firstname"))
    last_name: str = Field("", validation_alias=AliasChoices("last_name", "lastname"))
    display_name: str | None = None
    email: str | None = None
    active: bool = True

    @property
    def label(self) -> str:
        return self.display_name or f"{self.first_name} {self.last_name}".strip() or self.id


class Slot(ApiModel):
    """One open time of one staff member (or one event instance) on one day."""

    staff_id: str | None = None
    start_time: datetime
    duration_minutes: int = 0
    spots_total: int | None = None
    spots_open: int | None = None
    event_instance_id: str | None = None
    service_id: str | None = None

    @property
    def is_full(self) -> bool:
        return self.spots_open is not None and self.spots_open <= 0


class EventInstance(ApiModel):
    id: str
    service_id: str | None = None
    staff_id: str | None = None
    title: str | None = None
    start_time: datetime
    duration: int = 0
    time_zone: str | None = None
    spots_total: int | None = None
    spots_open: int | None = None

    @property
    def is_full(self) -> bool:
        return self.spots_open is not None and self.spots_open <= 0


class Client(ApiModel):
    id: str
    first_name: str = Field("", validation_alias=AliasChoices("first_name", "firstname"))
    last_name: str = Field("", validation_alias=AliasChoices("last_name", "lastname"))
    email: str | None = None
    phone: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or (self.email or self.id)


class Booking(ApiModel):
    """A booked appointment or event registration (``data.booking`` / ``appointments[]``)."""

    id: str
    business_id: str | None = None
    client_id: str | None = None
    service_id: str | None = None
    staff_id: str | None = None
    event_instance_id: str | None = None
    start_time: datetime | None = None
    duration: int | None = None
    time_zone: str | None = None
    title: str | None = None
    status: str | None = None
    type: str | None = None
    created_at: datetime | None = None
    source_data: dict[str, Any] | None = None


class Appointment(ApiModel):
    """One entry of the day: an item of ``GET /platform/v1/scheduling/appointments`` or
    ``data.appointment`` of the single-appointment call (see API.md, "The day at the desk").

    ``state`` is one of scheduled, done, cancelled, pending, pending_reschedule, reschedule,
    rejected (older answers call it ``status``); a no-show is ``state == "done"`` with
    ``no_show`` true.
    """

    id: str
    start_time: datetime | None = None
    end_time: datetime | None = None
    duration: int | None = None
    time_zone: str | None = None
    client_id: str | None = None
    client_first_name: str | None = None
    client_last_name: str | None = None
    service_id: str | None = None
    title: str | None = None
    staff_id: str | None = None
    staff_display_name: str | None = None
    state: str | None = Field(None, validation_alias=AliasChoices("state", "status"))
    no_show: bool = False
    notes: str | None = None
    interaction_type: str | None = None
    interaction_details: str | None = None
    event_instance_id: str | None = None
    updated_at: datetime | None = None

    @field_validator("no_show", mode="before")
    @classmethod
    def _null_is_no(cls, value: Any) -> Any:
        return False if value is None else value

    @property
    def client_name(self) -> str:
        name = f"{self.client_first_name or ''} {self.client_last_name or ''}".strip()
        return name or (self.client_id or "")

    @property
    def is_event(self) -> bool:
        return bool(self.event_instance_id)


class AppointmentsPage(ApiModel):
    appointments: list[Appointment] = Field(default_factory=list)
    next_page: int | None = None


class ClientsPage(ApiModel):
    clients: list[Client] = Field(default_factory=list)
    next_page: int | None = None


class SchedulingForm(ApiModel):
    """The scheduling form definition, kept loose on purpose: ``sections`` is parsed (with
    readable complaints about whatever is malformed) by :mod:`desktop.forms`."""

    type: str | None = "scheduling"
    title: str | None = None
    sections: list[Any] = Field(default_factory=list)


# --------------------------------------------------------------------------- requests


class RequestModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


class FieldValue(RequestModel):
    """One entry of ``form_data.fields``: the array format the API insists on."""

    field_id: str
    type: str
    new_data: Any


class MeetingDetails(RequestModel):
    meeting_interaction_details: str


class FormData(RequestModel):
    fields: list[FieldValue] = Field(default_factory=list)
    service_fields: list[Any] = Field(default_factory=list)
    others: dict[str, Any] = Field(default_factory=lambda: {"notes": None})
    policies: dict[str, Any] = Field(default_factory=dict)
    meeting_details: MeetingDetails | None = None

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        # ``others.notes`` is sent even when null, exactly as the seed shows it.
        data["others"] = dict(self.others)
        return data


class BookingRequest(RequestModel):
    """Body of ``POST /platform/v1/scheduling/bookings``.

    Source attribution uses the seed page's names (``source_campaign``/``source_channel``/
    ``business_uid``); the sandbox accepts the OpenAPI file's names too.
    """

    business_id: str
    service_id: str | None = None
    staff_id: str | None = None
    start_time: datetime | None = None
    time_zone: str | None = None
    event_instance_id: str | None = None
    client_id: str | None = None
    form_data: FormData | None = None
    matter_uid: str | None = None
    source_name: str | None = "front_desk"
    source_url: str | None = None
    source_campaign: str | None = None
    source_channel: str | None = None
    business_uid: str | None = None

    @property
    def kind(self) -> Literal["appointment", "event"]:
        return "event" if self.event_instance_id else "appointment"

    @field_validator("start_time")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("start_time must carry a UTC offset")
        return value

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True, exclude={"form_data"})
        if self.start_time is not None:
            data["start_time"] = self.start_time.isoformat()
        if self.form_data is not None:
            data["form_data"] = self.form_data.to_json()
        return data


class CancelRequest(RequestModel):
    business_id: str
    booking_id: str
