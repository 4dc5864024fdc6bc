"""One editor per field type, and the registry that picks it.

An editor owns the widgets of one field (shown under its label) and reads/writes the field's
typed value (see :mod:`desktop.forms.values`). Editors are plain objects, not QWidgets: a
300-field form must build in a few milliseconds, so no container widget is made that the
column layout can do without. A new type is one entry in :data:`EDITORS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.forms import FormField, FormValue
from desktop.forms.values import as_bool, as_date, option_value
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.form.date_edit import NO_DATE_PY, OptionalDateEdit, Today

#: Policies longer than this are shown in a scrollable box instead of a label.
LONG_POLICY_CHARS = 400
#: Shown as ``translate("FormEditors", ...)``.
CHOOSE_TEXT = QT_TRANSLATE_NOOP("FormEditors", "Choose…")

Slot = Callable[..., None]
W = TypeVar("W", bound=QWidget)
PHONE_PLACEHOLDER = "+1 555 123 4567"
# Enum members looked up once: each Qt enum attribute access costs about a microsecond.
_EMAIL_HINTS = Qt.InputMethodHint.ImhEmailCharactersOnly
DIAL_HINTS = Qt.InputMethodHint.ImhDialableCharactersOnly
_PLAIN = Qt.TextFormat.PlainText
_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
_NOTE_ROLE = QPalette.ColorRole.PlaceholderText


class FieldEditor(Generic[W]):
    """The widgets of one field and its typed value. ``input`` is the interactive widget
    (named ``field-<id>``); ``widgets`` is everything shown under the label, in order.

    ``connect_changed`` hears edits by the receptionist; where the widget has a user-only
    signal (``textEdited``, ``activated``, ``clicked``) it is used, so that filling the
    form from code costs no Python call per field.
    """

    #: Checkboxes carry their label in their own text; the form puts no label above them.
    label_above: ClassVar[bool] = True
    #: Check the format (email, phone) when the receptionist leaves the field.
    check_on_leave: ClassVar[bool] = False

    __slots__ = ("field", "input", "widgets")

    def __init__(self, field: FormField, parent: QWidget) -> None:
        self.field = field
        self.input: W = self._make_input(parent)
        self.widgets: tuple[QWidget, ...] = (self.input,)

    def _make_input(self, parent: QWidget) -> W:
        raise NotImplementedError

    def value(self) -> FormValue:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    @classmethod
    def coerce(cls, field: FormField, value: object) -> FormValue:
        """What ``value()`` would return after ``set_value(value)``, without a widget: the
        form keeps values of rows it has not built yet this way."""
        return value if isinstance(value, str) else "" if value is None else str(value)

    def connect_changed(self, slot: Slot) -> None:
        raise NotImplementedError


class LineEditor(FieldEditor[QLineEdit]):
    """A single text line (names, address, identifier, title, subject, status...)."""

    __slots__ = ()

    def _make_input(self, parent: QWidget) -> QLineEdit:
        return QLineEdit(parent)

    def value(self) -> FormValue:
        return self.input.text()

    def set_value(self, value: object) -> None:
        self.input.setText(value if isinstance(value, str) else "" if value is None
                           else str(value))

    def connect_changed(self, slot: Slot) -> None:
        self.input.textEdited.connect(slot)


class EmailEditor(LineEditor):
    check_on_leave = True
    __slots__ = ()

    def _make_input(self, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setPlaceholderText("name@example.com")
        edit.setInputMethodHints(_EMAIL_HINTS)
        return edit


class PhoneEditor(LineEditor):
    check_on_leave = True
    __slots__ = ()

    def _make_input(self, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(PHONE_PLACEHOLDER)
        edit.setInputMethodHints(DIAL_HINTS)
        return edit


class MultilineEditor(FieldEditor[QPlainTextEdit]):
    __slots__ = ()

    def _make_input(self, parent: QWidget) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field.
        edit.setFixedHeight(72)
        return edit

    def value(self) -> FormValue:
        return self.input.toPlainText()

    def set_value(self, value: object) -> None:
        self.input.setPlainText(value if isinstance(value, str) else "" if value is None
                                else str(value))

    def connect_changed(self, slot: Slot) -> None:
        self.input.textChanged.connect(slot)


class DropdownEditor(FieldEditor[QComboBox]):
    """A combo box of the options; "Choose…" (value ``""``) first unless the field is
    required and already has a default."""

    __slots__ = ("values",)

    def _make_input(self, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        field = self.field
        labels = [option.label for option in field.options]
        values = self.option_values(field)
        if len(values) > len(labels):
            labels.insert(0, translate("FormEditors", CHOOSE_TEXT))
        # One addItems call and a side list of values: addItem(label, data) per option costs
        # ~20 µs each, which adds up on long forms.
        combo.addItems(labels)
        self.values = values
        return combo

    @staticmethod
    def option_values(field: FormField) -> list[str]:
        """The value of each entry, in order ("" for "Choose…" when it is there)."""
        values = [option.value for option in field.options]
        if not (field.required and option_value(field, field.default_value)):
            values.insert(0, "")
        return values

    @classmethod
    def coerce(cls, field: FormField, value: object) -> FormValue:
        values = cls.option_values(field)
        wanted = option_value(field, value)
        return wanted if wanted in values else (values[0] if values else "")

    def value(self) -> FormValue:
        index = self.input.currentIndex()
        return self.values[index] if 0 <= index < len(self.values) else ""

    def set_value(self, value: object) -> None:
        wanted = option_value(self.field, value)
        self.input.setCurrentIndex(self.values.index(wanted) if wanted in self.values else 0)

    def connect_changed(self, slot: Slot) -> None:
        self.input.activated.connect(slot)


class DateEditor(FieldEditor[OptionalDateEdit]):
    __slots__ = ()

    def _make_input(self, parent: QWidget) -> OptionalDateEdit:
        edit = OptionalDateEdit(parent)  # the form gives it its clock's today (use_today)
        edit.setToolTip(translate("FormEditors", "Press Delete to leave the date empty."))
        return edit

    def value(self) -> FormValue:
        return self.input.date_or_none()

    def set_value(self, value: object) -> None:
        self.input.set_date_or_none(as_date(value))

    @classmethod
    def coerce(cls, field: FormField, value: object) -> FormValue:
        day = as_date(value)
        # The edit's range starts at its "no date" day: anything earlier reads as empty.
        return None if day is None or day <= NO_DATE_PY else day

    def use_today(self, today: Today) -> None:
        """Where opening or stepping from empty starts: today on the app's clock."""
        self.input.today = today

    def connect_changed(self, slot: Slot) -> None:
        self.input.dateChanged.connect(slot)


class CheckEditor(FieldEditor[QCheckBox]):
    label_above = False
    __slots__ = ()

    def _make_input(self, parent: QWidget) -> QCheckBox:
        return QCheckBox(self.field.label + (" *" if self.field.required else ""), parent)

    def value(self) -> FormValue:
        return self.input.isChecked()

    def set_value(self, value: object) -> None:
        self.input.setChecked(as_bool(value))

    @classmethod
    def coerce(cls, field: FormField, value: object) -> FormValue:
        return as_bool(value)

    def connect_changed(self, slot: Slot) -> None:
        self.input.clicked.connect(slot)


class PolicyEditor(CheckEditor):
    """The policy text (read-only, wrapped, scrollable when long) and an "I agree" box."""

    label_above = True
    __slots__ = ()

    def __init__(self, field: FormField, parent: QWidget) -> None:
        super().__init__(field, parent)
        text = field.text.strip() or translate("FormEditors",
                                               "(The business gave no text for this policy.)")
        shown: QWidget
        if len(text) > LONG_POLICY_CHARS:
            box = QPlainTextEdit(text, parent)
            box.setReadOnly(True)
            box.setTabChangesFocus(True)
            box.setFixedHeight(110)
            shown = box
        else:
            label = QLabel(text, parent)
            label.setWordWrap(True)
            label.setTextFormat(_PLAIN)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(_TOP_LEFT)
            shown = label
        shown.setObjectName(f"policy-text-{field.id}")
        shown.setAccessibleName(translate("FormEditors", "{label}: text of the policy").format(
            label=field.label))
        self.widgets = (shown, self.input)

    def _make_input(self, parent: QWidget) -> QCheckBox:
        return QCheckBox(translate("FormEditors", "I agree") + (" *" if self.field.required
                                                                else ""), parent)


class _NotedLineEditor(LineEditor):
    """A text line with a small note under it."""

    __slots__ = ()

    def _note(self) -> str:
        raise NotImplementedError

    def __init__(self, field: FormField, parent: QWidget) -> None:
        super().__init__(field, parent)
        note = QLabel(self._note(), parent)
        note.setWordWrap(True)
        note.setTextFormat(_PLAIN)
        note.setObjectName(f"note-{field.id}")
        # Greyed like a placeholder: a remark, not a value (a style sheet costs 30 µs each).
        note.setForegroundRole(_NOTE_ROLE)
        self.widgets = (self.input, note)


class DocumentsEditor(_NotedLineEditor):
    """Files cannot travel in a booking's form_data, so the desk notes what the client will
    bring or send instead of pretending to attach a file."""

    __slots__ = ()

    def _note(self) -> str:
        return translate("FormEditors", "Files can't be uploaded from the front desk: note what "
                                        "the client will bring or send.")


class UnknownEditor(_NotedLineEditor):
    __slots__ = ()

    def _note(self) -> str:
        return translate("FormEditors", "Frontdesk does not know this type of field ({type}): "
                                        "typed as text.").format(type=self.field.type)


EditorFactory = Callable[[FormField, QWidget], FieldEditor[Any]]

#: Field type (canonical, see ``desktop.forms.canonical_kind``) → editor. Anything not
#: listed gets :class:`UnknownEditor`.
EDITORS: dict[str, EditorFactory] = {
    "singleline": LineEditor,
    "identifier": LineEditor,
    "address": LineEditor,
    "firstname": LineEditor,
    "lastname": LineEditor,
    "name": LineEditor,
    "title": LineEditor,
    "subject": LineEditor,
    "status": LineEditor,
    "multiline": MultilineEditor,
    "email": EmailEditor,
    "phone": PhoneEditor,
    "dropdown": DropdownEditor,
    "datepicker": DateEditor,
    "checkbox": CheckEditor,
    "opt-in": CheckEditor,
    "policy": PolicyEditor,
    "documents": DocumentsEditor,
}


def editor_class(field: FormField) -> type[FieldEditor[Any]]:
    """The editor class that ``make_editor`` makes for ``field`` (for its ``coerce``; a
    factory that is not a class counts as a text line)."""
    if field.has_choices:
        return DropdownEditor
    factory = EDITORS.get(field.kind) if field.known else None
    if factory is None:
        return UnknownEditor
    return factory if isinstance(factory, type) and issubclass(factory, FieldEditor) \
        else LineEditor


def make_editor(field: FormField, parent: QWidget) -> FieldEditor[Any]:
    if field.has_choices:
        return DropdownEditor(field, parent)
    factory = EDITORS.get(field.kind) if field.known else None
    return (factory or UnknownEditor)(field, parent)
