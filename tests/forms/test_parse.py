"""parse_definition: liberal where a guess is harmless, strict where it would mislead."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.api.models import SchedulingForm
from desktop.forms import FieldOption, FormDefinitionError, parse_definition
from tests.forms.samples import POLICY_TEXT, api_example, every_type


def one_section(*rows: Any, title: str = "Client info") -> dict[str, Any]:
    return {"sections": [{"type": "fields", "title": title, "fields": list(rows)}]}


def test_the_api_example_parses_in_order() -> None:
    definition = parse_definition(api_example())
    assert definition.title == "Book a visit"
    assert [s.type for s in definition.sections] == ["fields", "message_info", "policies"]
    client = definition.sections[0]
    assert client.title == "Client info"
    assert [[f.id for f in row] for row in client.rows] == [["f1"], ["f2", "f3"]]
    first = definition.field("f2")
    assert first is not None
    assert (first.label, first.type, first.kind, first.required) == \
        ("First name", "firstname", "firstname", True)
    policy = definition.field("p1")
    assert policy is not None
    assert policy.text == POLICY_TEXT
    assert policy.default_value is None
    notes = definition.field("notes")
    assert notes is not None
    assert notes.is_notes
    assert definition.notes == ()


def test_a_scheduling_form_model_and_the_envelope_are_accepted() -> None:
    from_model = parse_definition(SchedulingForm.model_validate(api_example()))
    from_envelope = parse_definition({"status": "OK", "data": api_example()})
    assert [f.id for f in from_model.fields()] == [f.id for f in from_envelope.fields()] == \
        ["f1", "f2", "f3", "notes", "p1"]


def test_missing_label_uses_the_type_or_the_id() -> None:
    definition = parse_definition(one_section([{"id": "a", "type": "email"}],
                                              [{"id": "b", "type": "singleline"}]))
    assert definition.field("a").label == "Email"  # type: ignore[union-attr]
    assert definition.field("b").label == "b"  # type: ignore[union-attr]


def test_missing_required_is_false_and_words_are_read() -> None:
    definition = parse_definition(one_section(
        [{"id": "a", "type": "email"}, {"id": "b", "type": "email", "required": "true"},
         {"id": "c", "type": "email", "required": 0}]))
    assert [f.required for f in definition.fields()] == [False, True, False]


def test_a_field_not_wrapped_in_a_row_is_a_row_of_one() -> None:
    definition = parse_definition(one_section({"id": "a", "type": "email"},
                                              [{"id": "b", "type": "phone"}]))
    assert [[f.id for f in row] for row in definition.sections[0].rows] == [["a"], ["b"]]


def test_numeric_ids_become_text_and_type_spellings_are_understood() -> None:
    definition = parse_definition(one_section([{"id": 7, "type": "First_Name"},
                                               {"id": "x", "type": "opt_in"}]))
    seven = definition.field("7")
    assert seven is not None
    assert (seven.type, seven.kind, seven.known) == ("First_Name", "firstname", True)
    assert definition.field("x").kind == "opt-in"  # type: ignore[union-attr]


def test_options_as_strings_or_objects() -> None:
    definition = parse_definition(one_section([{"id": "d", "type": "dropdown", "options": [
        "Plain", 3, {"value": "v", "label": "Value and label"}, {"id": "i", "name": "Id and name"},
        {"label": "Only a label"}, None, {"nothing": 1}]}]))
    assert definition.field("d").options == (  # type: ignore[union-attr]
        FieldOption("Plain", "Plain"), FieldOption("3", "3"), FieldOption("v", "Value and label"),
        FieldOption("i", "Id and name"), FieldOption("Only a label", "Only a label"))


def test_title_and_status_with_options_become_choices() -> None:
    definition = parse_definition(one_section([{"id": "t", "type": "title",
                                                "options": ["Mr", "Ms"]},
                                               {"id": "s", "type": "status"}]))
    assert definition.field("t").has_choices  # type: ignore[union-attr]
    assert not definition.field("s").has_choices  # type: ignore[union-attr]


def test_unknown_types_are_kept_with_a_note() -> None:
    definition = parse_definition(every_type())
    signature = definition.field("f15")
    assert signature is not None
    assert not signature.known
    assert definition.notes == ('The field "Signature" has a type Frontdesk does not know '
                                "(signature); it is shown as a text line.",)


def test_a_field_without_type_is_a_text_line() -> None:
    field = parse_definition(one_section([{"id": "a"}])).field("a")
    assert field is not None
    assert (field.type, field.known) == ("singleline", True)


def test_a_section_without_fields_is_empty_not_an_error() -> None:
    definition = parse_definition({"sections": [{"type": "fields", "title": "Empty"},
                                                {"fields": [[{"id": "a", "type": "email"}]]}]})
    assert [len(s.rows) for s in definition.sections] == [0, 1]


def test_lone_surrogates_in_text_are_replaced() -> None:
    definition = parse_definition(one_section([{"id": "a", "label": "Bad \ud800 label"}]))
    definition.field("a").label.encode("utf-8")  # type: ignore[union-attr]


@pytest.mark.parametrize(("raw", "sentence"), [
    (["not", "an", "object"], "This service's booking form could not be read: the answer is "
                              "not a form definition."),
    ({"title": "No sections"}, "This service's booking form could not be read: it has no "
                               "sections."),
    ({"sections": []}, "This service's booking form could not be read: it has no sections."),
    ({"sections": "fields"}, "This service's booking form could not be read: it has no "
                             "sections."),
    (one_section([{"id": "a"}], [{"id": "b"}, {"label": "Phone", "type": "phone"}]),
     "This service's booking form could not be read: field 3 in section \"Client info\" "
     "has no id."),
    ({"sections": [{"title": "Client info", "fields": {"id": "a"}}]},
     "This service's booking form could not be read: the fields of section \"Client info\" "
     "are not a list."),
    ({"sections": [{"fields": [[{"id": "d", "label": "Colour", "type": "dropdown",
                                 "options": "red, green"}]]}]},
     "This service's booking form could not be read: the choices of the list \"Colour\" "
     "(field 1 in section 1) are not a list."),
    (one_section([{"id": "a"}], [{"id": "a", "type": "email"}]),
     "This service's booking form could not be read: field 2 in section \"Client info\" has "
     "the id \"a\", already used by field 1 in section \"Client info\"."),
    ({"sections": ["text"]}, "This service's booking form could not be read: section 1 is "
                             "not a section."),
    (one_section(["text"]), "This service's booking form could not be read: field 1 in "
                            "section \"Client info\" is not a field."),
])
def test_strict_cases_raise_a_plain_sentence(raw: Any, sentence: str) -> None:
    with pytest.raises(FormDefinitionError) as caught:
        parse_definition(raw)
    assert str(caught.value) == sentence
    assert caught.value.problems


def test_every_problem_is_listed_for_the_log() -> None:
    raw = one_section([{"label": "x"}], [{"id": 1}, {"id": "1"}], "junk")
    with pytest.raises(FormDefinitionError) as caught:
        parse_definition(raw)
    assert caught.value.problems == [
        'field 1 in section "Client info" has no id',
        'field 3 in section "Client info" has the id "1", already used by field 2 in '
        'section "Client info"',
        'field 4 in section "Client info" is not a field',
    ]
    assert str(caught.value).endswith("has no id (and 2 more problems).")
