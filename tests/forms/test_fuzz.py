"""Odd and malformed definitions: a readable FormDefinitionError or a working form, never
any other exception."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from desktop.forms import KNOWN_TYPES
from desktop.ui.form import GeneratedForm
from tests.helpers.forms import parsed_or_explained

KEYS = ["id", "label", "type", "required", "default_value", "options", "fields", "sections",
        "title", "value", "name", "text", "data"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12),
                    st.floats(allow_nan=True), st.text(max_size=12))
json_like = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4),
                                            inner, max_size=5)),
    max_leaves=25)

types = st.sampled_from(sorted(KNOWN_TYPES)) | st.sampled_from(
    ["First_Name", "OPT_IN", "signature", "", " "]) | st.text(max_size=8) | scalars
options = st.lists(st.one_of(st.text(max_size=8), st.integers(),
                             st.fixed_dictionaries({}, optional={
                                 "value": scalars, "label": scalars, "id": scalars,
                                 "name": scalars}), json_like), max_size=5)
fields = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.sampled_from(["a", "b", "c", "notes", "p1"]), st.integers(0, 3),
                    scalars),
    "label": scalars, "type": types, "required": scalars,
    "default_value": st.one_of(scalars, st.sampled_from(["2024-02-29", "true", "x"])),
    "options": st.one_of(options, json_like),
})
rows = st.one_of(st.lists(st.one_of(fields, json_like), max_size=3), fields, json_like)
sections = st.fixed_dictionaries({}, optional={
    "type": st.sampled_from(["fields", "message_info", "policies"]) | scalars,
    "title": scalars, "fields": st.one_of(st.lists(rows, max_size=4), json_like)})


@st.composite
def odd_but_mostly_valid(draw: st.DrawFn) -> dict[str, Any]:
    """Well-formed skeletons (unique ids, list options) with odd values and the occasional
    malformed part, so that most examples reach the widgets."""
    made = 0
    section_list: list[Any] = []
    for _ in range(draw(st.integers(1, 3))):
        row_list: list[Any] = []
        for _ in range(draw(st.integers(0, 4))):
            row: list[Any] = []
            for _ in range(draw(st.integers(1, 4))):
                made += 1
                field = draw(fields)
                field["id"] = f"f{made}" if draw(st.integers(0, 19)) else draw(scalars)
                if "options" in field and draw(st.integers(0, 9)):
                    field["options"] = draw(options)
                row.append(field)
            row_list.append(row if len(row) > 1 or draw(st.booleans()) else row[0])
        section_list.append({"type": draw(st.sampled_from(["fields", "message_info",
                                                             "policies", "other"])),
                             "title": draw(scalars), "fields": row_list})
    return {"title": draw(scalars), "sections": section_list}


definitions = st.one_of(
    json_like,
    odd_but_mostly_valid(),
    odd_but_mostly_valid(),
    odd_but_mostly_valid(),
    odd_but_mostly_valid(),
    st.fixed_dictionaries({"sections": st.lists(st.one_of(sections, json_like), max_size=4)},
                          optional={"title": scalars, "type": scalars}),
    st.fixed_dictionaries({"data": st.fixed_dictionaries(
        {"sections": st.lists(sections, min_size=1, max_size=3)})}))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=definitions, meeting=st.sampled_from([None, "address", "phone"]))
def test_any_definition_gives_a_form_or_a_readable_error(qapp: QApplication, raw: Any,
                                                          meeting: Any) -> None:
    definition = parsed_or_explained(raw)
    if definition is None:
        event("readable error")
        return
    event("form with fields" if any(True for _ in definition.fields()) else "empty form")
    form = GeneratedForm(definition, meeting)
    try:
        values = form.values()
        form.set_values(values)
        assert form.values() == values
        form.build_form_data().to_json()
        form.validate()
        form.show_field_error("First name can't be blank", "First name can't be blank")
        form.reset()
    finally:
        form.deleteLater()
        qapp.processEvents()
