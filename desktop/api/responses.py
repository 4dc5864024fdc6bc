"""Turning the API's answers into data or into one of the typed errors.

Nothing here trusts the body: it may be garbage, truncated, of the wrong shape or hostile.
Text taken from a body is scrubbed, shortened and made into a sentence before a person sees it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from desktop.api.actions import Action, action_words, not_allowed
from desktop.api.errors import (
    AlreadyRegisteredError,
    ApiError,
    AuthError,
    EventFullError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    SlotTakenError,
    ValidationError,
)
from desktop.api.redaction import redact
from desktop.api.retry import parse_retry_after
from desktop.i18n import QT_TRANSLATE_NOOP, translate

#: Shown as ``translate("BookingClient", UNREADABLE)``.
UNREADABLE = QT_TRANSLATE_NOOP("BookingClient",
                               "The booking service sent an answer Frontdesk could not read. "
                               "Please try again in a few minutes.")

_MISSING_PARAMETER = re.compile(
    r"(?i)parameter\s+['\"]?([A-Za-z0-9_.\[\]-]+)['\"]?\s+is\s+missing")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_MAX_TEXT = 300
#: Field errors kept from one answer (a hostile one may name thousands).
_MAX_FIELD_ERRORS = 50
#: Keys of an ``error`` object that describe one error, as opposed to field ids.
_DETAIL_KEYS = frozenset({"message", "error", "code", "error_code", "field", "field_id",
                          "param", "status"})

#: Codes that say the start is not free. Only TIMESLOT_UNAVAILABLE is documented; the other
#: spellings are read the same way in case another revision of the API uses them.
TAKEN_CODES = frozenset({"TIMESLOT_UNAVAILABLE", "TIME_SLOT_UNAVAILABLE", "SLOT_UNAVAILABLE",
                         "SLOT_NOT_AVAILABLE", "TIMESLOT_NOT_AVAILABLE", "STAFF_UNAVAILABLE",
                         "STAFF_NOT_AVAILABLE", "DOUBLE_BOOKING"})
#: A refusal without one of those codes whose text says the time is not free ("The requested
#: time slot is not available", "Staff is not available at this time"): a start on a
#: 10-minute grid where the service does not fit is refused with words like these.
_TAKEN_TEXT = re.compile(
    r"(?i)\b(time ?slot|slot|time|staff|start)\b.{0,60}\b(not available|unavailable|taken|"
    r"already booked|no longer available|overlaps?)\b")
#: Codes whose text is about form fields or parameters, never about the time.
_FIELD_CODES = frozenset({"FORM_VALIDATION_ERROR", "PARAMETER_MISSING"})

#: What a call's 404 can name (its ``what=``): marked here for lupdate, translated when shown.
NOT_FOUND_THINGS = (
    QT_TRANSLATE_NOOP("BookingClient", "what was asked for"),
    QT_TRANSLATE_NOOP("BookingClient", "that business"),
    QT_TRANSLATE_NOOP("BookingClient", "the services"),
    QT_TRANSLATE_NOOP("BookingClient", "the staff list"),
    QT_TRANSLATE_NOOP("BookingClient", "open times"),
    QT_TRANSLATE_NOOP("BookingClient", "that event"),
    QT_TRANSLATE_NOOP("BookingClient", "the appointments"),
    QT_TRANSLATE_NOOP("BookingClient", "that appointment"),
    QT_TRANSLATE_NOOP("BookingClient", "the clients"),
    QT_TRANSLATE_NOOP("BookingClient", "the booking form of that service"),
    QT_TRANSLATE_NOOP("BookingClient", "that booking"),
)

_CODE_CLASSES: dict[str, type[ValidationError]] = {
    **{code: SlotTakenError for code in TAKEN_CODES},
    "ALREADY_REGISTERED": AlreadyRegisteredError,
    "EVENT_FULL": EventFullError,
}
_TAKEN = QT_TRANSLATE_NOOP("BookingClient",
                           "That time was just taken by someone else. Please pick another time.")
_CODE_MESSAGES = {
    **{code: _TAKEN for code in TAKEN_CODES},
    "ALREADY_REGISTERED": QT_TRANSLATE_NOOP("BookingClient",
                                            "This client is already registered for that event."),
    "EVENT_FULL": QT_TRANSLATE_NOOP("BookingClient",
                                    "That event has no places left. Please pick another session."),
}


def decode_json(content: bytes) -> Any:
    """The JSON value of a body, or ServerError for anything that is not JSON."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError, MemoryError):  # bad JSON or UTF-8, absurd nesting
        raise ServerError(translate("BookingClient", UNREADABLE)) from None


def envelope_data(content: bytes, status: int, *, action: Action | None = None,
                  data_required: bool = True) -> dict[str, Any]:
    """``data`` of a success envelope ``{"status": "OK", "data": {...}}``.

    A 2xx whose envelope says Error is mapped like an error answer; anything else that is not
    an envelope with a ``data`` object is a ServerError. With ``data_required=False`` (writes
    whose answer carries nothing needed) an empty body, or an OK envelope whose ``data`` is
    not an object, gives ``{}``.
    """
    if not data_required and not content.strip():
        return {}
    body = decode_json(content)
    if not isinstance(body, dict):
        raise ServerError(translate("BookingClient", UNREADABLE))
    state = body.get("status")
    if (isinstance(state, str) and state.lower() in {"error", "failure"}) \
            or body.get("success") is False:
        raise error_from_body(422 if status < 300 else status, body, {}, action=action)
    data = body.get("data")
    if isinstance(data, dict):
        return data
    ok = (isinstance(state, str) and state.lower() == "ok") or body.get("success") is True
    if not data_required and ok:
        return {}
    raise ServerError(translate("BookingClient", UNREADABLE))


def error_from_response(status: int, content: bytes, headers: Mapping[str, str],
                        *, what: str | None = None,
                        action: Action | None = None) -> ApiError:
    """The typed error for a non-2xx answer; the body is read if it can be and ignored if not.

    ``action`` is what the call asked to do: a 403 names it.
    """
    try:
        body: Any = json.loads(content) if content else None
    except (ValueError, RecursionError, MemoryError):
        body = None
    return error_from_body(status, body, headers, what=what, action=action)


def error_from_body(status: int, body: Any, headers: Mapping[str, str],
                    *, what: str | None = None,
                    action: Action | None = None) -> ApiError:
    """``what``: the thing asked for, as a 404 names it (one of :data:`NOT_FOUND_THINGS`)."""
    text, code, field, field_errors = _details(body)
    if status == 401:
        return AuthError(error_code=code)
    if code in _CODE_CLASSES and 400 <= status < 500:
        return _CODE_CLASSES[code](translate("BookingClient", _CODE_MESSAGES[code]),
                                   status=status, error_code=code,
                                   field=field, field_errors=field_errors)
    if status == 403:
        return PermissionDeniedError(not_allowed(action), status=403, error_code=code,
                                     action=action_words(action) if action else None)
    if status == 404:
        return NotFoundError(translate(
            "BookingClient", "The booking service could not find {what}. It may have been "
                             "removed; please refresh.").format(
            what=translate("BookingClient", what or NOT_FOUND_THINGS[0])),
            status=404, error_code=code)
    if status == 429:
        return RateLimitedError(
            translate("BookingClient",
                      "The booking service is busy right now. Please try again in a moment."),
            retry_after=parse_retry_after(headers.get("retry-after")), error_code=code)
    if status in (400, 422) or (400 <= status < 500 and status != 408):
        if status == 422 and code not in _FIELD_CODES and not field_errors and text \
                and _TAKEN_TEXT.search(text):
            return SlotTakenError(translate("BookingClient", _TAKEN), status=status,
                                  error_code=code)
        if field is None and not field_errors and text:
            match = _MISSING_PARAMETER.search(text)
            field = match.group(1) if match else None
        message = _sentence(text) if text else translate(
            "BookingClient", "The booking service refused the request because some details "
                             "are missing or wrong.")
        if field is not None and field not in field_errors:
            field_errors = {field: message, **field_errors}
        return ValidationError(message, status=status, error_code=code, field=field,
                               field_errors=field_errors)
    if status >= 500 or status == 408:
        return ServerError(translate(
            "BookingClient", "The booking service is having trouble right now (error "
                             "{status}). Please try again in a few minutes.").format(
            status=status), status=status, error_code=code)
    return ServerError(translate(
        "BookingClient", "The booking service gave an unexpected answer (HTTP {status}). Check "
                         "the API address in the settings.").format(status=status),
        status=status, error_code=code)


def _details(body: Any) -> tuple[str | None, str | None, str | None, dict[str, str]]:
    """(message, error_code, field, field errors) from any error body shape the API uses:
    ``error`` as a string, ``error`` as one error object, ``error`` as an object keyed by
    field id (another published revision), or an ``errors`` list."""
    if not isinstance(body, dict):
        return None, None, None, {}
    error = body.get("error")
    text = _text(error) or _text(body.get("message"))
    code = _text(body.get("error_code")) or _text(body.get("code"))
    field = _text(body.get("field")) or _text(body.get("field_id")) or _text(body.get("param"))
    field_errors: dict[str, str] = {}
    details: list[dict[str, Any]] = []
    if isinstance(error, dict):
        if _DETAIL_KEYS.intersection(error):
            details.append(error)
        else:
            field_errors = _keyed_errors(error)
    errors = body.get("errors")
    if isinstance(errors, list):
        details += [item for item in errors[:_MAX_FIELD_ERRORS] if isinstance(item, dict)]
    elif isinstance(errors, dict) and not field_errors:
        field_errors = _keyed_errors(errors)
    for detail in details:
        message = _text(detail.get("message")) or _text(detail.get("error"))
        named = _text(detail.get("field")) or _text(detail.get("field_id")) \
            or _text(detail.get("param"))
        text = text or message
        code = code or _text(detail.get("error_code")) or _text(detail.get("code"))
        field = field or named
        if named and message and len(field_errors) < _MAX_FIELD_ERRORS:
            field_errors.setdefault(named, _sentence(message))
    if text is None and field_errors:
        text = " ".join(list(field_errors.values())[:3])
    if code is not None:
        code = code.upper()
    return text, code, field, field_errors


def _keyed_errors(value: dict[Any, Any]) -> dict[str, str]:
    """``{"q_first": "can't be blank", "q_email": ["is invalid"]}`` as field id → sentence."""
    found: dict[str, str] = {}
    for key, item in value.items():
        if len(found) >= _MAX_FIELD_ERRORS:
            break
        name = _text(key)
        if isinstance(item, list):
            item = next((entry for entry in item if _text(entry) or isinstance(entry, dict)),
                        None)
        if isinstance(item, dict):
            item = item.get("message") or item.get("error")
        message = _text(item)
        if name and message:
            found[name] = _sentence(message)
    return found


def _text(value: Any) -> str | None:
    """A short, clean, token-free string, or None if ``value`` is not usable text."""
    if not isinstance(value, str):
        return None
    cleaned = _CONTROL.sub(" ", redact(value)).strip()
    if not cleaned:
        return None
    if len(cleaned) > _MAX_TEXT:
        cleaned = cleaned[:_MAX_TEXT].rstrip() + "…"
    return cleaned


def _sentence(text: str) -> str:
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."
