"""From an answer's status, headers and body to one typed error with a readable message."""

from __future__ import annotations

import json

import pytest

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
from desktop.api.responses import envelope_data, error_from_response

TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdGFmZiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ"


def mapped(status: int, body: object, **headers: str) -> ApiError:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return error_from_response(status, content, {k.lower(): v for k, v in headers.items()})


def error_body(message: str, code: str, **extra: str) -> dict[str, str]:
    return {"status": "Error", "error": message, "error_code": code, **extra}


@pytest.mark.parametrize("body", [
    {"status": "Failure", "message": "401 Unauthorized"},
    {"error": "Unauthorized"},
    {"success": False, "errors": [{"code": "unauthorized", "message": "Token expired"}]},
    b"",
    b"<html>401</html>",
])
def test_every_401_shape_is_an_auth_error(body: object) -> None:
    error = mapped(401, body)
    assert type(error) is AuthError
    assert error.status == 401
    assert "sign in again" in error.message


@pytest.mark.parametrize(("code", "kind"), [
    ("TIMESLOT_UNAVAILABLE", SlotTakenError),
    ("ALREADY_REGISTERED", AlreadyRegisteredError),
    ("EVENT_FULL", EventFullError),
])
def test_booking_refusals_have_their_own_types(code: str, kind: type[ApiError]) -> None:
    error = mapped(422, error_body("whatever the server says", code))
    assert type(error) is kind
    assert isinstance(error, ValidationError)
    assert error.error_code == code
    assert error.status == 422
    assert error.message.endswith(".")


def test_missing_parameter_names_the_field_from_the_message() -> None:
    error = mapped(400, error_body("Mandatory parameter service_id is missing",
                                   "PARAMETER_MISSING"))
    assert type(error) is ValidationError
    assert error.field == "service_id"
    assert error.error_code == "PARAMETER_MISSING"
    assert error.message == "Mandatory parameter service_id is missing."


@pytest.mark.parametrize("key", ["field", "field_id", "param"])
def test_form_errors_name_the_field_from_the_body(key: str) -> None:
    error = mapped(422, error_body("First name can't be blank", "FORM_VALIDATION_ERROR",
                                   **{key: "q_first"}))
    assert type(error) is ValidationError
    assert error.field == "q_first"
    assert error.message == "First name can't be blank."


def test_a_field_in_a_nested_errors_list_is_found() -> None:
    error = mapped(422, {"success": False,
                         "errors": [{"code": "invalid", "message": "bad email",
                                     "field": "q_email"}]})
    assert isinstance(error, ValidationError)
    assert (error.field, error.error_code, error.message) == ("q_email", "INVALID", "Bad email.")


def test_404_429_5xx() -> None:
    assert type(mapped(404, error_body("Booking not found", "NOT_FOUND"))) is NotFoundError
    limited = mapped(429, error_body("Too many requests", "RATE_LIMITED"), **{"Retry-After": "7"})
    assert isinstance(limited, RateLimitedError)
    assert limited.retry_after == 7
    for status in (500, 502, 503, 504):
        error = mapped(status, b"<html>Bad gateway</html>")
        assert type(error) is ServerError
        assert error.retryable
        assert str(status) in error.message


def test_server_text_is_scrubbed_and_shortened() -> None:
    error = mapped(422, error_body(f"token Bearer {TOKEN} was \x00 odd " + "x" * 1000,
                                   "FORM_VALIDATION_ERROR"))
    assert TOKEN not in error.message
    assert "\x00" not in error.message
    assert len(error.message) < 320


def test_refusal_with_an_unreadable_body_still_reads_well() -> None:
    error = mapped(422, b"\xff\xfe not json")
    assert type(error) is ValidationError
    assert error.message.startswith("The booking service refused the request")


def test_envelope_success_and_odd_envelopes() -> None:
    assert envelope_data(b'{"status":"OK","data":{"a":1}}', 200) == {"a": 1}
    for content in (b"", b"null", b"[]", b'{"status":"OK"}', b'{"data":[1]}', b"\xff",
                    b'{"data":' * 5000):
        with pytest.raises(ServerError):
            envelope_data(content, 200)
    with pytest.raises(SlotTakenError):
        envelope_data(json.dumps(error_body("taken", "TIMESLOT_UNAVAILABLE")).encode(), 200)


def test_403_is_permission_denied_never_auth() -> None:
    error = mapped(403, error_body("Forbidden", "FORBIDDEN"))
    assert type(error) is PermissionDeniedError
    assert not isinstance(error, AuthError)
    assert error.action is None
    assert error.message == ("This account is not allowed to do that. "
                             "Ask the business owner to give it that right.")


def test_an_error_object_keyed_by_field_id() -> None:
    error = mapped(422, {"status": "Error", "error_code": "FORM_VALIDATION_ERROR",
                         "error": {"q_email": ["is not a valid email", "is too long"],
                                   "q_first": {"message": "can't be blank"},
                                   "q_odd": 7}})
    assert type(error) is ValidationError
    assert error.field_errors == {"q_email": "Is not a valid email.",
                                  "q_first": "Can't be blank."}
    assert error.field == "q_email"
    assert error.message == "Is not a valid email. Can't be blank."


def test_an_errors_list_gives_every_field() -> None:
    error = mapped(422, {"success": False, "errors": [
        {"field": "q_email", "message": "bad email"},
        {"field_id": "q_first", "message": "First name can't be blank"},
        {"message": "and something else"}]})
    assert isinstance(error, ValidationError)
    assert error.field_errors == {"q_email": "Bad email.",
                                  "q_first": "First name can't be blank."}
    assert error.field == "q_email"


def test_a_single_named_field_is_a_field_error_too() -> None:
    error = mapped(422, error_body("First name can't be blank", "FORM_VALIDATION_ERROR",
                                   field="q_first"))
    assert isinstance(error, ValidationError)
    assert error.field_errors == {"q_first": "First name can't be blank."}


def test_hostile_field_errors_are_bounded() -> None:
    error = mapped(422, {"error": {f"f{n}": "x" * 5000 for n in range(10_000)}})
    assert isinstance(error, ValidationError)
    assert len(error.field_errors) == 50
    assert all(len(text) < 320 for text in error.field_errors.values())


@pytest.mark.parametrize("body", [
    {"status": "Error", "error": "The requested time slot is not available"},
    {"status": "Error", "error": "Staff is not available at this time",
     "error_code": "INVALID_PARAMETER"},
    {"status": "Error", "error": "Slot taken", "error_code": "SLOT_UNAVAILABLE"},
])
def test_a_start_that_is_not_free_is_taken(body: dict[str, str]) -> None:
    assert type(mapped(422, body)) is SlotTakenError


def test_a_field_complaint_about_availability_is_not_taken() -> None:
    error = mapped(422, error_body("Preferred time is not available in the list",
                                   "FORM_VALIDATION_ERROR", field="q_time"))
    assert type(error) is ValidationError
