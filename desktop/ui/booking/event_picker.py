"""Upcoming sessions of a group event, with spots open; full sessions show but can't be picked."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.api.models import Slot
from desktop.ui.formatting import day_and_month, number, time_in_zone


class EventPicker(QWidget):
    sig_instance_chosen = Signal(object)  # Slot | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._time_zone = "UTC"
        columns = (self.tr("Date"), self.tr("Time"), self.tr("With"), self.tr("Spots open"))
        self.table = QTableWidget(0, len(columns), self)
        self.table.setObjectName("event-instances")
        self.table.setAccessibleName(self.tr("Event sessions"))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel(self.tr("Choose an event to see its sessions."), self)
        self.status.setObjectName("event-status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def set_time_zone(self, name: str) -> None:
        self._time_zone = name

    def set_loading(self) -> None:
        self.table.setRowCount(0)
        self.status.setText(self.tr("Loading sessions…"))

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def set_instances(self, slots: list[Slot], staff_names: dict[str, str]) -> None:
        self.table.setRowCount(0)
        zone = ZoneInfo(self._time_zone)
        ordered = sorted(slots, key=lambda slot: slot.start_time)
        quiet = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.table.setRowCount(len(ordered))
        for row, slot in enumerate(ordered):
            local = slot.start_time.astimezone(zone)
            spots = "" if slot.spots_open is None else number(slot.spots_open)
            if slot.spots_total is not None:
                spots = self.tr("{open} of {total}").format(open=spots,
                                                           total=number(slot.spots_total))
            if slot.is_full:
                spots = self.tr("Full ({total})").format(total=number(slot.spots_total or 0))
            cells = (
                day_and_month(local.date()),
                time_in_zone(slot.start_time, self._time_zone),
                staff_names.get(slot.staff_id or "", ""),
                spots,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, slot)
                if slot.is_full:
                    # Shown greyed: a full session cannot be booked, but can be chosen to put
                    # the client on its waitlist.
                    item.setForeground(quiet)
                self.table.setItem(row, column, item)
        if not ordered:
            self.status.setText(self.tr("No upcoming sessions in the next weeks."))
        else:
            full = sum(1 for slot in ordered if slot.is_full)
            text = self.tr("%n session(s)", "", len(ordered))
            if full:
                text = self.tr("{sessions}, {full} full").format(sessions=text,
                                                                  full=number(full))
            self.status.setText(text)
        self.sig_instance_chosen.emit(None)

    def current_instance(self) -> Slot | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        slot = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return slot if isinstance(slot, Slot) else None

    def select_instance_id(self, event_instance_id: str) -> bool:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            slot = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            if (isinstance(slot, Slot) and slot.event_instance_id == event_instance_id
                    and not slot.is_full):
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        self.sig_instance_chosen.emit(self.current_instance())
