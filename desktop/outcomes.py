"""What to do after a failed call to the platform, and what to tell the receptionist.

One decision, one place: the outbox, the booking page and the day view all ask
:func:`outcome_of` instead of each deciding for itself after a call.

    outcome = outcome_of(error, OperationKind.CANCEL)
    outcome.action        # Action.RETRY_LATER, LOOK_UP_FIRST, SIGN_IN_AGAIN, NOT_ALLOWED,
                          # FIX_FIELDS, PICK_ANOTHER_TIME or SET_ASIDE
    outcome.sentence      # for the receptionist, in the desk's language
    outcome.field_errors  # field id -> the server's message (FIX_FIELDS)
    outcome.retry_after   # seconds the server asked for (429), else None

``kind`` is the write that failed; ``None`` for a read (loading times, searching clients),
where a server error is simply "try again later" rather than "it may have happened".
Messages written by the API itself are quoted as the server wrote them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.api.errors import (
    AlreadyRegisteredError,
    ApiError,
    AuthError,
    EventFullError,
    InDoubtError,
    InsecureUrlError,
    NotFoundError,
    OfflineError,
    PermissionDeniedError,
    RateLimitedError,
    RequestCancelledError,
    ServerError,
    SlotTakenError,
    TlsError,
    ValidationError,
)
from desktop.i18n import translate
from desktop.outbox.model import OperationKind

K = OperationKind


class Action(StrEnum):
    #: Nothing reached the server (offline, refused, 429): send again later, no look-up.
    RETRY_LATER = "retry_later"
    #: It may have reached the server: look the result up (after the grace) before any resend.
    LOOK_UP_FIRST = "look_up_first"
    #: 401: the sign-in expired. Pause sending until someone signs in again.
    SIGN_IN_AGAIN = "sign_in_again"
    #: 403: this account may not do this. Say which action; never pause, never ask to sign in.
    NOT_ALLOWED = "not_allowed"
    #: The server named fields to fix (``field_errors``).
    FIX_FIELDS = "fix_fields"
    #: The time is taken: pick another (the rest is kept).
    PICK_ANOTHER_TIME = "pick_another_time"
    #: Refused for good (not found, already registered, full, other refusals): a person decides.
    SET_ASIDE = "set_aside"


@dataclass(frozen=True)
class Outcome:
    action: Action
    sentence: str
    field_errors: Mapping[str, str] = field(default_factory=dict)
    retry_after: float | None = None
    #: The server could not be reached at all (the status bar says "Offline").
    offline: bool = False


def _what(kind: OperationKind | None) -> str:
    """The thing that failed, as a noun phrase for sentences."""
    names = {
        K.CREATE_BOOKING: translate("Outcome", "The booking"),
        K.CANCEL: translate("Outcome", "The cancellation"),
        K.COMPLETE: translate("Outcome", "Marking the visit"),
        K.RESCHEDULE: translate("Outcome", "The new time"),
        K.MOVE: translate("Outcome", "The move to another staff member"),
        K.JOIN_WAITLIST: translate("Outcome", "Joining the waitlist"),
        K.ACCEPT: translate("Outcome", "Accepting the request"),
    }
    return names[kind] if kind is not None else translate("Outcome", "That")


def _action_words(kind: OperationKind | None) -> str:
    words = {
        K.CREATE_BOOKING: translate("Outcome", "make bookings"),
        K.CANCEL: translate("Outcome", "cancel bookings"),
        K.COMPLETE: translate("Outcome", "mark visits completed or no-show"),
        K.RESCHEDULE: translate("Outcome", "reschedule bookings"),
        K.MOVE: translate("Outcome", "move bookings"),
        K.JOIN_WAITLIST: translate("Outcome", "put clients on a waitlist"),
        K.ACCEPT: translate("Outcome", "accept booking requests"),
    }
    return words[kind] if kind is not None else translate("Outcome", "do this")


def _field_errors(error: ValidationError) -> dict[str, str]:
    given = getattr(error, "field_errors", None)  # added by the API layer where it has them
    if isinstance(given, Mapping) and given:
        return {str(k): str(v) for k, v in given.items()}
    return {error.field: error.message} if error.field else {}


def outcome_of(error: BaseException, kind: OperationKind | None = None) -> Outcome:
    """The action and sentence for ``error`` met while doing ``kind`` (None: a read)."""
    what = _what(kind)
    if isinstance(error, InDoubtError) or (
            kind is not None and isinstance(error, ServerError | RequestCancelledError)):
        return Outcome(Action.LOOK_UP_FIRST, translate(
            "Outcome",
            "{what} may or may not have reached the booking service. Frontdesk will check "
               "before it ever sends it again.").format(what=what))
    if isinstance(error, OfflineError | TlsError | InsecureUrlError):
        return Outcome(Action.RETRY_LATER, translate(
            "Outcome",
            "The booking service cannot be reached right now. {what} waits in the outbox "
               "and is sent as soon as it answers.").format(what=what),
            offline=isinstance(error, OfflineError))
    if isinstance(error, RateLimitedError):
        return Outcome(Action.RETRY_LATER, translate(
            "Outcome",
            "The booking service asked Frontdesk to slow down. {what} waits in the outbox "
               "and is sent in a moment.").format(what=what), retry_after=error.retry_after)
    if isinstance(error, ServerError | RequestCancelledError):  # a read: nothing changed
        return Outcome(Action.RETRY_LATER, translate(
            "Outcome", "The booking service had a problem. Please try again in a moment."))
    if isinstance(error, AuthError):
        return Outcome(Action.SIGN_IN_AGAIN, translate(
            "Outcome", "The sign-in has expired. Sign in again; nothing waiting is lost."))
    if isinstance(error, PermissionDeniedError):
        return Outcome(Action.NOT_ALLOWED, translate(
            "Outcome", "This account is not allowed to {action}. Ask whoever manages the clinic's "
               "account for that right; everything else keeps working.").format(
            action=error.action or _action_words(kind)))
    if isinstance(error, SlotTakenError):
        return Outcome(Action.PICK_ANOTHER_TIME, translate(
            "Outcome", "That time was taken by someone else. Pick another time, or drop this.")
            if kind is not None else translate(
            "Outcome", "That time was just taken by someone else. Please pick another; everything "
               "else is kept."))
    if isinstance(error, AlreadyRegisteredError | EventFullError):
        return Outcome(Action.SET_ASIDE, _refused(what, error))
    if isinstance(error, ValidationError):
        errors = _field_errors(error)
        if errors:
            return Outcome(Action.FIX_FIELDS, translate(
                "Outcome",
                "{what} was refused; fix what is marked and try again: {message}").format(
                what=what, message=_quoted(error)), field_errors=errors)
        return Outcome(Action.SET_ASIDE, _refused(what, error))
    if isinstance(error, NotFoundError):
        return Outcome(Action.SET_ASIDE, translate(
            "Outcome", "{what} could not be done: the booking service no longer knows that booking "
               "(it may have been deleted elsewhere).").format(what=what))
    if isinstance(error, ApiError):
        return Outcome(Action.SET_ASIDE, _refused(what, error))
    return Outcome(Action.SET_ASIDE, translate(
        "Outcome", "Frontdesk hit an unexpected problem ({error}). {what} may or may not have "
           "happened: Frontdesk checks first before sending it again.").format(
        error=type(error).__name__, what=what))


def _quoted(error: ApiError) -> str:
    text = error.message.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _refused(what: str, error: ApiError) -> str:
    return translate("Outcome", "{what} was refused by the booking service: {message}").format(
        what=what, message=_quoted(error))
