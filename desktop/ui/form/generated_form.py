"""The booking form built from a service's scheduling form definition."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
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
    MEETING_LABELS,
    FieldProblem,
    FormDefinition,
    FormField,
    FormValue,
    MeetingKind,
    build_form_data,
    default_value,
    find_field_id,
    validate_values,
)
from desktop.forms.values import check_field, check_meeting_details
from desktop.ui.form.editors import (
    DIAL_HINTS,
    PHONE_PLACEHOLDER,
    FieldEditor,
    editor_class,
    make_editor,
)

REQUIRED_MARK = " *"
REQUIRED_DESCRIPTION = "Required"
_ERROR_STYLE = "color: #b00020;"
_NOTES_STYLE = ("background: #fff4ce; color: #3d3000; border: 1px solid #e8d48a; "
                "border-radius: 4px; padding: 6px;")
_PLAIN = Qt.TextFormat.PlainText
#: Rows of up to 6 fields share columns exactly (lcm of 1..6 is 60); odder rows get close.
_MAX_GRID_COLUMNS = 60
#: Fields built before the constructor returns: more than a screenful, and all of any usual
#: form. Longer forms build the rest in batches while the event loop is idle (one batch per
#: turn, a few ms each), so the first screen is usable at once.
EAGER_FIELDS = 40
BATCH_FIELDS = 40
_MEETING_KEYS = frozenset({MEETING_DETAILS_ID, "meeting_details", "meeting_interaction_details",
                           "meeting details"})


class GeneratedForm(QWidget):
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
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.definition = definition
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
        self._notes_banner.setStyleSheet(_NOTES_STYLE)
        self._notes_banner.setVisible(bool(definition.notes))
        outer.addWidget(self._notes_banner)

        self._scroll = QScrollArea(self)
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

    # ------------------------------------------------------------------ building

    def _build(self, body: QVBoxLayout) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        content = self._content
        for index, section in enumerate(self.definition.sections):
            if section.title:
                header = QLabel(section.title, content)
                header.setTextFormat(_PLAIN)
                header.setFont(bold)
                header.setObjectName(f"section-{index}")
                if index:
                    header.setContentsMargins(0, 10, 0, 0)
                body.addWidget(header)
            if section.rows:
                grid = QGridLayout()
                # Attached before it is filled: adopting a filled layout walks every item.
                body.addLayout(grid)
                columns = self._prepare_grid(grid, section.rows)
                self._jobs.extend((grid, columns, row) for row in section.rows)
            if index == 0 and self.meeting_kind is not None:
                grid = QGridLayout()
                body.addLayout(grid)
                self._jobs.append((grid, 0, None))
        for field in self.definition.fields():
            self._unbuilt[field.id] = (field, None)

    def _prepare_grid(self, grid: QGridLayout,
                      rows: tuple[tuple[FormField, ...], ...]) -> int:
        """One grid per section (a layout per row or per field costs twice as much on long
        forms). Each row of fields takes grid lines: labels, widgets, a line kept free for
        error labels, and a gap. Columns are shared: a row of n fields gives each field
        ``columns // n`` of them, so fields line up across rows."""
        columns = math.lcm(*(len(row) for row in rows))
        if columns > _MAX_GRID_COLUMNS:
            columns = _MAX_GRID_COLUMNS
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        return columns

    # ------------------------------------------------------------------ building rows

    @property
    def fully_built(self) -> bool:
        """True once every field's widgets exist."""
        return not self._jobs

    def build_all(self) -> None:
        """Build every row not built yet, now."""
        self._build_rows(None)

    def _build_batch(self) -> None:
        self._build_rows(BATCH_FIELDS)

    def _build_rows(self, budget: int | None) -> None:
        """Build rows in order until ``budget`` fields are made (None: all of them); the
        rest wait for the next idle turn of the event loop."""
        made = 0
        jobs = self._jobs
        quiet, self._quiet = self._quiet, True  # values put back are not edits
        try:
            while jobs and (budget is None or made < budget):
                grid, columns, row = jobs.popleft()
                if row is None:
                    self._fill_meeting(grid, self.meeting_kind or "address")
                    made += 1
                else:
                    self._fill_row(grid, columns, row)
                    made += len(row)
        finally:
            self._quiet = quiet
        if jobs:
            self._batch_timer.start()
        else:
            self._batch_timer.stop()

    def _fill_row(self, grid: QGridLayout, columns: int, row: tuple[FormField, ...]) -> None:
        content = self._content
        editors = self._editors
        slots = self._slots
        line = self._lines.get(id(grid), 0)
        made = [make_editor(field, content) for field in row]
        labels_line = line
        widgets_line = line + (1 if any(e.label_above for e in made) else 0)
        error_line = widgets_line + max(len(e.widgets) for e in made)
        span = max(columns // len(row), 1)
        for position, editor in enumerate(made):
            field = editor.field
            field_id = field.id
            editors[field_id] = editor
            column = min(position * span, columns - 1)
            width = columns - column if position == len(row) - 1 else span
            widget = editor.input
            widget.setObjectName(f"field-{field_id}")
            widget.setAccessibleName(field.label)
            if field.required:
                widget.setAccessibleDescription(REQUIRED_DESCRIPTION)
            if editor.label_above:
                text = field.label + REQUIRED_MARK if field.required else field.label
                label = QLabel(text, content)
                if "<" in text:  # Never render markup from the definition.
                    label.setTextFormat(_PLAIN)
                grid.addWidget(label, labels_line, column, 1, width)
            at = widgets_line
            for part in editor.widgets:
                grid.addWidget(part, at, column, 1, width)
                at += 1
            slots[field_id] = (grid, error_line, column, width)
            pending = self._unbuilt.pop(field_id, None)
            if pending is not None and pending[1] is not None:
                editor.set_value(pending[1])
            editor.connect_changed(partial(self._edited, field_id))
            if editor.check_on_leave:
                widget.editingFinished.connect(  # type: ignore[attr-defined]
                    partial(self._check_one, field_id))
        grid.setRowMinimumHeight(error_line + 1, 6)  # The gap between rows of fields.
        self._lines[id(grid)] = error_line + 2

    def _fill_meeting(self, grid: QGridLayout, kind: MeetingKind) -> None:
        content = self._content
        label_text = MEETING_LABELS[kind]
        edit = QLineEdit(content)
        edit.setObjectName(f"field-{MEETING_DETAILS_ID}")
        edit.setAccessibleName(label_text)
        edit.setAccessibleDescription(REQUIRED_DESCRIPTION)
        if kind == "phone":
            edit.setPlaceholderText(PHONE_PLACEHOLDER)
            edit.setInputMethodHints(DIAL_HINTS)
            edit.editingFinished.connect(partial(self._check_one, MEETING_DETAILS_ID))
        else:
            edit.setPlaceholderText("Street, number, city")
        label = QLabel(label_text + REQUIRED_MARK, content)
        label.setBuddy(edit)
        grid.setVerticalSpacing(3)
        grid.addWidget(label, 0, 0)
        grid.addWidget(edit, 1, 0)
        self._meeting = edit
        if self._meeting_text:
            edit.setText(self._meeting_text)
        self._slots[MEETING_DETAILS_ID] = (grid, 2, 0, 1)
        edit.textEdited.connect(partial(self._edited, MEETING_DETAILS_ID))

    def _fill_defaults(self) -> None:
        """The definition's defaults, given before any widget exists (widgets start blank,
        so only real defaults are kept)."""
        unbuilt = self._unbuilt
        for field_id, (field, _) in unbuilt.items():
            value = default_value(field)
            if value:
                unbuilt[field_id] = (field, value)

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
            label = MEETING_LABELS[self.meeting_kind or "address"].casefold()
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
            label.setStyleSheet(_ERROR_STYLE)
            grid, line, column, width = self._slots[field_id]
            grid.addWidget(label, line, column, 1, width)
            self._errors[field_id] = label
        label.setText(message)
        label.show()
        widget = self._input(field_id)
        required = (field_id == MEETING_DETAILS_ID
                    or (field_id in self._editors and self._editors[field_id].field.required))
        prefix = f"{REQUIRED_DESCRIPTION}. " if required else ""
        widget.setAccessibleDescription(prefix + message)

    def _hide_error(self, field_id: str) -> None:
        label = self._errors.get(field_id)
        if label is None or label.isHidden():
            return
        label.hide()
        required = (field_id == MEETING_DETAILS_ID
                    or (field_id in self._editors and self._editors[field_id].field.required))
        self._input(field_id).setAccessibleDescription(REQUIRED_DESCRIPTION if required else "")

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
