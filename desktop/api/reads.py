"""The reading calls of the booking client: business, services, staff, open times, events,
appointments, clients and booking forms. All are safe to repeat (see ``calls.Caller.read``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Literal

from desktop.api import decoding
from desktop.api.actions import Action
from desktop.api.calls import Caller
from desktop.api.constants import DEFAULT_PER_PAGE, MAX_PAGES, MAX_PER_PAGE
from desktop.api.errors import NotFoundError, ServerError
from desktop.api.models import (
    Appointment,
    AppointmentsPage,
    Business,
    ClientsPage,
    EventInstance,
    SchedulingForm,
    Service,
    Slot,
    Staff,
)
from desktop.api.paths import (
    APPOINTMENTS_PATH,
    AVAILABILITY_PATH,
    CLIENTS_PATH,
    FORMS_FALLBACK_PATH,
    FORMS_PATH,
    SERVICES_PATH,
    appointment_path,
    business_path,
    event_instance_path,
    staff_path,
)
from desktop.api.responses import UNREADABLE
from desktop.api.retry import CancelCheck
from desktop.i18n import translate

#: Values of the appointments list's ``state`` parameter (API.md, "The day at the desk").
APPOINTMENT_STATES = frozenset({"scheduled", "done", "cancelled", "pending",
                                "pending_reschedule", "reschedule", "rejected"})
#: ``sort``: a field and a direction, e.g. ``start_at:ASC`` or ``updated:DESC``.
_SORT = re.compile(r"^[a-z_]+:(ASC|DESC)$")


class ReadCalls:
    """Mixed into ``BookingClient``; ``_caller`` is set by its constructor."""

    _caller: Caller

    def get_business(self, business_id: str, *, cancel: CancelCheck | None = None) -> Business:
        data = self._caller.read(business_path(business_id), None, what="that business",
                                 action=Action.OPEN_BUSINESS, cancel=cancel)
        return decoding.model(Business, decoding.item(data, "business"))

    def list_services(self, business_id: str, *,
                      cancel: CancelCheck | None = None) -> list[Service]:
        """Every service of the business, walking all pages (100 a page)."""
        services: list[Service] = []
        seen: set[str] = set()
        page = 1
        for _ in range(MAX_PAGES):
            data = self._caller.read(SERVICES_PATH, {"business_id": business_id, "page": page,
                                                     "per_page": MAX_PER_PAGE},
                                     what="the services", action=Action.SEE_SERVICES,
                                     cancel=cancel)
            batch = decoding.models(Service, data, "services")
            fresh = [service for service in batch if service.id not in seen]
            seen.update(service.id for service in fresh)
            services.extend(fresh)
            following = decoding.next_page(data, page, len(batch), MAX_PER_PAGE)
            if following is None or not fresh:
                break
            page = following
        return services

    def list_staff(self, business_id: str, status: str | None = "active", *,
                   cancel: CancelCheck | None = None) -> list[Staff]:
        params = {"status": status} if status else None
        data = self._caller.read(staff_path(business_id), params, what="the staff list",
                                 action=Action.SEE_STAFF, cancel=cancel)
        return decoding.models(Staff, data, "staff" if "staff" in data else "staffs")

    def get_availability(self, *, business_id: str, service_id: str, start_date: date,
                         end_date: date, time_zone: str, staff_ids: Sequence[str],
                         kind: Literal["appointment", "event"] = "appointment",
                         booking_instance_id: str | None = None,
                         cancel: CancelCheck | None = None) -> dict[date, list[Slot]]:
        """Open slots per day, in ``time_zone``, of the staff named in ``staff_ids`` (the
        staff who run the event, for events): ``staff_ids_array`` is required by the API and
        sent comma-separated, as the vendor's verified calls do. ``booking_instance_id`` (a
        booking being rescheduled) counts that booking's own time as free.

        The listing may be a 10-minute grid of free cells: filter it with
        ``desktop.booking.bookable`` before offering starts.
        """
        params: dict[str, str | int | list[str]] = {
            "business_id": business_id, "service_id": service_id,
            "start_date": start_date.isoformat(), "end_date": end_date.isoformat(),
            "time_zone": time_zone, "type": kind, "staff_ids_array": _staff_ids(staff_ids),
        }
        if booking_instance_id is not None:
            params["booking_instance_id"] = booking_instance_id
        data = self._caller.read(AVAILABILITY_PATH, params, what="open times",
                                 action=Action.SEE_OPEN_TIMES, cancel=cancel)
        days = data.get("availabilities")
        if days is None:
            return {}
        if not isinstance(days, dict):
            raise ServerError(translate("BookingClient", UNREADABLE))
        result: dict[date, list[Slot]] = {}
        for key, slots in days.items():
            try:
                day = date.fromisoformat(key[:10])
            except ValueError:
                raise ServerError(translate("BookingClient", UNREADABLE)) from None
            result[day] = decoding.model_list(Slot, slots)
        return result

    def get_event_instance(self, event_instance_id: str, *,
                           cancel: CancelCheck | None = None) -> EventInstance:
        data = self._caller.read(event_instance_path(event_instance_id), None,
                                 what="that event", action=Action.SEE_EVENTS, cancel=cancel)
        return decoding.model(EventInstance, decoding.item(data, "event_instance"))

    def list_appointments(self, business_id: str, *, client_id: str | None = None,
                          states: Sequence[str] | None = None, sort: str | None = None,
                          page: int = 1, per_page: int = MAX_PER_PAGE,
                          cancel: CancelCheck | None = None) -> AppointmentsPage:
        """One page of the business's appointments (no date filter exists: page sorted by
        start, e.g. ``sort="start_at:ASC"``, and stop past the day). ``states`` are sent
        comma-joined as ``state``."""
        params: dict[str, str | int] = {"business_id": business_id, "page": max(1, page),
                                        "per_page": decoding.page_size(per_page)}
        if client_id is not None:
            params["client_id"] = client_id
        if states:
            params["state"] = _states(states)
        if sort is not None:
            if not _SORT.match(sort):
                raise ValueError(f"sort must look like start_at:ASC or updated:DESC, "
                                 f"not {sort!r}.")
            params["sort"] = sort
        data = self._caller.read(APPOINTMENTS_PATH, params, what="the appointments",
                                 action=Action.SEE_APPOINTMENTS, cancel=cancel)
        return decoding.model(AppointmentsPage, decoding.nulls_as_empty(data, "appointments"))

    def get_appointment(self, appointment_id: str, *,
                        cancel: CancelCheck | None = None) -> Appointment:
        """One appointment (its id is the booking id); NotFoundError when there is none."""
        data = self._caller.read(appointment_path(appointment_id), None,
                                 what="that appointment", action=Action.SEE_APPOINTMENTS,
                                 cancel=cancel)
        return decoding.model(Appointment, decoding.item(data, "appointment"))

    def search_clients(self, business_id: str, term: str, search_by: str | None = None,
                       page: int = 1, per_page: int = DEFAULT_PER_PAGE, *,
                       cancel: CancelCheck | None = None) -> ClientsPage:
        """Clients matching ``term``; ``search_by`` narrows it to email, phone or uid."""
        params: dict[str, str | int] = {"business_id": business_id, "search_term": term,
                                        "page": max(1, page),
                                        "per_page": decoding.page_size(per_page)}
        if search_by is not None:
            params["search_by"] = search_by
        data = self._caller.read(CLIENTS_PATH, params, what="the clients",
                                 action=Action.SEARCH_CLIENTS, cancel=cancel)
        return decoding.model(ClientsPage, decoding.nulls_as_empty(data, "clients"))

    def get_scheduling_form(self, business_id: str, service_id: str, *,
                            cancel: CancelCheck | None = None) -> SchedulingForm:
        """The scheduling form definition of a service (seed path first, vendor path second)."""
        what = "the booking form of that service"
        try:
            data = self._caller.read(FORMS_PATH, {"business_id": business_id,
                                                  "form_type": "scheduling",
                                                  "service_uid": service_id},
                                     what=what, action=Action.READ_FORMS, cancel=cancel)
        except NotFoundError as first:
            try:
                data = self._caller.read(FORMS_FALLBACK_PATH,
                                         {"business_id": business_id, "service_uid": service_id},
                                         what=what, action=Action.READ_FORMS, cancel=cancel)
            except NotFoundError:
                raise first from None
        form = data.get("form")
        return decoding.model(SchedulingForm, form if isinstance(form, dict) else data)


def _staff_ids(staff_ids: Sequence[str]) -> str:
    """``staff_ids`` as the API's comma list; a clear ValueError when there is none."""
    if isinstance(staff_ids, str):
        raise ValueError("staff_ids must be a list of staff ids, not one string.")
    ids = [str(one).strip() for one in staff_ids]
    if not ids or not all(ids):
        raise ValueError(translate(
            "BookingClient", "Open times can only be looked up for named staff members, and "
                             "no staff member (or a blank one) was given."))
    if any("," in one for one in ids):
        raise ValueError("A staff id cannot contain a comma (the API separates ids with one).")
    return ",".join(ids)


def _states(states: Sequence[str]) -> str:
    if isinstance(states, str):
        states = [states]
    unknown = sorted(set(states) - APPOINTMENT_STATES)
    if unknown:
        raise ValueError(f"Unknown appointment state(s) {', '.join(unknown)}; the API knows "
                         f"{', '.join(sorted(APPOINTMENT_STATES))}.")
    return ",".join(dict.fromkeys(states))
