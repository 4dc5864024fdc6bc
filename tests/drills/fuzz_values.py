"""Hypothesis strategies for the fuzz drills: JSON a broken or hostile server might send,
shaped after each response model's own fields (right keys, wrong or odd values), and form
definitions that are mostly well formed with odd parts."""

from __future__ import annotations

import types
import typing
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st
from pydantic import AliasChoices, BaseModel

from desktop.forms import KNOWN_TYPES

ODD_TEXT = ["", " ", "null", "None", "NaN", "0", "-1", "1e309", "\u202e", "\x00", "é" * 3,
            "2030-02-30T10:00:00", "10:00", "2030-01-01", "2030-01-01T10:00:00",
            "2030-01-01T10:00:00Z", "2030-01-01T10:00:00+14:00", "0001-01-01T00:00:00+05:00",
            "9999-12-31T23:59:59-05:00", "1970-01-01T00:00:00+00:00", "scheduled",
            "cancelled", "EventService", "AppointmentService", "phone_call"]

scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=16)
           | st.sampled_from(ODD_TEXT))
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=10) | st.sampled_from(["id", "data", "status"]),
                      inner, max_size=4),
    max_leaves=20)


def _aware_datetimes() -> st.SearchStrategy[str]:
    zones = st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=14)),
                             timezone(timedelta(hours=-12, minutes=-30))])
    return st.builds(lambda d, z, naive: (d if naive else d.replace(tzinfo=z)).isoformat(),
                     st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
                     zones, st.booleans())


def _good(annotation: Any, depth: int) -> st.SearchStrategy[Any]:
    """Values of the field's own type (the ones that should mostly parse)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([_good(arg, depth) for arg in typing.get_args(annotation)])
    if annotation is type(None):
        return st.none()
    if origin is list:
        (item,) = typing.get_args(annotation) or (Any,)
        return st.lists(_good(item, depth + 1), max_size=3)
    if origin is dict or annotation is dict:
        return st.dictionaries(st.text(max_size=6), json_values, max_size=3)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_values(annotation, depth + 1) if depth < 2 else st.just({})
    if annotation is str:
        return st.text(max_size=20) | st.sampled_from(ODD_TEXT)
    if annotation is bool:
        return st.booleans() | st.sampled_from(["true", "false", 0, 1, "yes"])
    if annotation is int:
        return st.integers(-(2**63), 2**63) | st.sampled_from(["15", "1.5", 1.0, 1.5, True])
    if annotation is float:
        return st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(["9.99", "x"])
    if annotation is datetime:
        return st.one_of(*([_aware_datetimes()] * 4), st.sampled_from(ODD_TEXT),
                         st.integers(-(2**40), 2**40))
    return json_values


def _keys(name: str, field: Any) -> list[str]:
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return [str(choice) for choice in alias.choices]
    return [name]


def model_values(model: type[BaseModel], depth: int = 0) -> st.SearchStrategy[Any]:
    """A dict with any of the model's keys, each holding a value of its type or anything,
    plus stray keys; now and then not a dict at all."""
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, field in model.model_fields.items():
        good = _good(field.annotation, depth)
        for key in _keys(name, field)[:1] if field.is_required() else _keys(name, field):
            (required if field.is_required() else optional)[key] = st.one_of(
                *([good] * 12), json_values)
    shaped = st.builds(lambda base, extra: {**extra, **base},
                       st.fixed_dictionaries(required, optional=optional),
                       st.dictionaries(st.text(max_size=8), json_values, max_size=2))
    missing = st.fixed_dictionaries({}, optional={**required, **optional})
    return st.one_of(*([shaped] * 12), missing, json_values)


# ---------------------------------------------------------------------- form definitions

FIELD_KEYS = ["id", "label", "type", "required", "default_value", "options"]
form_types = (st.sampled_from(sorted(KNOWN_TYPES))
              | st.sampled_from(["First_Name", "OPT_IN", "signature", "", " ", "EMAIL"])
              | st.text(max_size=8) | scalars)
options = st.lists(st.text(max_size=8) | st.integers() | st.fixed_dictionaries(
    {}, optional={"value": scalars, "label": scalars, "id": scalars, "name": scalars})
    | json_values, max_size=5) | json_values


@st.composite
def form_definitions(draw: st.DrawFn) -> Any:
    """Mostly well-formed skeletons (unique ids) with odd values and occasional broken
    parts; a few times in ten, anything at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values)
    made = 0
    sections: list[Any] = []
    for _ in range(draw(st.integers(0, 4))):
        rows: list[Any] = []
        for _ in range(draw(st.integers(0, 5))):
            row: list[Any] = []
            for _ in range(draw(st.integers(1, 4))):
                made += 1
                field: dict[str, Any] = draw(st.fixed_dictionaries({}, optional={
                    "label": scalars, "type": form_types, "required": scalars,
                    "default_value": scalars | st.sampled_from(["2024-02-29", "true", "x"]),
                    "options": options}))
                field["id"] = f"f{made}" if draw(st.integers(0, 19)) else draw(scalars)
                broken = draw(st.integers(0, 29)) == 0
                row.append(draw(json_values) if broken else field)
            rows.append(row if len(row) > 1 or draw(st.booleans()) else row[0])
        section: Any = {"type": draw(st.sampled_from(["fields", "message_info", "policies",
                                                      "other"]) | scalars),
                        "title": draw(scalars), "fields": rows}
        if draw(st.integers(0, 29)) == 0:
            section = draw(json_values)
        sections.append(section)
    definition: dict[str, Any] = {"title": draw(scalars), "sections": sections}
    if draw(st.integers(0, 9)) == 0:
        definition = {"data": definition}  # the whole envelope's data, not unwrapped
    return definition


#: What a draft saved by some (older, other) Frontdesk might hold for a field.
stored_form_values = st.one_of(st.none(), st.booleans(), st.text(max_size=30), st.integers(),
                               st.dates(), st.sampled_from(["2024-02-29", "a@b.c", "+1 555"]),
                               st.lists(st.text(max_size=5), max_size=3))
