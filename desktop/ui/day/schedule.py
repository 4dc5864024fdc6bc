"""The schedule area of the day: one column per working staff member, or one list when the
window is narrow. Selection works across columns (Ctrl/Shift add to it, for batch actions);
Left and Right move between columns; Enter or a double-click asks for the action panel."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QListView,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.day.delegate import EntryDelegate
from desktop.ui.day.entries import DayEntry
from desktop.ui.day.model import ENTRY_ROLE, DayEntriesModel
from desktop.ui.plain_text import plain_label

#: Each staff member's column is at least this wide (more columns scroll sideways).
COLUMN_MIN_WIDTH = 190
#: A schedule narrower than this many columns shows the day as one list (staff named on
#: each entry); with more staff than fit, the columns scroll sideways instead.
NARROW_COLUMNS = 3


class _EntryList(QListView):
    def __init__(self, model: DayEntriesModel, *, show_staff: bool, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(EntryDelegate(self, show_staff=show_staff))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(False)
        self.setAccessibleName(name)
        self.setObjectName("day-list")


class Schedule(QWidget):
    """See the module docstring. ``set_day(columns, now)``: ``columns`` is a list of
    (staff id, staff name, entries); ``now`` places the now-line when the day is today."""

    #: The entry whose details to show (None: nothing selected).
    sig_current_changed = Signal(object)
    #: The selection changed (for the batch buttons).
    sig_selection_changed = Signal()
    #: Enter or a double-click on an entry: open its actions.
    sig_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day-schedule")
        self._columns: list[tuple[str, str, DayEntriesModel, _EntryList]] = []
        self._one_list_model = DayEntriesModel(self)
        self.one_list = _EntryList(self._one_list_model, show_staff=True,
                                   name=self.tr("The day's appointments"), parent=self)
        self._wire(self.one_list)

        self._columns_host = QWidget()
        self._columns_layout = QHBoxLayout(self._columns_host)
        self._columns_layout.setContentsMargins(0, 0, 0, 0)
        self._columns_layout.setSpacing(8)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(self._columns_host)
        self._scroll.setAccessibleName(self.tr("The day's appointments, one column per staff "
                                               "member"))

        self.empty = plain_label(self, "day-empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._scroll)
        self.stack.addWidget(self.one_list)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._narrow = False
        self._entries: dict[str, DayEntry] = {}

    # ------------------------------------------------------------------ filling

    def set_day(self, columns: Sequence[tuple[str, str, list[DayEntry]]],
                now: datetime | None) -> None:
        """Put a day on screen, keeping the selection, the current entry and the scroll
        position when the same entries come back (a refresh)."""
        selected = set(self.selected_ids())
        current = self.current_id()
        everyone = sorted((entry for _, _, entries in columns for entry in entries),
                          key=lambda e: (e.start is None, e.start, e.id))
        self._entries = {entry.id: entry for entry in everyone}
        self._one_list_model.set_entries(everyone, now)
        if [(sid, name) for sid, name, _, _ in self._columns] != \
                [(sid, name) for sid, name, _ in columns]:
            self._rebuild_columns([(sid, name) for sid, name, _ in columns])
        for (_, _, model, _), (_, _, entries) in zip(self._columns, columns, strict=True):
            model.set_entries(entries, now)
        self._restore(selected, current)
        self._choose_page()

    def show_message(self, text: str) -> None:
        """Loading, an empty day, or why the day cannot be shown."""
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _rebuild_columns(self, staff: list[tuple[str, str]]) -> None:
        while self._columns_layout.count():
            item = self._columns_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._columns = []
        for staff_id, name in staff:
            column = QWidget(self._columns_host)
            column.setMinimumWidth(COLUMN_MIN_WIDTH)
            header = plain_label(column, f"day-column-{staff_id}", name)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            model = DayEntriesModel(column)
            view = _EntryList(model, show_staff=False,
                              name=self.tr("Appointments of {name}").format(name=name),
                              parent=column)
            self._wire(view)
            box = QVBoxLayout(column)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(header)
            box.addWidget(view, 1)
            self._columns_layout.addWidget(column, 1)
            self._columns.append((staff_id, name, model, view))

    def _wire(self, view: _EntryList) -> None:
        view.installEventFilter(self)
        view.doubleClicked.connect(lambda index: self.sig_activated.emit(index.data(ENTRY_ROLE)))
        selection = view.selectionModel()
        selection.currentChanged.connect(lambda current, _previous, v=view:
                                         self._current_moved(v, current))
        selection.selectionChanged.connect(lambda *_: self.sig_selection_changed.emit())
        view.pressed.connect(lambda _index, v=view: self._clear_other_columns(v))

    # ------------------------------------------------------------------ layout

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._choose_page()

    def _choose_page(self) -> None:
        if self.stack.currentWidget() is self.empty and not self._entries:
            return
        if not self._entries:
            return
        wanted = min(max(1, len(self._columns)), NARROW_COLUMNS) * (COLUMN_MIN_WIDTH + 8)
        narrow = self.width() < wanted or len(self._columns) == 0
        page = self.one_list if narrow else self._scroll
        if self.stack.currentWidget() is not page:
            selected, current = set(self.selected_ids()), self.current_id()
            self._narrow = narrow
            self.stack.setCurrentWidget(page)
            self._restore(selected, current)

    @property
    def narrow(self) -> bool:
        return self.stack.currentWidget() is self.one_list

    # ------------------------------------------------------------------ selection

    def views(self) -> list[QListView]:
        if self.narrow:
            return [self.one_list]
        return [view for _, _, _, view in self._columns]

    def selected_ids(self) -> list[str]:
        ids: list[str] = []
        for view in self.views():
            for index in sorted(view.selectionModel().selectedIndexes(), key=lambda i: i.row()):
                entry = index.data(ENTRY_ROLE)
                if isinstance(entry, DayEntry):
                    ids.append(entry.id)
        return ids

    def selected_entries(self) -> list[DayEntry]:
        return [self._entries[i] for i in self.selected_ids() if i in self._entries]

    def current_id(self) -> str | None:
        for view in self.views():
            if view.hasFocus() or view.selectionModel().hasSelection():
                entry = view.currentIndex().data(ENTRY_ROLE)
                if isinstance(entry, DayEntry):
                    return entry.id
        return None

    def entry(self, entry_id: str) -> DayEntry | None:
        return self._entries.get(entry_id)

    def select(self, entry_id: str) -> bool:
        """Make ``entry_id`` the current and only selected entry (and scroll to it)."""
        for view in self.views():
            model = view.model()
            assert isinstance(model, DayEntriesModel)
            row = model.row_of(entry_id)
            if row >= 0:
                self._clear_other_columns(view)
                index = model.index(row)
                view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                view.scrollTo(index)
                view.setFocus()
                return True
        return False

    def _restore(self, selected: set[str], current: str | None) -> None:
        for view in self.views():
            model = view.model()
            assert isinstance(model, DayEntriesModel)
            selection = view.selectionModel()
            for row in range(model.rowCount()):
                entry = model.entry(row)
                if entry is None:
                    continue
                index = model.index(row)
                if entry.id == current:
                    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                if entry.id in selected and not selection.isSelected(index):
                    selection.select(index, QItemSelectionModel.SelectionFlag.Select)

    def _clear_other_columns(self, keep: QListView) -> None:
        """A plain click or key in one column selects there only; Ctrl/Shift add to it."""
        held = QApplication.keyboardModifiers()
        if held & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return
        for view in self.views():
            if view is not keep:
                view.selectionModel().clearSelection()

    def _current_moved(self, view: QListView, current: QModelIndex) -> None:
        entry = current.data(ENTRY_ROLE)
        if isinstance(entry, DayEntry) and view.hasFocus():
            self.sig_current_changed.emit(entry)

    # ------------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and isinstance(watched, QListView):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                entry = watched.currentIndex().data(ENTRY_ROLE)
                if isinstance(entry, DayEntry):
                    self.sig_activated.emit(entry)
                    return True
            plain = not event.modifiers() & Qt.KeyboardModifier.AltModifier  # Alt: the day
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not self.narrow and plain:
                return self._step_column(watched, -1 if key == Qt.Key.Key_Left else 1)
        return super().eventFilter(watched, event)

    def _step_column(self, view: QListView, step: int) -> bool:
        views = self.views()
        if view not in views:
            return False
        position = views.index(view) + step
        while 0 <= position < len(views):
            target = views[position]
            model = target.model()
            if model is not None and model.rowCount() > 0:
                row = min(view.currentIndex().row(), model.rowCount() - 1)
                target.setFocus()
                target.setCurrentIndex(model.index(max(row, 0), 0))
                self._clear_other_columns(target)
                return True
            position += step
        return True
