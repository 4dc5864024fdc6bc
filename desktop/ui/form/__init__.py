"""Widgets of the form generated from a service's scheduling form definition."""

from desktop.ui.form.editors import EDITORS, FieldEditor, LineEditor, make_editor
from desktop.ui.form.error_view import FormErrorView, form_or_error
from desktop.ui.form.generated_form import GeneratedForm

__all__ = [
    "EDITORS",
    "FieldEditor",
    "FormErrorView",
    "GeneratedForm",
    "LineEditor",
    "form_or_error",
    "make_editor",
]
