"""``BookingClient``: every call of ../shared/API.md over one keep-alive ``httpx.Client``.

Reads retry on network trouble, 429 and 5xx (honouring ``Retry-After``). A booking is never
blindly re-sent: when its answer is lost after the request went out, the client looks the
booking up and re-sends only when sure that none exists. Every failure is an ``ApiError``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import ssl
import time
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from types import TracebackType
from typing import Any, Literal, TypeVar

import httpx
from pydantic import BaseModel
from pydantic import ValidationError as ModelError

from desktop.api.constants import (
    BACKOFF_BASE,
    CONNECT_BACKOFF_BASE,
    DEFAULT_PER_PAGE,
    MAX_PAGES,
    MAX_PER_PAGE,
    MAX_TRIES,
    USER_AGENT,
    Timeouts,
)
from desktop.api.errors import (
    AlreadyRegisteredError,
    AmbiguousResultError,
    ApiError,
    AuthError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    RequestCancelledError,
    ServerError,
    SlotTakenError,
    TlsError,
)
from desktop.api.models import (
    AppointmentsPage,
    Booking,
    BookingRequest,
    Business,
    CancelRequest,
    Client,
    ClientsPage,
    EventInstance,
    SchedulingForm,
    Service,
    Slot,
    Staff,
)
from desktop.api.redaction import install_redaction
from desktop.api.responses import UNREADABLE, envelope_data, error_from_response
from desktop.api.retry import CancelCheck, Sleep, backoff_delay, wait
from desktop.api.urls import checked_base_url, path_segment

log = logging.getLogger("desktop.api")
install_redaction()

BOOKINGS_PATH = "/platform/v1/scheduling/bookings"
CANCEL_PATH = "/platform/v1/scheduling/bookings/cancel"
SERVICES_PATH = "/platform/v1/services"
AVAILABILITY_PATH = "/platform/v1/staff/availability"
APPOINTMENTS_PATH = "/platform/v1/scheduling/appointments"
CLIENTS_PATH = "/platform/v1/clients"
FORMS_PATH = "/platform/v1/forms"
#: The vendor's own tests used this one; tried when the seed page's path is not found.
FORMS_FALLBACK_PATH = "/platform/v1/scheduling/scheduling_forms/get_form"

OFFLINE = "Frontdesk cannot reach the booking service. Please check the internet connection."
DROPPED = ("The connection to the booking service was lost before it answered. "
           "Please try again.")
NOT_SENT = ("Frontdesk could not send the request (the staff token or the API address may "
            "contain characters that cannot be sent).")
AMBIGUOUS = ("The booking was sent, but its answer was lost and Frontdesk could not check "
             "whether it was made. Look at the calendar before booking again.")
CANCELLED_STATES = frozenset({"cancelled", "canceled", "cancelled_by_client",
                              "cancelled_by_staff", "deleted"})

M = TypeVar("M", bound=BaseModel)
#: Query parameters; a list value repeats the key (``staff_ids_array[]=a&staff_ids_array[]=b``).
Params = Mapping[str, str | int | list[str]]
_JSON_HEADERS = {"Content-Type": "application/json"}


class BookingClient:
    """One business's booking API, for one staff token. Thread-safe like ``httpx.Client``."""

    def __init__(self, base_url: str, token: str, timeouts: Timeouts | None = None,
                 max_tries: int = MAX_TRIES, *, sleep: Sleep = time.sleep) -> None:
        self._base_url = checked_base_url(base_url)
        self._timeouts = timeouts or Timeouts()
        self._max_tries = max(1, max_tries)
        self._sleep = sleep
        # verify stays at httpx's default (on); redirects are not followed, so an https
        # address can never be bounced to plain http with the token attached.
        self._http = httpx.Client(
            timeout=self._timeouts.to_httpx(),
            follow_redirects=False,
            headers={"Accept": "application/json", "User-Agent": USER_AGENT},
        )
        self.set_token(token)

    # ------------------------------------------------------------------ housekeeping

    @property
    def base_url(self) -> str:
        return self._base_url

    def set_token(self, token: str) -> None:
        """Use ``token`` from now on (after a re-sign-in)."""
        token = token.strip()
        if not token or not token.isascii() or not token.isprintable() or " " in token:
            raise AuthError("The staff token is empty or contains characters that cannot be "
                            "sent. Please paste it again.", status=None)
        self._http.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> BookingClient:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:  # never the token
        return f"BookingClient({self._base_url!r})"

    # ------------------------------------------------------------------ reads

    def get_business(self, business_id: str, *, cancel: CancelCheck | None = None) -> Business:
        data = self._get(f"/platform/v1/businesses/{path_segment(business_id)}", None,
                         what="that business", cancel=cancel)
        return _model(Business, _item(data, "business"))

    def list_services(self, business_id: str, *,
                      cancel: CancelCheck | None = None) -> list[Service]:
        """Every service of the business, walking all pages (100 a page)."""
        services: list[Service] = []
        seen: set[str] = set()
        page = 1
        for _ in range(MAX_PAGES):
            data = self._get(SERVICES_PATH, {"business_id": business_id, "page": page,
                                             "per_page": MAX_PER_PAGE},
                             what="the services", cancel=cancel)
            batch = _models(Service, data, "services")
            fresh = [service for service in batch if service.id not in seen]
            seen.update(service.id for service in fresh)
            services.extend(fresh)
            following = _next_page(data, page, len(batch), MAX_PER_PAGE)
            if following is None or not fresh:
                break
            page = following
        return services

    def list_staff(self, business_id: str, status: str | None = "active", *,
                   cancel: CancelCheck | None = None) -> list[Staff]:
        params = {"status": status} if status else None
        data = self._get(f"/platform/v1/businesses/{path_segment(business_id)}/staffs", params,
                         what="the staff list", cancel=cancel)
        return _models(Staff, data, "staff" if "staff" in data else "staffs")

    def get_availability(self, *, business_id: str, service_id: str, start_date: date,
                         end_date: date, time_zone: str, staff_ids: list[str] | None = None,
                         kind: Literal["appointment", "event"] = "appointment",
                         cancel: CancelCheck | None = None) -> dict[date, list[Slot]]:
        """Open slots per day, in ``time_zone``."""
        params: dict[str, str | int | list[str]] = {
            "business_id": business_id, "service_id": service_id,
            "start_date": start_date.isoformat(), "end_date": end_date.isoformat(),
            "time_zone": time_zone, "type": kind,
        }
        if staff_ids:
            params["staff_ids_array[]"] = list(staff_ids)
        data = self._get(AVAILABILITY_PATH, params, what="open times", cancel=cancel)
        days = data.get("availabilities")
        if days is None:
            return {}
        if not isinstance(days, dict):
            raise ServerError(UNREADABLE)
        result: dict[date, list[Slot]] = {}
        for key, slots in days.items():
            try:
                day = date.fromisoformat(key[:10])
            except ValueError:
                raise ServerError(UNREADABLE) from None
            result[day] = _model_list(Slot, slots)
        return result

    def get_event_instance(self, event_instance_id: str, *,
                           cancel: CancelCheck | None = None) -> EventInstance:
        data = self._get(f"/platform/v1/scheduling/event_instance/"
                         f"{path_segment(event_instance_id)}", None,
                         what="that event", cancel=cancel)
        return _model(EventInstance, _item(data, "event_instance"))

    def list_appointments(self, business_id: str, client_id: str | None = None,
                          state: str | None = None, page: int = 1,
                          per_page: int = MAX_PER_PAGE, *,
                          cancel: CancelCheck | None = None) -> AppointmentsPage:
        params: dict[str, str | int] = {"business_id": business_id, "page": max(1, page),
                                        "per_page": _page_size(per_page)}
        if client_id is not None:
            params["client_id"] = client_id
        if state is not None:
            params["state"] = state
        data = self._get(APPOINTMENTS_PATH, params, what="the appointments", cancel=cancel)
        return _model(AppointmentsPage, _nulls_as_empty(data, "appointments"))

    def search_clients(self, business_id: str, term: str, search_by: str | None = None,
                       page: int = 1, per_page: int = DEFAULT_PER_PAGE, *,
                       cancel: CancelCheck | None = None) -> ClientsPage:
        """Clients matching ``term``; ``search_by`` narrows it to email, phone or uid."""
        params: dict[str, str | int] = {"business_id": business_id, "search_term": term,
                                        "page": max(1, page), "per_page": _page_size(per_page)}
        if search_by is not None:
            params["search_by"] = search_by
        data = self._get(CLIENTS_PATH, params, what="the clients", cancel=cancel)
        return _model(ClientsPage, _nulls_as_empty(data, "clients"))

    def get_scheduling_form(self, business_id: str, service_id: str, *,
                            cancel: CancelCheck | None = None) -> SchedulingForm:
        """The scheduling form definition of a service (seed path first, vendor path second)."""
        try:
            data = self._get(FORMS_PATH, {"business_id": business_id, "form_type": "scheduling",
                                          "service_uid": service_id},
                             what="the booking form of that service", cancel=cancel)
        except NotFoundError as first:
            try:
                data = self._get(FORMS_FALLBACK_PATH,
                                 {"business_id": business_id, "service_uid": service_id},
                                 what="the booking form of that service", cancel=cancel)
            except NotFoundError:
                raise first from None
        form = data.get("form")
        return _model(SchedulingForm, form if isinstance(form, dict) else data)

    # ------------------------------------------------------------------ writes

    def create_booking(self, request: BookingRequest, idempotency_key: str | None = None, *,
                       cancel: CancelCheck | None = None) -> Booking:
        """Book, exactly once.

        Re-sent only when nothing can have been committed (refused connection, 429) or when a
        look-up after a lost answer found no booking. A taken slot is final.
        """
        content = _encode(request.to_json())
        headers = {**_JSON_HEADERS, "Idempotency-Key": idempotency_key or str(uuid.uuid4())}
        maybe_sent = False  # an earlier attempt may have reached the server
        tries = 0
        while True:
            _check(cancel)
            tries += 1
            failure: ApiError
            try:
                response = self._send("POST", BOOKINGS_PATH, content=content, headers=headers)
            except httpx.HTTPError as exc:
                failure, before_sending, _ = _transport_failure(exc, self._timeouts)
                if before_sending:
                    if tries >= self._max_tries or not isinstance(failure, OfflineError):
                        raise failure from None
                    self._backoff(tries, CONNECT_BACKOFF_BASE, cancel)
                    continue
            else:
                if response.is_success:
                    try:
                        return _booking(envelope_data(response.content, response.status_code))
                    except ServerError as unreadable:
                        # A 2xx we cannot read (a broken proxy, a cut answer) may or may not
                        # have booked: treated below like a lost answer.
                        failure = unreadable
                    except ApiError as refused:  # a 2xx envelope that says Error
                        failure = refused
                else:
                    failure = error_from_response(response.status_code, response.content,
                                                  response.headers, what="that booking")
                if isinstance(failure, RateLimitedError):  # nothing was committed
                    if tries >= self._max_tries:
                        raise failure
                    self._rate_limit_wait(failure, tries, cancel)
                    continue
                if not isinstance(failure, ServerError):
                    if maybe_sent and isinstance(failure, SlotTakenError | AlreadyRegisteredError):
                        # Possibly taken by our own earlier attempt, committed after all.
                        found = self._look_up_after_loss(request, cancel)
                        if found is not None:
                            return found
                    raise failure
            # The request went out and its outcome is unknown (lost answer or 5xx).
            maybe_sent = True
            found = self._look_up_after_loss(request, cancel)
            if found is not None:
                return found
            if tries >= self._max_tries:
                raise failure
            self._backoff(tries, BACKOFF_BASE, cancel)

    def find_booking(self, request: BookingRequest, *,
                     cancel: CancelCheck | None = None) -> Booking | None:
        """The live booking that ``request`` would have made, if it exists.

        Raises AmbiguousResultError when the client cannot be identified (form data without
        an e-mail address); other ApiErrors when the look-up itself fails.
        """
        for client_id in self._client_ids_of(request, cancel):
            page = 1
            for _ in range(MAX_PAGES):
                result = self.list_appointments(request.business_id, client_id=client_id,
                                                page=page, cancel=cancel)
                for booking in result.appointments:
                    if _same_booking(booking, request):
                        return booking
                following = result.next_page
                if not following or following <= page or not result.appointments:
                    break
                page = following
        return None

    def cancel_booking(self, business_id: str, booking_id: str, *,
                       cancel: CancelCheck | None = None) -> None:
        """Cancel a booking. Re-sent only when nothing can have been committed."""
        content = _encode(CancelRequest(business_id=business_id, booking_id=booking_id)
                          .to_json())
        tries = 0
        while True:
            _check(cancel)
            tries += 1
            try:
                response = self._send("POST", CANCEL_PATH, content=content,
                                      headers=_JSON_HEADERS)
            except httpx.HTTPError as exc:
                failure, before_sending, _ = _transport_failure(exc, self._timeouts)
                if not before_sending or not isinstance(failure, OfflineError) \
                        or tries >= self._max_tries:
                    raise failure from None
                self._backoff(tries, CONNECT_BACKOFF_BASE, cancel)
                continue
            if response.is_success:
                # Success is the status; a body is read only to catch an "Error" envelope.
                with contextlib.suppress(ServerError):
                    envelope_data(response.content, response.status_code)
                return
            failure = error_from_response(response.status_code, response.content,
                                          response.headers, what="that booking")
            if not isinstance(failure, RateLimitedError) or tries >= self._max_tries:
                raise failure
            self._rate_limit_wait(failure, tries, cancel)

    # ------------------------------------------------------------------ internals

    def _send(self, method: str, path: str, *,
              params: Params | None = None,
              content: bytes | None = None,
              headers: dict[str, str] | None = None) -> httpx.Response:
        """One HTTP exchange, logged as one line without query string or headers."""
        started = time.perf_counter()
        try:
            response = self._http.request(method, self._base_url + path, params=params,
                                          content=content, headers=headers)
        except httpx.HTTPError as exc:
            log.info("%s %s failed (%s) %.1f ms", method, path, type(exc).__name__,
                     (time.perf_counter() - started) * 1000)
            raise
        log.info("%s %s %d %.1f ms", method, path, response.status_code,
                 (time.perf_counter() - started) * 1000)
        return response

    def _get(self, path: str, params: Params | None,
             *, what: str, cancel: CancelCheck | None) -> dict[str, Any]:
        """``data`` of a GET, retried on connect errors, dropped connections, 429 and 5xx."""
        tries = 0
        while True:
            _check(cancel)
            tries += 1
            delay: float | None
            try:
                response = self._send("GET", path, params=params)
            except httpx.HTTPError as exc:
                failure, _, backoff_base = _transport_failure(exc, self._timeouts)
                delay = None if backoff_base is None else backoff_delay(tries, base=backoff_base)
            else:
                if response.is_success:
                    return envelope_data(response.content, response.status_code)
                failure = error_from_response(response.status_code, response.content,
                                              response.headers, what=what)
                delay = None
                if isinstance(failure, RateLimitedError):
                    delay = failure.retry_after
                    if delay is None:
                        delay = backoff_delay(tries, base=BACKOFF_BASE)
                elif isinstance(failure, ServerError) and (failure.status or 0) >= 500:
                    delay = backoff_delay(tries, base=BACKOFF_BASE)
            if delay is None or tries >= self._max_tries:
                raise failure
            wait(delay, sleep=self._sleep, cancel=cancel)

    def _backoff(self, tries: int, base: float, cancel: CancelCheck | None) -> None:
        wait(backoff_delay(tries, base=base), sleep=self._sleep, cancel=cancel)

    def _rate_limit_wait(self, failure: RateLimitedError, tries: int,
                         cancel: CancelCheck | None) -> None:
        delay = failure.retry_after
        if delay is None:
            delay = backoff_delay(tries, base=BACKOFF_BASE)
        wait(delay, sleep=self._sleep, cancel=cancel)

    def _look_up_after_loss(self, request: BookingRequest,
                            cancel: CancelCheck | None) -> Booking | None:
        """find_booking, with any failure of the look-up itself made an AmbiguousResultError."""
        try:
            return self.find_booking(request, cancel=cancel)
        except AmbiguousResultError:
            raise
        except ApiError:
            log.info("booking look-up after a lost answer failed")
            raise AmbiguousResultError(AMBIGUOUS) from None

    def _client_ids_of(self, request: BookingRequest,
                       cancel: CancelCheck | None) -> list[str]:
        if request.client_id:
            return [request.client_id]
        email = _email_of(request)
        if email is None:
            raise AmbiguousResultError(
                "The booking's answer was lost and the new client has no e-mail address to "
                "look it up by. Look at the calendar before booking again.")
        page = self.search_clients(request.business_id, email, search_by="email",
                                   per_page=MAX_PER_PAGE, cancel=cancel)
        return [client.id for client in page.clients if _email_matches(client, email)]


# ---------------------------------------------------------------------- helpers


def _check(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise RequestCancelledError()


def _encode(body: dict[str, Any]) -> bytes:
    # The same compact form httpx uses for ``json=``.
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _transport_failure(exc: httpx.HTTPError,
                       timeouts: Timeouts) -> tuple[ApiError, bool, float | None]:
    """For a failed exchange: the typed error, whether it failed before anything was sent, and
    the backoff base if a read may be tried again (None: do not repeat).

    Built from our own sentences only: httpx's texts and request objects never reach a message.
    """
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout) and _caused_by_tls(exc):
        return TlsError("The booking service's security certificate could not be verified, so "
                        "Frontdesk did not connect. Check the API address and the computer's "
                        "date and time."), True, None
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return OfflineError(OFFLINE), True, CONNECT_BACKOFF_BASE
    if isinstance(exc, httpx.LocalProtocolError | httpx.UnsupportedProtocol):
        return ApiError(NOT_SENT), True, None
    if isinstance(exc, httpx.ReadTimeout):  # not repeated: another 20 s wait helps nobody
        return ServerError(f"The booking service did not answer within {timeouts.read:g} "
                           "seconds. Please try again."), False, None
    if isinstance(exc, httpx.TransportError):  # dropped connection, write error, proxy trouble
        return ServerError(DROPPED), False, BACKOFF_BASE
    return ServerError(UNREADABLE), False, None  # e.g. a body that cannot be decoded


def _caused_by_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError | ssl.CertificateError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _model(cls: type[M], value: Any) -> M:
    try:
        return cls.model_validate(value)
    except (ModelError, ValueError, TypeError):
        log.info("answer did not fit %s", cls.__name__)
        raise ServerError(UNREADABLE) from None


def _model_list(cls: type[M], value: Any) -> list[M]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ServerError(UNREADABLE)
    return [_model(cls, item) for item in value]


def _models(cls: type[M], data: dict[str, Any], key: str) -> list[M]:
    if key not in data:
        raise ServerError(UNREADABLE)
    return _model_list(cls, data[key])


def _item(data: dict[str, Any], key: str) -> Any:
    """``data[key]``, or ``data`` itself when the object came unwrapped."""
    value = data.get(key)
    return value if isinstance(value, dict) or key in data else data


def _nulls_as_empty(data: dict[str, Any], key: str) -> dict[str, Any]:
    if key in data and data[key] is None:
        return {**data, key: []}
    if key not in data:
        raise ServerError(UNREADABLE)
    return data


def _booking(data: dict[str, Any]) -> Booking:
    return _model(Booking, _item(data, "booking"))


def _next_page(data: dict[str, Any], page: int, count: int, per_page: int) -> int | None:
    """The page to fetch after ``page``: ``next_page`` if given, else guessed from a full page."""
    if "next_page" not in data:
        return page + 1 if count >= per_page else None
    value = data["next_page"]
    if isinstance(value, bool) or value is None:
        return None
    try:
        following = int(value)
    except (TypeError, ValueError):
        return None
    return following if following > page else None


def _page_size(per_page: int) -> int:
    return min(max(1, per_page), MAX_PER_PAGE)


def _email_of(request: BookingRequest) -> str | None:
    if request.form_data is None:
        return None
    for field in request.form_data.fields:
        if field.type.lower() == "email" and isinstance(field.new_data, str) \
                and "@" in field.new_data:
            return field.new_data.strip()
    return None


def _email_matches(client: Client, email: str) -> bool:
    return client.email is None or client.email.strip().lower() == email.lower()


def _same_booking(booking: Booking, request: BookingRequest) -> bool:
    if (booking.status or "").lower() in CANCELLED_STATES:
        return False
    if request.event_instance_id:
        return booking.event_instance_id == request.event_instance_id
    if booking.start_time is None or request.start_time is None:
        return False
    if not _same_instant(booking.start_time, request.start_time):
        return False
    if request.staff_id and booking.staff_id and booking.staff_id != request.staff_id:
        return False
    return not (request.service_id and booking.service_id
                and booking.service_id != request.service_id)


def _same_instant(a: datetime, b: datetime) -> bool:
    if a.tzinfo is None:  # a naive answer is taken to be UTC, as the API's default zone
        a = a.replace(tzinfo=b.tzinfo)
    return a == b
