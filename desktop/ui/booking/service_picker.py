"""Searchable pickers for the service and the staff member."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from desktop.api.models import Service, Staff
from desktop.ui.formatting import money, number

_ROOT = QModelIndex()


class ServiceListModel(QAbstractListModel):
    """The services as a list model: a business with 10,000 services fills the picker in
    about a millisecond (an ``addItem`` per service stalled the window for 60+ ms), and each
    label is worded only when a row is first shown or searched."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services: list[Service] = []
        self._labels: dict[int, str] = {}
        self._rows: dict[str, int] = {}

    def set_services(self, services: list[Service]) -> None:
        self.beginResetModel()
        self._services = list(services)
        self._labels = {}
        self._rows = {service.id: row for row, service in enumerate(self._services)}
        self.endResetModel()

    def service(self, row: int) -> Service | None:
        return self._services[row] if 0 <= row < len(self._services) else None

    def row_of(self, service_id: str) -> int:
        return self._rows.get(service_id, -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._services)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._services):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            label = self._labels.get(row)
            if label is None:
                label = self._labels[row] = service_label(self._services[row])
            return label
        if role == Qt.ItemDataRole.UserRole:
            return self._services[row].id
        return None


def service_label(service: Service) -> str:
    """``Massage · 60 min · $90.00`` as the desk's locale writes it."""
    parts = [service.name or service.id]
    if service.duration and not service.is_event:
        parts.append(QCoreApplication.translate("ServicePicker", "{minutes} min").format(
            minutes=number(service.duration)))
    if service.price:
        parts.append(money(service.price, service.currency))
    return " · ".join(parts)


class ServicePicker(QComboBox):
    """An editable combo box: type any part of a service's name to narrow the list."""

    sig_service_changed = Signal(object)  # Service | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service-picker")
        self.setAccessibleName(self.tr("Service"))
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._model = ServiceListModel(self)
        self.setModel(self._model)
        completer = QCompleter(self._model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._edit().setPlaceholderText(self.tr("Type to search services…"))
        self.currentIndexChanged.connect(self._emit_current)

    def _edit(self) -> QLineEdit:
        edit = self.lineEdit()
        assert edit is not None  # the combo box is editable
        return edit

    def set_services(self, services: list[Service]) -> None:
        with QSignalBlocker(self):
            self._model.set_services(services)
            self.setCurrentIndex(-1)
            self._edit().clear()
        self.sig_service_changed.emit(None)

    def current_service(self) -> Service | None:
        index = self.currentIndex()
        service = self._model.service(index)
        if service is not None and self.currentText() == self.itemText(index):
            return service
        return None

    def select_service_id(self, service_id: str) -> bool:
        row = self._model.row_of(service_id)
        if row < 0:
            return False
        self.setCurrentIndex(row)
        return True

    def _emit_current(self, _index: int) -> None:
        self.sig_service_changed.emit(self.current_service())




class StaffPicker(QComboBox):
    """Staff who offer the chosen service, headed by "Any available"."""

    sig_staff_changed = Signal(object)  # Staff | None (None = any)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff-picker")
        self.setAccessibleName(self.tr("Staff member"))
        self._staff: list[Staff] = []
        self.currentIndexChanged.connect(
            lambda _i: self.sig_staff_changed.emit(self.current_staff()))

    def set_staff(self, staff: list[Staff]) -> None:
        with QSignalBlocker(self):
            self.clear()
            self._staff = list(staff)
            self.addItem(self.tr("Any available"), None)
            for member in self._staff:
                self.addItem(member.label, member.id)
            self.setCurrentIndex(0)
        self.sig_staff_changed.emit(None)

    def current_staff(self) -> Staff | None:
        index = self.currentIndex()
        return self._staff[index - 1] if 1 <= index <= len(self._staff) else None

    def select_staff_id(self, staff_id: str | None) -> bool:
        index = self.findData(staff_id) if staff_id else 0
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def staff_name(self, staff_id: str | None) -> str:
        for member in self._staff:
            if member.id == staff_id:
                return member.label
        return ""
