"""One exception tree for everything the platform API can answer.

Every message is a sentence a receptionist can read. None ever contains the token: the client
builds these from status codes and the API's own error text, never from request headers.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.i18n import translate


class ApiError(Exception):
    """Base of every error the booking client raises."""

    #: Safe to send the same request again later (network trouble, server trouble).
    retryable: bool = False

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        error_code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.error_code = error_code

    def __str__(self) -> str:
        return self.message


class AuthError(ApiError):
    """401: the staff token is wrong, expired or revoked."""

    def __init__(self, message: str = "", *, status: int | None = 401,
                 error_code: str | None = None) -> None:
        super().__init__(
            message or translate("BookingClient", "The staff token was not accepted. It may "
                                                  "have expired: sign in again."),
            status=status,
            error_code=error_code,
        )


class PermissionDeniedError(ApiError):
    """403: the token is genuine but this account may not do this (another business, a
    missing right such as searching clients). Never an expired sign-in: the rest of the
    window keeps working and nothing waits for a new sign-in.

    ``action`` names what was refused, in the receptionist's words ("search clients").
    """

    def __init__(self, message: str, *, action: str | None = None, status: int | None = 403,
                 error_code: str | None = None) -> None:
        super().__init__(message, status=status, error_code=error_code)
        self.action = action


class ValidationError(ApiError):
    """400/422: the API refused the request's content.

    ``field_errors`` maps each form field id (or parameter) the API blamed to its message, in
    the API's order; ``field`` is the first of them (or the one field named), if any.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = 422,
        error_code: str | None = None,
        field: str | None = None,
        field_errors: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message, status=status, error_code=error_code)
        self.field_errors: dict[str, str] = dict(field_errors or {})
        self.field = field if field is not None else next(iter(self.field_errors), None)


class SlotTakenError(ValidationError):
    """422 TIMESLOT_UNAVAILABLE: someone else took the slot. Final; never retried."""


class AlreadyRegisteredError(ValidationError):
    """422 ALREADY_REGISTERED: the client is already registered for that event instance."""


class EventFullError(ValidationError):
    """422: the event instance has no spots left."""


class NotFoundError(ApiError):
    """404: the business, service, booking or event does not exist (or is not visible)."""


class RateLimitedError(ApiError):
    """429: too many requests; ``retry_after`` seconds is the server's hint, if it gave one."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None,
                 status: int | None = 429, error_code: str | None = None) -> None:
        super().__init__(message, status=status, error_code=error_code)
        self.retry_after = retry_after


class ServerError(ApiError):
    """5xx, or an answer that is not the API's JSON: trouble on the server's side."""

    retryable = True


class OfflineError(ApiError):
    """The request never reached the server: no network, DNS failure, refused, connect timeout."""

    retryable = True


class InDoubtError(ApiError):
    """A write that may have reached the server got no readable answer (the connection was
    accepted, then dropped; the answer timed out; a 5xx or a broken 2xx). It may or may not
    have been carried out: it is never re-sent before a look-up says it was not."""

    retryable = True


class AmbiguousResultError(InDoubtError):
    """A booking request was sent but its answer was lost, and the look-up could not tell
    whether the booking exists. A person must check before it is sent again."""


class InsecureUrlError(ApiError):
    """The API URL is plain http to a host that is not this machine."""


class RequestCancelledError(ApiError):
    """The person pressed Cancel while the client was waiting to try again."""

    def __init__(self, message: str = "", *, status: int | None = None,
                 error_code: str | None = None) -> None:
        super().__init__(message or translate("BookingClient", "The request was cancelled."),
                         status=status,
                         error_code=error_code)


class TlsError(ApiError):
    """The server's certificate could not be verified (never bypassed)."""
