"""Turning the API's answers into data or into one of the typed errors.

Nothing here trusts the body: it may be garbage, truncated, of the wrong shape or hostile.
Text taken from a body is scrubbed, shortened and made into a sentence before a person sees it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from desktop.api.errors import (
    AlreadyRegisteredError,
    ApiError,
    AuthError,
    EventFullError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    SlotTakenError,
    ValidationError,
)
from desktop.api.redaction import redact
from desktop.api.retry import parse_retry_after

UNREADABLE = ("The booking service sent an answer Frontdesk could not read. "
              "Please try again in a few minutes.")

_MISSING_PARAMETER = re.compile(
    r"(?i)parameter\s+['\"]?([A-Za-z0-9_.\[\]-]+)['\"]?\s+is\s+missing")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_MAX_TEXT = 300

_CODE_CLASSES: dict[str, type[ValidationError]] = {
    "TIMESLOT_UNAVAILABLE": SlotTakenError,
    "ALREADY_REGISTERED": AlreadyRegisteredError,
    "EVENT_FULL": EventFullError,
}
_CODE_MESSAGES = {
    "TIMESLOT_UNAVAILABLE": "That time was just taken by someone else. Please pick another time.",
    "ALREADY_REGISTERED": "This client is already registered for that event.",
    "EVENT_FULL": "That event has no places left. Please pick another session.",
}


def decode_json(content: bytes) -> Any:
    """The JSON value of a body, or ServerError for anything that is not JSON."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError):  # bad JSON, bad UTF-8, absurd nesting or numbers
        raise ServerError(UNREADABLE) from None


def envelope_data(content: bytes, status: int) -> dict[str, Any]:
    """``data`` of a success envelope ``{"status": "OK", "data": {...}}``.

    A 2xx whose envelope says Error is mapped like an error answer; anything else that is not
    an envelope with a ``data`` object is a ServerError.
    """
    body = decode_json(content)
    if not isinstance(body, dict):
        raise ServerError(UNREADABLE)
    state = body.get("status")
    if (isinstance(state, str) and state.lower() in {"error", "failure"}) \
            or body.get("success") is False:
        raise error_from_body(422 if status < 300 else status, body, {})
    data = body.get("data")
    if not isinstance(data, dict):
        raise ServerError(UNREADABLE)
    return data


def error_from_response(status: int, content: bytes, headers: Mapping[str, str],
                        *, what: str = "what was asked for") -> ApiError:
    """The typed error for a non-2xx answer; the body is read if it can be and ignored if not."""
    try:
        body: Any = json.loads(content) if content else None
    except (ValueError, RecursionError):
        body = None
    return error_from_body(status, body, headers, what=what)


def error_from_body(status: int, body: Any, headers: Mapping[str, str],
                    *, what: str = "what was asked for") -> ApiError:
    text, code, field = _details(body)
    if status == 401:
        return AuthError(error_code=code)
    if code in _CODE_CLASSES and 400 <= status < 500:
        return _CODE_CLASSES[code](_CODE_MESSAGES[code], status=status, error_code=code,
                                   field=field)
    if status == 403:
        return AuthError("This staff token is not allowed to do that. Ask the business owner "
                         "for a token with the right permissions.", status=403, error_code=code)
    if status == 404:
        return NotFoundError(f"The booking service could not find {what}. It may have been "
                             "removed; please refresh.", status=404, error_code=code)
    if status == 429:
        return RateLimitedError(
            "The booking service is busy right now. Please try again in a moment.",
            retry_after=parse_retry_after(headers.get("retry-after")), error_code=code)
    if status in (400, 422) or (400 <= status < 500 and status != 408):
        if field is None and text:
            match = _MISSING_PARAMETER.search(text)
            field = match.group(1) if match else None
        message = _sentence(text) if text else \
            "The booking service refused the request because some details are missing or wrong."
        return ValidationError(message, status=status, error_code=code, field=field)
    if status >= 500 or status == 408:
        return ServerError(f"The booking service is having trouble right now (error {status}). "
                           "Please try again in a few minutes.", status=status, error_code=code)
    return ServerError(f"The booking service gave an unexpected answer (HTTP {status}). "
                       "Check the API address in the settings.", status=status, error_code=code)


def _details(body: Any) -> tuple[str | None, str | None, str | None]:
    """(message, error_code, field) from any of the error body shapes the API uses."""
    if not isinstance(body, dict):
        return None, None, None
    text = _text(body.get("error")) or _text(body.get("message"))
    code = _text(body.get("error_code")) or _text(body.get("code"))
    field = _text(body.get("field")) or _text(body.get("field_id")) or _text(body.get("param"))
    nested = body.get("error") if isinstance(body.get("error"), dict) else None
    errors = body.get("errors")
    if nested is None and isinstance(errors, list) and errors and isinstance(errors[0], dict):
        nested = errors[0]
    if nested is not None:
        text = text or _text(nested.get("message")) or _text(nested.get("error"))
        code = code or _text(nested.get("error_code")) or _text(nested.get("code"))
        field = field or _text(nested.get("field")) or _text(nested.get("field_id")) \
            or _text(nested.get("param"))
    if code is not None:
        code = code.upper()
    return text, code, field


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
