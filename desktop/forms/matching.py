"""Find the form field an API complaint is about ("First name can't be blank" → the
``firstname`` field), so the message can be shown under that field."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.forms.definition import FormDefinition, canonical_kind

# How API messages name a type in plain words, beyond its label.
_TYPE_WORDS: Mapping[str, tuple[str, ...]] = {
    "firstname": ("first name", "first_name", "firstname"),
    "lastname": ("last name", "last_name", "lastname"),
    "email": ("email", "e-mail"),
    "phone": ("phone", "mobile"),
    "opt-in": ("opt-in", "opt in", "optin"),
    "address": ("address",),
    "datepicker": ("date",),
}


def find_field_id(definition: FormDefinition, key: str) -> str | None:
    """The id of the field that ``key`` names: a field id, a label, a type (any spelling),
    or a sentence starting with a label or a type's words. ``None`` when nothing matches."""
    key = key.strip()
    if not key:
        return None
    if definition.field(key) is not None:
        return key
    wanted = key.casefold()
    fields = list(definition.fields())
    for field in fields:
        if field.label.casefold() == wanted:
            return field.id
    kind = canonical_kind(key)
    for field in fields:
        if field.kind == kind or field.type.casefold() == wanted:
            return field.id
    best: tuple[int, str] | None = None
    for field in fields:
        label = field.label.casefold()
        if label and _starts_with_words(wanted, label) and (best is None or len(label) > best[0]):
            best = (len(label), field.id)
    if best is not None:
        return best[1]
    for field in fields:
        for words in _TYPE_WORDS.get(field.kind, ()):
            if _starts_with_words(wanted, words):
                return field.id
    return None


def _starts_with_words(text: str, prefix: str) -> bool:
    """``text`` starts with ``prefix`` followed by a word boundary ("Email is…", not "Emailing")."""
    return text.startswith(prefix) and (len(text) == len(prefix) or not text[len(prefix)].isalnum())
