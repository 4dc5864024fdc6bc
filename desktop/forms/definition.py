"""Read a scheduling form definition (see ../shared/API.md, "Scheduling form definition").

The definition comes from the business's own settings, so it is read liberally where a
guess is harmless (a missing label, a missing ``required``, a field not wrapped in a row,
an unknown type) and strictly where a guess would send wrong data or hide a field (no id,
duplicate ids, fields or options that are not lists). Every complaint is a plain sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from desktop.api.models import SchedulingForm
from desktop.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger("desktop.forms")

#: Every field type named in API.md, spelled as the API spells it.
KNOWN_TYPES: frozenset[str] = frozenset({
    "singleline", "multiline", "dropdown", "datepicker", "checkbox", "address", "identifier",
    "email", "firstname", "lastname", "phone", "opt-in", "name", "policy", "status", "title",
    "subject", "documents",
})

#: Types shown as a list of choices when the definition gives them ``options``.
CHOICE_CAPABLE_TYPES: frozenset[str] = frozenset({"title", "status"})

#: A label to show when the definition gives none, for types where one is obvious (English;
#: shown as ``translate("FormLabels", label)``).
DEFAULT_LABELS: Mapping[str, str] = {
    "email": QT_TRANSLATE_NOOP("FormLabels", "Email"),
    "firstname": QT_TRANSLATE_NOOP("FormLabels", "First name"),
    "lastname": QT_TRANSLATE_NOOP("FormLabels", "Last name"),
    "phone": QT_TRANSLATE_NOOP("FormLabels", "Phone"),
    "address": QT_TRANSLATE_NOOP("FormLabels", "Address"),
    "name": QT_TRANSLATE_NOOP("FormLabels", "Name"),
    "title": QT_TRANSLATE_NOOP("FormLabels", "Title"),
    "subject": QT_TRANSLATE_NOOP("FormLabels", "Subject"),
    "status": QT_TRANSLATE_NOOP("FormLabels", "Status"),
    "documents": QT_TRANSLATE_NOOP("FormLabels", "Documents"),
    "opt-in": QT_TRANSLATE_NOOP("FormLabels", "Opt in"),
    "policy": QT_TRANSLATE_NOOP("FormLabels", "Policy"),
}

#: The section type whose multiline text is sent as ``others.notes``.
NOTES_SECTION_TYPE = "message_info"

# "first_name", "First-Name" and "firstname" all mean the same kind of field.
_KIND_BY_SQUASHED: dict[str, str] = {
    kind.replace("-", ""): kind for kind in KNOWN_TYPES
}
_KIND_BY_SQUASHED.update({"optin": "opt-in", "text": "singleline", "textarea": "multiline",
                          "date": "datepicker", "select": "dropdown"})

_TRUE_WORDS = frozenset({"true", "1", "yes", "on", "checked", "y"})


class FormDefinitionError(ValueError):
    """The definition cannot be shown safely. ``str(error)`` is for the receptionist;
    ``problems`` lists every problem found, for the log."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems) or [translate("FormDefinition", "the definition is empty")]
        first = self.problems[0]
        more = len(self.problems) - 1
        if more == 0:
            text = translate("FormDefinition",
                             "This service's booking form could not be read: {problem}.")
        elif more == 1:
            text = translate("FormDefinition", "This service's booking form could not be read: "
                                               "{problem} (and 1 more problem).")
        else:
            text = translate("FormDefinition", "This service's booking form could not be read: "
                                               "{problem} (and {more} more problems).")
        self.message = text.format(problem=first, more=more)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class FieldOption:
    """One choice of a dropdown: ``value`` is sent, ``label`` is shown."""

    value: str
    label: str


@dataclass(frozen=True, slots=True)
class FormField:
    id: str
    label: str
    #: The type exactly as the definition spells it (sent back as ``form_data.fields[].type``).
    type: str
    #: The canonical API type used to pick a widget and rules (``first_name`` → ``firstname``);
    #: for an unknown type, the type itself, lower-cased.
    kind: str
    required: bool = False
    default_value: str | bool | None = None
    options: tuple[FieldOption, ...] = ()
    #: The policy text (the definition puts it in ``default_value``); empty for other types.
    text: str = ""
    known: bool = True
    #: The ``type`` of the section holding the field (``message_info`` marks the notes).
    section_type: str = ""

    @property
    def has_choices(self) -> bool:
        """Filled by picking an option: a dropdown, or a title/status that lists options."""
        return self.kind == "dropdown" or bool(self.options)

    @property
    def is_notes(self) -> bool:
        """A multiline in the message_info section: sent as ``others.notes``."""
        return self.section_type == NOTES_SECTION_TYPE and self.kind == "multiline"


@dataclass(frozen=True, slots=True)
class FormSection:
    type: str
    title: str
    rows: tuple[tuple[FormField, ...], ...]


@dataclass(frozen=True, slots=True)
class FormDefinition:
    title: str
    sections: tuple[FormSection, ...]
    #: Sentences about what could not be shown as intended (unknown types).
    notes: tuple[str, ...] = ()
    _by_id: dict[str, FormField] = dataclass_field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._by_id:
            self._by_id.update({f.id: f for f in self.fields()})

    def fields(self) -> Iterator[FormField]:
        """Every field in reading order."""
        for section in self.sections:
            for row in section.rows:
                yield from row

    def field(self, field_id: str) -> FormField | None:
        return self._by_id.get(field_id)


def canonical_kind(type_name: str) -> str:
    """The API type a spelling stands for (``"First_Name"`` → ``"firstname"``), or the
    lower-cased name itself when Frontdesk does not know it."""
    lowered = type_name.strip().lower()
    return _KIND_BY_SQUASHED.get(lowered.replace("_", "").replace("-", "").replace(" ", ""),
                                 lowered)


def default_label(kind: str) -> str:
    """The label a field of ``kind`` gets when the definition gives none ('' if none fits)."""
    label = DEFAULT_LABELS.get(kind)
    return translate("FormLabels", label) if label else ""


def parse_definition(raw: SchedulingForm | Mapping[str, Any] | Any) -> FormDefinition:
    """Turn the API's definition into a :class:`FormDefinition`.

    Raises :class:`FormDefinitionError` when the form cannot be shown safely.
    """
    if isinstance(raw, SchedulingForm):
        raw = raw.model_dump()
    if not isinstance(raw, Mapping):
        raise FormDefinitionError([translate("FormDefinition",
                                             "the answer is not a form definition")])
    # Liberal: accept the whole response envelope too.
    if "sections" not in raw and isinstance(raw.get("data"), Mapping):
        raw = raw["data"]
    sections_raw = raw.get("sections")
    if not isinstance(sections_raw, list) or not sections_raw:
        raise FormDefinitionError([translate("FormDefinition", "it has no sections")])

    problems: list[str] = []
    notes: list[str] = []
    seen: dict[str, str] = {}
    sections: list[FormSection] = []
    for s_index, section_raw in enumerate(sections_raw, start=1):
        section = _parse_section(s_index, section_raw, problems, notes, seen)
        if section is not None:
            sections.append(section)
    if problems:
        raise FormDefinitionError(problems)
    return FormDefinition(title=_text(raw.get("title")), sections=tuple(sections),
                          notes=tuple(notes))


def _parse_section(index: int, raw: Any, problems: list[str], notes: list[str],
                   seen: dict[str, str]) -> FormSection | None:
    if not isinstance(raw, Mapping):
        problems.append(translate("FormDefinition", "section {number} is not a section").format(
            number=index))
        return None
    section_type = _text(raw.get("type")).strip()
    title = _text(raw.get("title")).strip()
    where = (translate("FormDefinition", 'section "{title}"').format(title=title) if title
             else translate("FormDefinition", "section {number}").format(number=index))
    fields_raw = raw.get("fields")
    if fields_raw is None:  # A section with nothing in it hides nothing.
        fields_raw = []
    if not isinstance(fields_raw, list):
        problems.append(translate("FormDefinition", "the fields of {section} are not a list")
                        .format(section=where))
        return None

    rows: list[tuple[FormField, ...]] = []
    number = 0
    for row_raw in fields_raw:
        # Liberal: a field not wrapped in a row list is a row of one.
        cells = row_raw if isinstance(row_raw, list) else [row_raw]
        row: list[FormField] = []
        for cell in cells:
            number += 1
            parsed = _parse_field(number, where, section_type, cell, problems, notes, seen)
            if parsed is not None:
                row.append(parsed)
        if row:
            rows.append(tuple(row))
    return FormSection(type=section_type, title=title, rows=tuple(rows))


def _parse_field(number: int, where: str, section_type: str, raw: Any, problems: list[str],
                 notes: list[str], seen: dict[str, str]) -> FormField | None:
    name = translate("FormDefinition", "field {number} in {section}").format(number=number,
                                                                              section=where)
    if not isinstance(raw, Mapping):
        problems.append(translate("FormDefinition", "{field} is not a field").format(field=name))
        return None
    field_id = _identifier(raw.get("id"))
    if field_id is None:
        problems.append(translate("FormDefinition", "{field} has no id").format(field=name))
        return None
    if field_id in seen:
        problems.append(translate("FormDefinition", '{field} has the id "{id}", already used by '
                                                    "{other}").format(field=name, id=field_id,
                                                                      other=seen[field_id]))
        return None
    seen[field_id] = name

    type_raw = raw.get("type")
    type_name = _text(type_raw).strip() if type_raw is not None else ""
    if not type_name:
        type_name = "singleline"  # No type: a text line is the harmless guess.
    kind = canonical_kind(type_name)
    known = kind in KNOWN_TYPES
    label = _text(raw.get("label")).strip() or default_label(kind) or field_id
    if not known:
        notes.append(translate("FormDefinition", 'The field "{label}" has a type Frontdesk does '
                                                 "not know ({type}); it is shown as a text "
                                                 "line.").format(label=label, type=type_name))

    default_raw = raw.get("default_value")
    default: str | bool | None
    if isinstance(default_raw, bool) or default_raw is None:
        default = default_raw
    else:
        default = _text(default_raw)

    options: tuple[FieldOption, ...] = ()
    options_raw = raw.get("options")
    if kind == "dropdown" and not isinstance(options_raw, list):
        problems.append(translate("FormDefinition", 'the choices of the list "{label}" '
                                                    "({field}) are not a list").format(
            label=label, field=name))
        return None
    # Other types may carry choices too (the sample form's "title" and "status" do); the
    # API then accepts only those, so they are offered as a list. Anything else is ignored.
    if isinstance(options_raw, list) and (kind == "dropdown" or kind in CHOICE_CAPABLE_TYPES):
        options = tuple(o for o in map(_option, options_raw) if o is not None)
        if len(options) < len(options_raw):
            log.warning("form field %s: %d unreadable option(s) left out",
                        field_id, len(options_raw) - len(options))

    text = ""
    if kind == "policy":
        text = _text(default_raw if default_raw is not None else
                     raw.get("text", raw.get("description")))
        default = None  # The policy's "default" is its text, never a pre-ticked box.

    return FormField(id=field_id, label=label, type=type_name, kind=kind,
                     required=_truthy(raw.get("required")), default_value=default,
                     options=options, text=text, known=known, section_type=section_type)


def _option(raw: Any) -> FieldOption | None:
    if isinstance(raw, Mapping):
        value = _first_text(raw, ("value", "id", "key", "name", "label", "text"))
        label = _first_text(raw, ("label", "name", "text", "title", "value", "id", "key"))
        if value is None or label is None:
            return None
        return FieldOption(value=value, label=label)
    if isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
        text = _text(raw)
        return FieldOption(value=text, label=text) if text.strip() else None
    return None


def _first_text(raw: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = raw.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = _text(value)
            if text.strip():
                return text
    return None


def _identifier(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return _text(value.strip())
    return None


def _truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_WORDS
    return False


def _text(value: Any) -> str:
    """Any JSON scalar as display text; lone surrogates (legal in JSON escapes, fatal to Qt)
    become replacement marks."""
    if value is None or isinstance(value, (list, dict)):
        return ""
    text = value if isinstance(value, str) else str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text
