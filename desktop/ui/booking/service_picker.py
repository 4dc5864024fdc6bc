"""Searchable pickers for the service and the staff member."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from desktop.api.models import Service, Staff


def _service_label(service: Service) -> str:
    parts = [service.name or service.id]
    if service.duration and not service.is_event:
        parts.append(f"{service.duration} min")
    if service.price:
        parts.append(f"{service.price:g} {service.currency or ''}".strip())
    return " · ".join(parts)


class ServicePicker(QComboBox):
    """An editable combo box: type any part of a service's name to narrow the list."""

    sig_service_changed = Signal(object)  # Service | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service-picker")
        self.setAccessibleName("Service")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._edit().setPlaceholderText("Type to search services…")
        self._services: list[Service] = []
        self.currentIndexChanged.connect(self._emit_current)

    def _edit(self) -> QLineEdit:
        edit = self.lineEdit()
        assert edit is not None  # the combo box is editable
        return edit

    def set_services(self, services: list[Service]) -> None:
        with QSignalBlocker(self):
            self.clear()
            self._services = list(services)
            for service in self._services:
                self.addItem(_service_label(service), service.id)
            self.setCurrentIndex(-1)
            self._edit().clear()
        self.sig_service_changed.emit(None)

    def current_service(self) -> Service | None:
        index = self.currentIndex()
        if 0 <= index < len(self._services) and self.currentText() == self.itemText(index):
            return self._services[index]
        return None

    def select_service_id(self, service_id: str) -> bool:
        index = self.findData(service_id)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def _emit_current(self, _index: int) -> None:
        self.sig_service_changed.emit(self.current_service())


ANY_STAFF = "Any available"


class StaffPicker(QComboBox):
    """Staff who offer the chosen service, headed by "Any available"."""

    sig_staff_changed = Signal(object)  # Staff | None (None = any)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff-picker")
        self.setAccessibleName("Staff member")
        self._staff: list[Staff] = []
        self.currentIndexChanged.connect(
            lambda _i: self.sig_staff_changed.emit(self.current_staff()))

    def set_staff(self, staff: list[Staff]) -> None:
        with QSignalBlocker(self):
            self.clear()
            self._staff = list(staff)
            self.addItem(ANY_STAFF, None)
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


def staff_for_service(service: Service | None, staff: list[Staff]) -> list[Staff]:
    """Active staff offering ``service``. Staff records may list what they offer as
    ``service_ids`` (the sandbox does); a record without that list is offered for everything."""
    active = [member for member in staff if member.active]
    if service is None:
        return active
    chosen: list[Staff] = []
    for member in active:
        offered = (member.model_extra or {}).get("service_ids")
        if not isinstance(offered, list) or service.id in {str(item) for item in offered}:
            chosen.append(member)
    return chosen
