"""The two published shapes of ``form_data.fields`` and the conversion between them.

The seed page and the vendor's verified workflow send ``fields`` as an array of
``{"field_id", "type", "new_data"}`` (what Frontdesk sends first). Another published revision
of the booking schema keys ``fields`` by field id, with a phone as
``{"prefix_value": "+54", "value": "1155550000"}``; the booking client switches to it only when
a server refuses the array as malformed.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from desktop.api.models import FormData
from desktop.forms.definition import canonical_kind


class FieldsShape(StrEnum):
    #: ``[{"field_id": "q1", "type": "email", "new_data": "ann@example.com"}, …]``
    ARRAY = "array"
    #: ``{"q1": "ann@example.com", "q2": {"prefix_value": "+54", "value": "1155550000"}}``
    BY_FIELD_ID = "by_field_id"

    @property
    def other(self) -> FieldsShape:
        return FieldsShape.BY_FIELD_ID if self is FieldsShape.ARRAY else FieldsShape.ARRAY


# E.164 country calling codes are prefix-free: these are the 1- and 2-digit ones; every
# other code has 3 digits.
_ONE_DIGIT = frozenset({"1", "7"})
_TWO_DIGITS = frozenset({
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
    "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
    "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
})
_INTERNATIONAL = re.compile(r"^\s*(\+|00)")


def form_data_json(form_data: FormData, shape: FieldsShape) -> dict[str, Any]:
    """``form_data`` as the JSON of one shape (the array shape is the model's own)."""
    data = form_data.to_json()
    if shape is FieldsShape.ARRAY:
        return data
    data["fields"] = {field.field_id: _keyed_value(field.type, field.new_data)
                      for field in form_data.fields}
    # That revision writes service_fields as an object too (the verified example: ``{}``).
    data["service_fields"] = {str(index): value
                              for index, value in enumerate(form_data.service_fields)}
    return data


def split_phone(text: str) -> dict[str, str]:
    """``"+54 11 5555-0000"`` → ``{"prefix_value": "+54", "value": "1155550000"}``.

    The prefix is the international calling code when the number is written with ``+`` or
    ``00``; a national number keeps an empty prefix. Nothing is guessed beyond that.
    """
    digits = "".join(ch for ch in text if ch.isdigit())
    international = _INTERNATIONAL.match(text)
    if not international:
        return {"prefix_value": "", "value": digits}
    if international.group(1) == "00":
        digits = digits[2:]
    code_length = 1 if digits[:1] in _ONE_DIGIT else 2 if digits[:2] in _TWO_DIGITS else 3
    if len(digits) <= code_length:
        return {"prefix_value": "", "value": digits}
    return {"prefix_value": "+" + digits[:code_length], "value": digits[code_length:]}


def _keyed_value(type_name: str, value: Any) -> Any:
    if canonical_kind(type_name) == "phone" and isinstance(value, str):
        return split_phone(value)
    return value
