"""GeneratedForm through real Qt widgets (offscreen): types, naming, values, errors."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.forms import FieldProblem
from desktop.ui.form import FormErrorView, GeneratedForm, form_or_error
from tests.forms.conftest import MakeForm
from tests.forms.samples import EVERY_JSON, api_example

WIDGET_CLASSES = {
    "f1": QLineEdit, "f2": QLineEdit, "f3": QLineEdit, "f4": QLineEdit, "f5": QLineEdit,
    "f6": QLineEdit, "f7": QLineEdit, "f8": QDateEdit, "f9": QLineEdit, "f10": QComboBox,
    "f11": QLineEdit, "f12": QCheckBox, "f13": QCheckBox, "f14": QLineEdit, "f15": QLineEdit,
    "f16": QLineEdit, "notes": QPlainTextEdit, "f17": QLineEdit, "p1": QCheckBox,
}


def field(form: GeneratedForm, field_id: str) -> QWidget:
    widget = form.findChild(QWidget, f"field-{field_id}")
    assert widget is not None, field_id
    return widget


def click(qtbot: QtBot, form: GeneratedForm, field_id: str) -> None:
    """Click a field as a person would: scrolled into view first (a synthesized click lands
    on whatever is at that point of the window), on a check box's box, not mid-row."""
    form.focus_field(field_id)
    widget = field(form, field_id)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def test_every_type_gets_its_widget_name_and_label(make_form: MakeForm) -> None:
    form = make_form()
    for field_id, cls in WIDGET_CLASSES.items():
        widget = field(form, field_id)
        assert isinstance(widget, cls), field_id
        assert widget.accessibleName() == form.definition.field(field_id).label  # type: ignore[union-attr]
    combo = field(form, "f10")
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == \
        ["Choose…", "Search engine", "Friend or family", "Doctor referral"]
    agree = field(form, "p1")
    assert isinstance(agree, QCheckBox)
    assert agree.text() == "I agree *"
    policy_text = form.findChild(QLabel, "policy-text-p1")
    assert policy_text is not None
    assert policy_text.text().startswith("Please give us at least 24 hours")
    assert policy_text.wordWrap()


def test_typing_every_field_builds_the_exact_form_data(make_form: MakeForm,
                                                       qtbot: QtBot) -> None:
    form = make_form()
    typed = {"f1": " ann@example.com ", "f2": "Ann", "f3": "Lee", "f4": "+1 (555) 123-4567",
             "f5": "Dr", "f6": "Ann B. Lee", "f7": "12 Main St, Springfield", "f9": "INS-0042",
             "f11": "New client", "f14": "Back pain", "f15": "A. Lee", "f16": "First visit",
             "notes": "Prefers mornings.", "f17": "Will bring the referral letter"}
    for field_id, text in typed.items():
        qtbot.keyClicks(field(form, field_id), text)
    qtbot.keyClick(field(form, "notes"), Qt.Key.Key_Return)  # Trailing newline is trimmed.
    date_edit = field(form, "f8")
    assert isinstance(date_edit, QDateEdit)
    date_edit.setDate(date(1990, 5, 17))
    combo = field(form, "f10")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("Friend or family"))
    click(qtbot, form, "f12")  # Default on: now off.
    click(qtbot, form, "f13")
    click(qtbot, form, "p1")

    assert form.validate() == []
    assert form.build_form_data().to_json() == EVERY_JSON


def test_meeting_details_field(make_form: MakeForm, qtbot: QtBot) -> None:
    form = make_form(api_example(), meeting_kind="address")
    edit = field(form, "meeting-details")
    assert isinstance(edit, QLineEdit)
    assert edit.accessibleName() == "Client's address"
    assert form.meeting_details() is None
    qtbot.keyClicks(edit, "12 Main St, City ")
    assert form.meeting_details() == "12 Main St, City"
    assert form.build_form_data().to_json()["meeting_details"] == \
        {"meeting_interaction_details": "12 Main St, City"}
    phone = make_form(api_example(), meeting_kind="phone")
    assert field(phone, "meeting-details").accessibleName() == "Phone number for the call"
    assert make_form(api_example()).findChild(QWidget, "field-meeting-details") is None


def test_required_fields_are_marked(make_form: MakeForm) -> None:
    form = make_form()
    labels = {label.text() for label in form.findChildren(QLabel)}
    assert {"Email *", "First name *", "Last name", "Cancellation policy *"} <= labels
    assert field(form, "f1").accessibleDescription() == "Required"
    assert field(form, "f3").accessibleDescription() == ""


def test_defaults_are_filled() -> None:
    raw = {"sections": [{"fields": [
        [{"id": "s", "type": "singleline", "default_value": "Walk-in"}],
        [{"id": "c", "type": "checkbox", "default_value": True}],
        [{"id": "d", "type": "datepicker", "default_value": "2025-01-31"}],
        [{"id": "o", "type": "dropdown", "required": True, "default_value": "B",
          "options": ["A", "B"]}]]}]}
    form = form_or_error(raw)
    assert isinstance(form, GeneratedForm)
    assert form.values() == {"s": "Walk-in", "c": True, "d": date(2025, 1, 31), "o": "B"}
    combo = form.findChild(QComboBox, "field-o")
    assert combo is not None
    assert combo.count() == 2  # Required with a default: no "Choose…".
    form.deleteLater()


def test_policy_must_be_ticked(make_form: MakeForm, qtbot: QtBot) -> None:
    form = make_form(api_example())
    qtbot.keyClicks(field(form, "f1"), "ann@example.com")
    qtbot.keyClicks(field(form, "f2"), "Ann")
    problems = form.validate()
    assert problems == [FieldProblem("p1", "Cancellation policy",
                                     'The client must accept "Cancellation policy" to book.')]
    assert form.error_text("p1") == 'The client must accept "Cancellation policy" to book.'
    assert field(form, "p1").hasFocus()
    click(qtbot, form, "p1")
    assert form.error_text("p1") is None  # Fixing a field takes its message away.
    assert form.validate() == []
    assert form.build_form_data().to_json()["policies"] == {"p1": True}


def test_validate_shows_every_problem_and_focuses_the_first(make_form: MakeForm) -> None:
    form = make_form(api_example())
    problems = form.validate()
    assert [p.field_id for p in problems] == ["f1", "f2", "p1"]
    assert field(form, "f1").hasFocus()
    error = form.findChild(QLabel, "error-f2")
    assert error is not None
    assert error.isVisible()
    assert error.text() == "First name is required."
    assert field(form, "f2").accessibleDescription() == "Required. First name is required."


def test_email_and_phone_are_checked_on_leaving(make_form: MakeForm, qtbot: QtBot) -> None:
    form = make_form()
    form.activateWindow()
    email = field(form, "f1")
    email.setFocus()
    qtbot.keyClicks(email, "ann@example")
    qtbot.keyClick(email, Qt.Key.Key_Tab)  # Leave the field.
    assert not email.hasFocus()
    assert form.error_text("f1") == ("Email does not look like an email address "
                                     "(for example ann@example.com).")
    qtbot.keyClicks(email, ".com")
    assert form.error_text("f1") is None
    phone = field(form, "f4")
    phone.setFocus()
    qtbot.keyClicks(phone, "12-34")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    assert form.error_text("f4") == ("Mobile phone does not look like a phone number "
                                     "(7 to 15 digits).")
    qtbot.keyClicks(phone, "567")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    assert form.error_text("f4") is None
    # Leaving an empty required field does not nag before submit.
    first = field(form, "f2")
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert form.error_text("f2") is None


def test_show_field_error_by_id_label_or_api_sentence(make_form: MakeForm) -> None:
    form = make_form(api_example(), meeting_kind="phone")
    assert form.show_field_error("f3", "Too long.")
    assert form.error_text("f3") == "Too long."
    assert form.show_field_error("First name can't be blank", "First name can't be blank")
    assert form.error_text("f2") == "First name can't be blank"
    assert form.show_field_error("email", "Email has already been taken")
    assert form.error_text("f1") == "Email has already been taken"
    assert form.show_field_error("meeting_interaction_details", "Needed.")
    assert form.error_text("meeting-details") == "Needed."
    assert not form.show_field_error("Staff is not available", "Staff is not available")
    form.clear_errors()
    assert [form.error_text(i) for i in ("f1", "f2", "f3", "meeting-details")] == [None] * 4


def test_reset_returns_to_defaults(make_form: MakeForm, qtbot: QtBot) -> None:
    form = make_form(meeting_kind="address")
    pristine = form.values()
    qtbot.keyClicks(field(form, "f2"), "Ann")
    qtbot.keyClicks(field(form, "meeting-details"), "12 Main St")
    click(qtbot, form, "f12")
    form.validate()
    form.reset()
    assert form.values() == pristine
    assert pristine["f12"] is True
    assert form.meeting_details() is None
    assert form.error_text("f1") is None


def test_set_values_round_trip_without_change_signal(make_form: MakeForm,
                                                     qtbot: QtBot) -> None:
    form = make_form(meeting_kind="phone")
    values = {"f1": "ann@example.com", "f2": "Ann", "f3": "", "f4": "+1 555 123 4567",
              "f5": "Dr", "f6": "", "f7": "", "f8": date(2001, 2, 3), "f9": "", "f10": "doc",
              "f11": "", "f12": False, "f13": True, "f14": "", "f15": "", "f16": "",
              "notes": "Line one\nLine two", "f17": "", "p1": True}
    signals: list[object] = []
    form.sig_changed.connect(lambda: signals.append(1))
    form.set_values({**values, "gone": "ignored", "meeting-details": "+1 555 000 1111"})
    assert form.values() == values
    assert form.meeting_details() == "+1 555 000 1111"
    assert signals == []
    other = make_form()
    other.set_values(form.values())
    assert other.build_form_data() == form.build_form_data().model_copy(
        update={"meeting_details": None})


def test_every_edit_signals_a_change(make_form: MakeForm, qtbot: QtBot) -> None:
    form = make_form()
    for action in (lambda: qtbot.keyClicks(field(form, "f2"), "A"),
                   lambda: qtbot.keyClicks(field(form, "notes"), "B"),
                   lambda: click(qtbot, form, "f13"),
                   lambda: field(form, "f8").setDate(date(2020, 1, 1))):  # type: ignore[attr-defined]
        with qtbot.waitSignal(form.sig_changed, timeout=500):
            action()


def test_date_can_be_empty_and_cleared(make_form: MakeForm, qtbot: QtBot) -> None:
    form = make_form(today=lambda: date(2028, 2, 29))  # the app's clock says so
    date_edit = field(form, "f8")
    assert isinstance(date_edit, QDateEdit)
    assert form.values()["f8"] is None
    assert date_edit.text() == "No date"
    date_edit.setDate(date(2022, 3, 4))
    assert form.values()["f8"] == date(2022, 3, 4)
    date_edit.setFocus()
    qtbot.keyClick(date_edit, Qt.Key.Key_Delete)
    assert form.values()["f8"] is None
    qtbot.keyClick(date_edit, Qt.Key.Key_Up)  # Stepping from empty starts at today.
    assert form.values()["f8"] == date(2028, 2, 29)


def test_tab_order_is_reading_order(make_form: MakeForm) -> None:
    form = make_form(meeting_kind="address")
    expected = [f"field-{f.id}" for f in form.definition.fields()]
    expected.insert(expected.index("field-f16"), "field-meeting-details")
    seen: list[str] = []
    widget = field(form, "f1")
    for _ in range(200):
        name = widget.objectName()
        if name.startswith("field-") and name not in seen and \
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            seen.append(name)
        widget = widget.nextInFocusChain()
    assert seen == expected


def test_unknown_type_shows_a_note(make_form: MakeForm) -> None:
    form = make_form()
    assert form.notes == ['The field "Signature" has a type Frontdesk does not know '
                          "(signature); it is shown as a text line."]
    banner = form.findChild(QLabel, "form-notes")
    assert banner is not None
    assert banner.isVisible()
    assert banner.text() == form.notes[0]
    note = form.findChild(QLabel, "note-f15")
    assert note is not None
    assert note.isVisible()
    assert "does not know this type of field (signature)" in note.text()
    plain = make_form(api_example())
    assert not plain.findChild(QLabel, "form-notes").isVisible()  # type: ignore[union-attr]


def test_documents_field_says_files_are_not_uploaded(make_form: MakeForm) -> None:
    form = make_form()
    note = form.findChild(QLabel, "note-f17")
    assert note is not None
    assert note.text().startswith("Files can't be uploaded from the front desk")


def test_long_policy_text_scrolls() -> None:
    raw = {"sections": [{"fields": [[{"id": "p", "label": "Terms", "type": "policy",
                                      "required": True, "default_value": "Long. " * 200}]]}]}
    form = form_or_error(raw)
    box = form.findChild(QPlainTextEdit, "policy-text-p")
    assert box is not None
    assert box.isReadOnly()
    assert box.toPlainText().startswith("Long. Long.")
    form.deleteLater()


def test_malformed_definition_shows_the_error_view(qtbot: QtBot,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    raw = {"sections": [{"title": "Client info", "fields": [[{"label": "Email"}],
                                                            [{"id": "x"}, {"id": "x"}]]}]}
    with caplog.at_level(logging.WARNING, logger="desktop.forms"):
        view = form_or_error(raw)
    qtbot.addWidget(view)
    assert isinstance(view, FormErrorView)
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert "This booking form could not be shown" in texts
    assert ("This service's booking form could not be read: field 1 in section "
            "\"Client info\" has no id (and 1 more problem).") in texts
    assert ("Book for an existing client, or ask the business to check its scheduling "
            "form.") in texts
    logged = [r.getMessage() for r in caplog.records if r.name == "desktop.forms"]
    assert logged == [
        'scheduling form not shown: field 1 in section "Client info" has no id',
        'scheduling form not shown: field 3 in section "Client info" has the id "x", '
        'already used by field 2 in section "Client info"']
