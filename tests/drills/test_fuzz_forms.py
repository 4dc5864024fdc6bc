"""Hypothesis fuzzing of scheduling form definitions: whatever the server's definition holds,
``parse_definition`` gives a FormDefinition or a readable FormDefinitionError, and a parsed one
builds a working GeneratedForm (values in and out, form_data, validation, errors, reset), even
when a stored draft puts odd values back into it."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError as ModelError
from PySide6.QtWidgets import QApplication

from desktop.api.models import SchedulingForm
from desktop.ui.form import GeneratedForm
from tests.drills.conftest import SCALES, DrillLog, Scale
from tests.drills.fuzz_values import form_definitions, stored_form_values
from tests.helpers.forms import parsed_or_explained

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


@pytest.mark.parametrize("scale", SCALES)
def test_any_definition_gives_a_working_form_or_a_readable_error(
        scale: Scale, qapp: QApplication, drill_log: DrillLog) -> None:
    seen: Counter[str] = Counter()

    @settings(max_examples=scale.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(raw=form_definitions(), meeting=st.sampled_from([None, "address", "phone"]),
           data=st.data())
    def check(raw: Any, meeting: Any, data: st.DataObject) -> None:
        result.injected += 1
        # The window parses the SchedulingForm model the client returns; try the raw too.
        try:
            raw = SchedulingForm.model_validate(raw) if isinstance(raw, dict) else raw
        except ModelError:
            seen["not a SchedulingForm"] += 1
        definition = parsed_or_explained(raw)
        if definition is None:
            seen["readable error"] += 1
            return
        seen["form"] += 1
        form = GeneratedForm(definition, meeting)
        try:
            form.build_all()
            values = form.values()
            form.set_values(values)
            assert form.values() == values
            form.build_form_data().to_json()
            form.validate()
            ids = [field.id for field in definition.fields()]
            if ids:
                # A draft saved by another version may hold anything for a field.
                stored = data.draw(st.dictionaries(st.sampled_from(ids), stored_form_values,
                                                   max_size=len(ids)))
                form.set_values(stored)
                form.values()
                form.validate()
                form.show_field_error(data.draw(st.sampled_from(ids)), "Can't be blank")
            form.show_field_error("First name can't be blank", "First name can't be blank")
            form.reset()
            assert form.values() == values or not values
        finally:
            form.deleteLater()
            qapp.processEvents()

    with drill_log.measure("fuzz: form definitions + GeneratedForm", scale, seen) as result:
        check()
    assert seen["form"] >= scale.examples // 10, "the fuzzer should reach real forms too"
