"""The entries of one column of the day (a staff member's, or everyone's in the list layout)
as a Qt list model. Refreshing puts new entries in without a reset when the same ones are
still there in the same order, so a view keeps its selection and scroll position."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.ui.day.entries import DayEntry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
#: True on the first entry that starts after "now" (the now-line is drawn above it).
NOW_LINE_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()


class DayEntriesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[DayEntry] = []
        self._now_row = -1

    def entries(self) -> list[DayEntry]:
        return list(self._entries)

    def entry(self, row: int) -> DayEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: str) -> int:
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                return row
        return -1

    def set_entries(self, entries: list[DayEntry], now: datetime | None) -> None:
        """Show ``entries``; ``now`` (today only) places the now-line."""
        now_row = -1
        if now is not None:
            now_row = next((row for row, entry in enumerate(entries)
                            if entry.start is not None and entry.start >= now), len(entries))
        same_rows = [e.id for e in entries] == [e.id for e in self._entries]
        if same_rows:
            changed = [row for row, (old, new) in enumerate(zip(self._entries, entries,
                                                                 strict=True)) if old != new]
            moved_line = now_row != self._now_row
            self._entries, old_now, self._now_row = list(entries), self._now_row, now_row
            for row in changed:
                index = self.index(row)
                self.dataChanged.emit(index, index)
            if moved_line:
                for row in {old_now, now_row} - {-1, len(entries)}:
                    index = self.index(row)
                    self.dataChanged.emit(index, index)
            return
        self.beginResetModel()
        self._entries, self._now_row = list(entries), now_row
        self.endResetModel()

    @property
    def now_after_last(self) -> bool:
        """Every entry has started: the now-line goes below the last one."""
        return self._now_row == len(self._entries) and bool(self._entries)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.accessible_text()
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # the details panel says it all; tool tips would render markup
        if role == ENTRY_ROLE:
            return entry
        if role == NOW_LINE_ROLE:
            return index.row() == self._now_row
        return None
