"""The keyed shape of ``form_data.fields`` and its phone split."""

from __future__ import annotations

import pytest

from desktop.api.models import FieldValue, FormData
from desktop.forms.shapes import FieldsShape, form_data_json, split_phone


@pytest.mark.parametrize(("text", "parts"), [
    ("+54 11 5555-0000", ("+54", "1155550000")),
    ("+1 (212) 555-0100", ("+1", "2125550100")),
    ("+44 20 7946 0958", ("+44", "2079460958")),
    ("+972-3-555-0000", ("+972", "35550000")),
    ("0049 30 1234567", ("+49", "301234567")),
    ("(212) 555-0100", ("", "2125550100")),
    ("+", ("", "")),
])
def test_split_phone(text: str, parts: tuple[str, str]) -> None:
    assert split_phone(text) == {"prefix_value": parts[0], "value": parts[1]}


def test_the_two_shapes_of_one_form() -> None:
    form = FormData(fields=[FieldValue(field_id="q_email", type="email", new_data="a@b.co"),
                            FieldValue(field_id="q_phone", type="Phone", new_data="+54 11 1"),
                            FieldValue(field_id="q_ok", type="checkbox", new_data=True)],
                    service_fields=["x"], policies={"p": True})
    array = form_data_json(form, FieldsShape.ARRAY)
    keyed = form_data_json(form, FieldsShape.BY_FIELD_ID)
    assert array == form.to_json()
    assert keyed["fields"] == {"q_email": "a@b.co", "q_ok": True,
                               "q_phone": {"prefix_value": "+54", "value": "111"}}
    assert keyed["service_fields"] == {"0": "x"}
    assert (keyed["others"], keyed["policies"]) == ({"notes": None}, {"p": True})
    assert FieldsShape.ARRAY.other is FieldsShape.BY_FIELD_ID
    assert FieldsShape.BY_FIELD_ID.other is FieldsShape.ARRAY
