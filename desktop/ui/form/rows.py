"""Building the generated form's rows: one grid per section, fields side by side, labels
above, a line kept for each field's error; long forms build their later rows in idle batches.

A mixin of :class:`~desktop.ui.form.generated_form.GeneratedForm`, which owns the state these
methods fill (``_editors``, ``_slots``, ``_jobs``, ``_lines``, ``_unbuilt``, ``_meeting``…).
"""

from __future__ import annotations

import math
from collections import deque
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.forms import (
    MEETING_DETAILS_ID,
    FormDefinition,
    FormField,
    MeetingKind,
    default_value,
    meeting_label,
)
from desktop.ui.form.date_edit import Today
from desktop.ui.form.editors import (
    DIAL_HINTS,
    PHONE_PLACEHOLDER,
    DateEditor,
    FieldEditor,
    make_editor,
)

REQUIRED_MARK = " *"
_PLAIN = Qt.TextFormat.PlainText
#: Rows of up to 6 fields share columns exactly (lcm of 1..6 is 60); odder rows get close.
_MAX_GRID_COLUMNS = 60
#: Fields built before the constructor returns: more than a screenful, and all of any usual
#: form. Longer forms build the rest in batches while the event loop is idle (one batch per
#: turn, a few ms each), so the first screen is usable at once.
EAGER_FIELDS = 40
BATCH_FIELDS = 40


def required_description() -> str:
    return QCoreApplication.translate("GeneratedForm", "Required")


class RowBuilding:
    """See the module docstring."""

    definition: FormDefinition
    meeting_kind: MeetingKind | None
    _content: QWidget
    _editors: dict[str, FieldEditor[Any]]
    _slots: dict[str, tuple[QGridLayout, int, int, int]]
    _jobs: deque[tuple[QGridLayout, int, tuple[FormField, ...] | None]]
    _lines: dict[int, int]
    _unbuilt: dict[str, tuple[FormField, object]]
    _meeting: QLineEdit | None
    _meeting_text: str
    _quiet: bool
    _batch_timer: QTimer
    #: Where the date fields start from empty: today on the app's clock.
    _today: Today

    if TYPE_CHECKING:  # provided by GeneratedForm and QWidget; declared for the type checker
        def font(self) -> QFont: ...

        def _edited(self, field_id: str, *_: object) -> None: ...

        def _check_one(self, field_id: str, *_: object) -> None: ...

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
        for editor in made:
            if isinstance(editor, DateEditor):
                editor.use_today(self._today)
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
                widget.setAccessibleDescription(required_description())
            if editor.label_above:
                text = field.label + REQUIRED_MARK if field.required else field.label
                label = QLabel(text, content)
                label.setTextFormat(_PLAIN)  # never render markup from the definition
                # The "labelled by" relation: how AT-SPI names a combo box or a date.
                label.setBuddy(widget)
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
        label_text = meeting_label(kind)
        edit = QLineEdit(content)
        edit.setObjectName(f"field-{MEETING_DETAILS_ID}")
        edit.setAccessibleName(label_text)
        edit.setAccessibleDescription(required_description())
        if kind == "phone":
            edit.setPlaceholderText(PHONE_PLACEHOLDER)
            edit.setInputMethodHints(DIAL_HINTS)
            edit.editingFinished.connect(partial(self._check_one, MEETING_DETAILS_ID))
        else:
            edit.setPlaceholderText(QCoreApplication.translate("GeneratedForm",
                                                               "Street, number, city"))
        label = QLabel(label_text + REQUIRED_MARK, content)
        label.setTextFormat(_PLAIN)
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

