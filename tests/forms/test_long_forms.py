"""Long forms: rows past the first screenful are built in idle batches, and until then the
form keeps their values itself. Whatever the form does, it must read the same either way."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.forms import MEETING_DETAILS_ID, parse_definition
from desktop.ui.form import GeneratedForm
from desktop.ui.form.rows import EAGER_FIELDS

KINDS = ["singleline", "dropdown", "datepicker", "checkbox", "email", "multiline", "policy",
         "documents", "signature"]
COUNT = 3 * EAGER_FIELDS
#: The last single-line text field, far past the first batch.
LAST_LINE = max(n for n in range(COUNT) if KINDS[n % len(KINDS)] == "singleline")


def long_definition() -> dict[str, Any]:
    rows = []
    for n in range(COUNT):
        kind = KINDS[n % len(KINDS)]
        field: dict[str, Any] = {"id": f"f{n}", "label": f"Field {n}", "type": kind,
                                 "required": n % 5 == 0}
        if kind == "dropdown":
            field["options"] = ["Red", "Green", "Blue"]
            if n % 2:
                field["default_value"] = "Green"
        if kind == "singleline" and n % 2:
            field["default_value"] = f"default {n}"
        rows.append([field])
    half = len(rows) // 2
    return {"type": "scheduling", "sections": [
        {"type": "fields", "title": "One", "fields": rows[:half]},
        {"type": "fields", "title": "Two", "fields": rows[half:]}]}


def filled(form: GeneratedForm) -> dict[str, object]:
    values: dict[str, object] = {}
    for field in form.definition.fields():
        values[field.id] = {"dropdown": "Blue", "datepicker": date(2025, 3, 14),
                            "checkbox": True, "policy": True}.get(field.kind, f"x{field.id}")
    return values


def finish(form: GeneratedForm) -> None:
    while not form.fully_built:
        QApplication.processEvents()


def test_the_first_rows_are_built_at_once_and_the_rest_when_idle(qtbot: QtBot) -> None:
    form = GeneratedForm(parse_definition(long_definition()))
    qtbot.addWidget(form)
    assert not form.fully_built
    assert form.findChild(QWidget, "field-f0") is not None
    assert form.findChild(QWidget, f"field-f{COUNT - 1}") is None
    qtbot.waitUntil(lambda: form.fully_built, timeout=2000)
    assert form.findChild(QWidget, f"field-f{COUNT - 1}") is not None


def test_values_read_the_same_before_and_after_the_widgets_exist(qtbot: QtBot) -> None:
    definition = parse_definition(long_definition())
    lazy = GeneratedForm(definition, meeting_kind="phone")
    qtbot.addWidget(lazy)
    defaults_before = lazy.values()
    finish(lazy)
    assert lazy.values() == defaults_before
    assert defaults_before["f1"] == "Green"  # a default on a row built later

    again = GeneratedForm(definition, meeting_kind="phone")
    qtbot.addWidget(again)
    values = filled(again)
    again.set_values({**values, MEETING_DETAILS_ID: "+1 555 123 4567"})
    before = again.values()
    data_before = again.build_form_data()
    assert before == {**values, **{k: v for k, v in before.items() if k not in values}}
    assert again.meeting_details() == "+1 555 123 4567"
    finish(again)
    assert again.values() == before
    assert again.build_form_data() == data_before
    last = again.findChild(QLineEdit, f"field-f{LAST_LINE}")
    assert last is not None
    assert last.text() == f"xf{LAST_LINE}"


def test_reset_and_errors_reach_rows_not_built_yet(qtbot: QtBot) -> None:
    form = GeneratedForm(parse_definition(long_definition()))
    qtbot.addWidget(form)
    form.set_values(filled(form))
    form.reset()
    assert form.values()[f"f{LAST_LINE}"] == (f"default {LAST_LINE}" if LAST_LINE % 2 else "")
    assert form.values()["f1"] == "Green"
    problems = form.validate()  # required fields are empty again, far down included
    assert any(p.field_id == f"f{COUNT - 5}" for p in problems)
    assert form.fully_built  # showing an error builds the rows it needs
    error = form.findChild(QLabel, f"error-f{COUNT - 5}")
    assert error is not None
    assert error.text()


def test_edits_signal_only_after_the_rows_are_built_quietly(qtbot: QtBot) -> None:
    form = GeneratedForm(parse_definition(long_definition()))
    qtbot.addWidget(form)
    form.set_values(filled(form))
    with qtbot.assertNotEmitted(form.sig_changed):
        finish(form)
    last = form.findChild(QLineEdit, f"field-f{LAST_LINE}")
    assert last is not None
    with qtbot.waitSignal(form.sig_changed, timeout=1000):
        qtbot.keyClicks(last, "!")
    assert form.values()[f"f{LAST_LINE}"] == f"xf{LAST_LINE}!"
