"""What a route hands back to the HTTP layer: a status, a JSON body and extra headers.

Routes raise :class:`ApiFailure` for every refusal; the HTTP layer turns it into the API's
error envelope ``{"status": "Error", "error": <sentence>, "error_code": <CODE>}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    #: A booking was committed to produce this reply (what ``drop_after_commit`` waits for).
    committed: bool = False


class ApiFailure(Exception):
    """A refusal in the API's own words; ``field`` names the blamed form field, if any.

    With ``errors`` (field id -> message) the envelope's ``error`` is that object instead of
    a sentence: the strict sandbox's FORM_VALIDATION_ERROR (see form_rules.py).
    """

    def __init__(self, status: int, error_code: str, message: str,
                 *, field: str | None = None, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.error_code = error_code
        self.message = message
        self.field = field
        self.errors = errors

    def to_reply(self) -> Reply:
        body: dict[str, Any] = {"status": "Error",
                                "error": dict(self.errors) if self.errors else self.message,
                                "error_code": self.error_code}
        if self.field is not None:
            body["field"] = self.field
        return Reply(self.status, body)


def ok(data: dict[str, Any], status: int = 200) -> Reply:
    return Reply(status, {"status": "OK", "data": data})


def missing(name: str) -> ApiFailure:
    return ApiFailure(400, "PARAMETER_MISSING", f"Mandatory parameter {name} is missing")


def invalid(message: str) -> ApiFailure:
    return ApiFailure(400, "INVALID_PARAMETER", message)


def not_found(what: str) -> ApiFailure:
    return ApiFailure(404, "NOT_FOUND", f"{what} not found")


def unavailable(message: str = "The requested time slot is not available") -> ApiFailure:
    return ApiFailure(422, "TIMESLOT_UNAVAILABLE", message)


def form_error(message: str, field: str | None = None) -> ApiFailure:
    return ApiFailure(422, "FORM_VALIDATION_ERROR", message, field=field)
