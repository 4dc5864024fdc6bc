"""The booking form built from a service's scheduling form definition."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.api.models import FormData
from desktop.forms import (
    MEETING_DETAILS_ID,
    FieldProblem,
    FormDefinition,
    FormField,
    FormValue,
    MeetingKind,
    build_form_data,
    default_value,
    find_field_id,
    meeting_label,
    validate_values,
)
from desktop.forms.values import check_field, check_meeting_details
from desktop.ui.form.date_edit import Today, clock_today
from desktop.ui.form.editors import (
    FieldEditor,
    editor_class,
)
from desktop.ui.form.rows import EAGER_FIELDS, RowBuilding, required_description
from desktop.ui.style import Tone, text_style, tone_style

_PLAIN = Qt.TextFormat.PlainText
_MEETING_KEYS = frozenset({MEETING_DETAILS_ID, "meeting_details", "meeting_interaction_details",
                           "meeting details"})


class GeneratedForm(RowBuilding, QWidget):
    """Sections in order, each row's fields side by side, label above each widget.

    Every input is named ``field-<id>`` (accessible name: its label); its inline error label
    is ``error-<id>`` and stays hidden until needed. ``sig_changed`` fires on every edit by
    the receptionist, not when the form itself is filled by :meth:`set_values`/:meth:`reset`.

    Rows past the first :data:`EAGER_FIELDS` fields are built shortly after, in idle
    batches; until a field's widgets exist its value is kept here (what ``values()`` returns
    is the same either way), and anything that needs the widget (an error, focus) builds the
    rest at once. :attr:`fully_built` tells whether every widget exists; :meth:`build_all`
    finishes now.
    """

    sig_changed = Signal()

    def __init__(self, definition: FormDefinition, meeting_kind: MeetingKind | None = None,
                 parent: QWidget | None = None, *, today: Today | None = None) -> None:
        super().__init__(parent)
        self.definition = definition
        #: Today on the app's clock (``date_edit.clock_today``): date fields start there.
        self._today = today or clock_today()
        self.meeting_kind: MeetingKind | None = meeting_kind
        self._editors: dict[str, FieldEditor[Any]] = {}
        #: Where each field's error label goes: (row grid, grid row, grid column).
        self._slots: dict[str, tuple[QGridLayout, int, int, int]] = {}
        self._errors: dict[str, QLabel] = {}
        self._meeting: QLineEdit | None = None
        self._quiet = False
        #: Rows (and the meeting line) not built yet, in reading order.
        self._jobs: deque[tuple[QGridLayout, int, tuple[FormField, ...] | None]] = deque()
        #: Next free grid line of each section's grid.
        self._lines: dict[int, int] = {}
        #: Raw values of fields whose widgets do not exist yet (as given to set_value).
        self._unbuilt: dict[str, tuple[FormField, object]] = {}
        self._meeting_text = ""
        self._has_meeting = meeting_kind is not None and bool(definition.sections)
        self._batch_timer = QTimer(self)
        self._batch_timer.setSingleShot(True)
        self._batch_timer.setInterval(0)
        self._batch_timer.timeout.connect(self._build_batch)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self._notes_banner = QLabel("\n".join(definition.notes), self)
        self._notes_banner.setObjectName("form-notes")
        self._notes_banner.setWordWrap(True)
        self._notes_banner.setTextFormat(Qt.TextFormat.PlainText)
        self._notes_banner.setStyleSheet(tone_style("form-notes", Tone.WARNING, radius=4,
                                                    padding=6))
        self._notes_banner.setVisible(bool(definition.notes))
        outer.addWidget(self._notes_banner)
        self._form_error = QLabel(self)
        self._form_error.setObjectName("form-error-top")
        self._form_error.setWordWrap(True)
        self._form_error.setTextFormat(Qt.TextFormat.PlainText)
        self._error_style = text_style(Tone.ERROR)
        self._form_error.setStyleSheet(self._error_style)
        self._form_error.hide()
        outer.addWidget(self._form_error)

        self._scroll = QScrollArea(self)
        self._scroll.setAccessibleName(self.tr("Booking form"))
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self._scroll, 1)
        content = QWidget()
        content.setObjectName("form-content")
        self._content = content
        # Set before filling: given a finished page, setWidget would lay all of it out now,
        # and again when shown (about a third of a 300-field form's build time).
        self._scroll.setWidget(content)
        body = QVBoxLayout(content)
        body.setContentsMargins(12, 8, 12, 12)
        body.setSpacing(10)
        self._build(body)
        body.addStretch(1)
        self._fill_defaults()
        self._build_rows(EAGER_FIELDS)

    # ------------------------------------------------------------------ values

    @property
    def notes(self) -> list[str]:
        """What could not be shown as intended (unknown field types)."""
        return list(self.definition.notes)

    def values(self) -> dict[str, FormValue]:
        """Typed values by field id: str, bool, or ``datetime.date | None`` for dates."""
        if not self._unbuilt:
            return {field_id: editor.value() for field_id, editor in self._editors.items()}
        editors = self._editors
        unbuilt = self._unbuilt
        out: dict[str, FormValue] = {}
        for field in self.definition.fields():  # reading order, as when all are built
            field_id = field.id
            editor = editors.get(field_id)
            if editor is not None:
                out[field_id] = editor.value()
            elif field_id in unbuilt:
                out[field_id] = editor_class(field).coerce(field, unbuilt[field_id][1])
        return out

    def set_values(self, values: Mapping[str, object]) -> None:
        """Fill the form (e.g. from a draft). Unknown ids are ignored; ``sig_changed`` is not
        emitted. The meeting details may be given under ``"meeting-details"``."""
        self._quiet = True
        try:
            unbuilt = self._unbuilt
            for field_id, value in values.items():
                editor = self._editors.get(field_id)
                if editor is not None:
                    editor.set_value(value)
                elif field_id in unbuilt:
                    unbuilt[field_id] = (unbuilt[field_id][0], value)
                elif field_id == MEETING_DETAILS_ID and self._has_meeting:
                    text = value if isinstance(value, str) else ""
                    if self._meeting is not None:
                        self._meeting.setText(text)
                    else:
                        self._meeting_text = text
        finally:
            self._quiet = False

    def meeting_details(self) -> str | None:
        if not self._has_meeting:
            return None
        text = self._meeting.text() if self._meeting is not None else self._meeting_text
        return text.strip() or None

    def reset(self) -> None:
        """Back to the definition's defaults, errors hidden: ready for the next client."""
        self._quiet = True
        try:
            for editor in self._editors.values():
                editor.set_value(default_value(editor.field))
            unbuilt = self._unbuilt
            for field_id, (field, _) in unbuilt.items():
                unbuilt[field_id] = (field, default_value(field))
            self._meeting_text = ""
            if self._meeting is not None:
                self._meeting.clear()
        finally:
            self._quiet = False
        self.clear_errors()

    def build_form_data(self) -> FormData:
        return build_form_data(self.definition, self.values(), self.meeting_details())

    # ------------------------------------------------------------------ errors

    def validate(self) -> list[FieldProblem]:
        """Check every field, show each problem under its field, focus the first one."""
        self.clear_errors()
        problems = validate_values(self.definition, self.values(), self.meeting_kind,
                                   self.meeting_details())
        for problem in problems:
            self._show_error(problem.field_id, problem.message)
        if problems:
            self.focus_field(problems[0].field_id)
        return problems

    def show_field_error(self, key: str, message: str) -> bool:
        """Show ``message`` under the field ``key`` names: a field id, a label, a type, or
        the API's own sentence ("First name can't be blank"). False if none matched."""
        field_id = self._match(key)
        if field_id is None:
            return False
        self._show_error(field_id, message)
        self._scroll.ensureWidgetVisible(self._input(field_id))
        return True

    def clear_errors(self) -> None:
        for field_id in list(self._errors):
            self._hide_error(field_id)
        self.show_form_error("")

    def show_form_error(self, message: str) -> None:
        """A complaint about the form as a whole (or naming no field of it), at its top."""
        self._form_error.setText(message)
        self._form_error.setVisible(bool(message))
        self._form_error.setAccessibleName(message)

    def form_error(self) -> str:
        return self._form_error.text() if not self._form_error.isHidden() else ""

    def focus_field(self, field_id: str) -> None:
        widget = self._input(field_id)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(widget)

    def error_text(self, field_id: str) -> str | None:
        """The inline error shown under a field, if any (for tests and the main window)."""
        label = self._errors.get(field_id)
        return label.text() if label is not None and not label.isHidden() else None

    def _match(self, key: str) -> str | None:
        wanted = key.strip()
        if self._has_meeting:
            folded = wanted.casefold()
            label = meeting_label(self.meeting_kind or "address").casefold()
            if (folded in _MEETING_KEYS or folded.startswith("meeting")
                    or folded.startswith(label)):
                return MEETING_DETAILS_ID
        return find_field_id(self.definition, wanted)

    def _input(self, field_id: str) -> QWidget:
        if not self.fully_built:
            self.build_all()  # an error or focus needs the widget, and those before it
        if field_id == MEETING_DETAILS_ID and self._meeting is not None:
            return self._meeting
        widget: QWidget = self._editors[field_id].input
        return widget

    def _show_error(self, field_id: str, message: str) -> None:
        if not self.fully_built:
            self.build_all()
        label = self._errors.get(field_id)
        if label is None:
            # Made on first need: most fields never show an error, and a 300-field form
            # must build fast.
            label = QLabel(self._content)
            label.setObjectName(f"error-{field_id}")
            label.setWordWrap(True)
            label.setTextFormat(_PLAIN)
            label.setStyleSheet(self._error_style)
            grid, line, column, width = self._slots[field_id]
            grid.addWidget(label, line, column, 1, width)
            self._errors[field_id] = label
        label.setText(message)
        label.show()
        widget = self._input(field_id)
        required = (field_id == MEETING_DETAILS_ID
                    or (field_id in self._editors and self._editors[field_id].field.required))
        prefix = f"{required_description()}. " if required else ""
        widget.setAccessibleDescription(prefix + message)

    def _hide_error(self, field_id: str) -> None:
        label = self._errors.get(field_id)
        if label is None or label.isHidden():
            return
        label.hide()
        required = (field_id == MEETING_DETAILS_ID
                    or (field_id in self._editors and self._editors[field_id].field.required))
        self._input(field_id).setAccessibleDescription(required_description() if required
                                                       else "")

    def _check_one(self, field_id: str, *_: object) -> None:
        """Format check on leaving a field; an empty field is not nagged about until submit."""
        if field_id == MEETING_DETAILS_ID:
            text = self.meeting_details()
            message = check_meeting_details(self.meeting_kind, text) \
                if text and self.meeting_kind else None
        else:
            editor = self._editors[field_id]
            value = editor.value()
            message = check_field(editor.field, value) if value else None
        if message:
            self._show_error(field_id, message)
        else:
            self._hide_error(field_id)

    def _edited(self, field_id: str, *_: object) -> None:
        if self._quiet:
            return
        if field_id in self._errors:  # The receptionist is fixing it: stop shouting.
            self._hide_error(field_id)
        self.sig_changed.emit()
