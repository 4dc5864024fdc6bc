"""Scheduling form definitions: parse them (no Qt), validate typed values, build form_data."""

from desktop.forms.definition import (
    KNOWN_TYPES,
    FieldOption,
    FormDefinition,
    FormDefinitionError,
    FormField,
    FormSection,
    canonical_kind,
    parse_definition,
)
from desktop.forms.matching import find_field_id
from desktop.forms.values import (
    MEETING_DETAILS_ID,
    MEETING_LABELS,
    FieldProblem,
    FormValue,
    FormValues,
    MeetingKind,
    build_form_data,
    default_value,
    meeting_kind_for,
    meeting_label,
    validate_values,
)

__all__ = [
    "KNOWN_TYPES",
    "MEETING_DETAILS_ID",
    "MEETING_LABELS",
    "FieldOption",
    "FieldProblem",
    "FormDefinition",
    "FormDefinitionError",
    "FormField",
    "FormSection",
    "FormValue",
    "FormValues",
    "MeetingKind",
    "build_form_data",
    "canonical_kind",
    "default_value",
    "find_field_id",
    "meeting_kind_for",
    "meeting_label",
    "parse_definition",
    "validate_values",
]
