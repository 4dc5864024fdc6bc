"""Two published shapes of ``form_data.fields``: the client sends the array, and when a server
refuses it as malformed, sends once more keyed by field id and keeps to the shape that server
took. Both shapes of the validation error are read into ``field_errors``."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from desktop.api.client import BOOKINGS_PATH
from desktop.api.errors import ValidationError
from desktop.api.models import BookingRequest, FieldValue, FormData
from desktop.forms.shapes import FieldsShape
from tests.api.helpers import StubReply, StubServer, json_reply, stub_client

START = datetime(2030, 5, 6, 14, 0, tzinfo=UTC)
BOOKING = {"id": "bk-1", "client_id": "c-new", "status": "scheduled"}
MALFORMED_ARRAY = {"status": "Error", "error_code": "FORM_VALIDATION_ERROR",
                   "error": "form_data.fields must be an object keyed by field id"}
MALFORMED_OBJECT = {"status": "Error", "error_code": "FORM_VALIDATION_ERROR",
                    "error": "form_data.fields must be an array of {field_id, type, new_data}"}


def form(first: str = "Ann") -> FormData:
    return FormData(fields=[
        FieldValue(field_id="q_email", type="email", new_data="ann@example.com"),
        FieldValue(field_id="q_first", type="firstname", new_data=first),
        FieldValue(field_id="q_phone", type="phone", new_data="+54 11 5555-0000")],
        policies={"p_cancel": True})


def request(first: str = "Ann") -> BookingRequest:
    return BookingRequest(business_id="b1", service_id="s1", staff_id="st1", start_time=START,
                          form_data=form(first))


def keyed_server(method: str, path: str, query: dict[str, list[str]], body: bytes) -> StubReply:
    """A server of the other revision: fields keyed by id, errors keyed by id."""
    fields = json.loads(body)["form_data"]["fields"]
    if not isinstance(fields, dict):
        return json_reply(MALFORMED_ARRAY, 422)
    if not fields.get("q_first"):
        return json_reply({"status": "Error", "error_code": "FORM_VALIDATION_ERROR",
                           "error": {"q_first": "First name can't be blank",
                                     "q_zzz": ["is unknown"]}}, 422)
    return json_reply({"status": "OK", "data": {"booking": BOOKING}}, 201)


def test_a_malformed_refusal_is_answered_once_in_the_other_shape(stub: StubServer) -> None:
    stub.responder = keyed_server
    with stub_client(stub) as client:
        assert client.fields_shape is FieldsShape.ARRAY
        assert client.create_booking(request(), idempotency_key="draft-1").id == "bk-1"
        assert client.fields_shape is FieldsShape.BY_FIELD_ID
        client.create_booking(request())  # starts with the shape the server took
    first, second, third = stub.json_bodies(BOOKINGS_PATH)
    assert isinstance(first["form_data"]["fields"], list)
    assert second["form_data"]["fields"] == {
        "q_email": "ann@example.com", "q_first": "Ann",
        "q_phone": {"prefix_value": "+54", "value": "1155550000"}}
    assert second["form_data"]["policies"] == {"p_cancel": True}
    assert isinstance(third["form_data"]["fields"], dict)
    keys = [r[4]["idempotency-key"] for r in stub.requests]
    assert keys[0] == "draft-1"
    assert keys[1] != keys[0]  # a server that stores answers per key must not replay the 422


def test_object_shaped_field_errors_are_read(stub: StubServer) -> None:
    stub.responder = keyed_server
    with stub_client(stub) as client, pytest.raises(ValidationError) as caught:
        client.create_booking(request(first=""))
    error = caught.value
    assert error.field_errors == {"q_first": "First name can't be blank.",
                                  "q_zzz": "Is unknown."}
    assert error.field == "q_first"
    assert error.message.startswith("First name can't be blank.")
    assert len(stub.requests) == 2
    assert client.fields_shape is FieldsShape.BY_FIELD_ID  # it read our fields by id


def test_refused_in_both_shapes_gives_the_first_refusal(stub: StubServer) -> None:
    replies = iter([json_reply(MALFORMED_OBJECT, 422), json_reply(MALFORMED_ARRAY, 422)])
    stub.responder = lambda method, path, query, body: next(replies)
    with stub_client(stub) as client, pytest.raises(ValidationError, match="array"):
        client.create_booking(request())
    assert len(stub.requests) == 2
    assert client.fields_shape is FieldsShape.ARRAY


@pytest.mark.parametrize("refusal", [
    {"status": "Error", "error_code": "FORM_VALIDATION_ERROR",
     "error": "First name can't be blank", "field": "q_first"},
    {"status": "Error", "error_code": "FORM_VALIDATION_ERROR",
     "error": {"q_first": "must be a list of names"}},
    {"status": "Error", "error_code": "TIMESLOT_UNAVAILABLE", "error": "fields array"},
], ids=["field named", "field keyed", "taken"])
def test_a_refusal_about_a_value_is_not_resent(stub: StubServer,
                                               refusal: dict[str, object]) -> None:
    stub.responder = lambda method, path, query, body: json_reply(refusal, 422)
    with stub_client(stub) as client, pytest.raises(ValidationError):
        client.create_booking(request())
    assert len(stub.requests) == 1


def test_no_form_no_second_shape(stub: StubServer) -> None:
    stub.responder = lambda method, path, query, body: json_reply(MALFORMED_ARRAY, 422)
    existing = BookingRequest(business_id="b1", service_id="s1", staff_id="st1",
                              start_time=START, client_id="c1")
    with stub_client(stub) as client, pytest.raises(ValidationError):
        client.create_booking(existing)
    assert len(stub.requests) == 1
