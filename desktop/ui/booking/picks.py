"""What each pick on the Book page changes: the selection, the pickers that depend on it, the
times to load, the client's form to show. The page connects the pickers' signals here and
keeps only its public interface and the summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.api.models import Client, Service, Slot, Staff
from desktop.booking.selection import BookingMode
from desktop.ui.booking.describe import service_details
from desktop.ui.messages import plain_words
from desktop.ui.page_work import cancel_check
from desktop.ui.tasks import CancelToken

if TYPE_CHECKING:
    from desktop.ui.booking.page import BookingPage


class PickReactions:
    def __init__(self, page: BookingPage) -> None:
        self.page = page

    def connect(self) -> None:
        page = self.page
        page.catalogue.sig_loaded.connect(self.catalogue_loaded)
        page.appointment_mode.toggled.connect(self.mode_toggled)
        page.service_picker.sig_service_changed.connect(self.service_changed)
        page.staff_picker.sig_staff_changed.connect(self.staff_changed)
        page.slot_picker.sig_month_changed.connect(lambda _y, _m: page.times.load_availability())
        page.slot_picker.sig_slot_chosen.connect(self.slot_chosen)
        page.slot_picker.sig_time_zone_changed.connect(self.time_zone_changed)
        page.event_picker.sig_instance_chosen.connect(self.slot_chosen)
        page.client_picker.sig_search_requested.connect(self.search_clients)
        page.client_picker.sig_client_chosen.connect(self.client_chosen)

    def catalogue_loaded(self) -> None:
        self.fill_services()
        self.page.sig_catalogue_loaded.emit()

    def fill_services(self) -> None:
        page = self.page
        events = page.selection.mode is BookingMode.EVENT
        page.service_picker.set_services(page.catalogue.services_of_kind(events=events))
        page.restorer.services_listed()

    def mode_toggled(self, appointment: bool) -> None:
        page = self.page
        page.selection.mode = BookingMode.APPOINTMENT if appointment else BookingMode.EVENT
        page.selection.slot = None
        page.when_stack.setCurrentIndex(0 if appointment else 1)
        page.staff_picker.setVisible(appointment)
        page.staff_label.setVisible(appointment)
        self.fill_services()
        page.update_summary()

    def service_changed(self, service: Service | None) -> None:
        page = self.page
        page.selection.service = service
        page.selection.slot = None
        page.service_details.setText(service_details(service))
        page.staff_picker.set_staff(page.catalogue.staff_for(service))
        if service is None:
            page.slot_picker.clear_availability(QCoreApplication.translate(
                "BookingPage", "Choose a service to see open times."))
        else:
            page.times.load()
        if page.client_picker.is_new_client:
            page.form_host.show_for(service)
        else:
            page.details_host.show_for(service, page.selection.client)
        page.update_summary()

    def staff_changed(self, staff: Staff | None) -> None:
        self.page.selection.staff = staff
        self.page.selection.slot = None
        self.page.times.load_availability()
        self.page.update_summary()

    def time_zone_changed(self, name: str) -> None:
        page = self.page
        page.selection.time_zone = name
        page.selection.slot = None
        page.event_picker.set_time_zone(name)
        page.times.load()
        page.update_summary()

    def slot_chosen(self, slot: Slot | None) -> None:
        self.page.selection.slot = slot
        self.page.update_summary()

    def client_chosen(self, client: Client | None) -> None:
        page = self.page
        page.selection.client = client
        page.details_host.show_for(page.selection.service, client)
        page.update_summary()

    def search_clients(self, term: str) -> None:
        page = self.page
        client, business_id = page.client, page.business.id

        def work(token: CancelToken) -> list[Client]:
            return client.search_clients(business_id, term, per_page=25,
                                         cancel=cancel_check(token)).clients

        searching = QCoreApplication.translate("BookingPage", "Searching clients…")
        page.work.run("client-search", searching, work,
                      lambda clients: page.client_picker.set_results(clients, term),
                      retry=lambda: self.search_clients(term),
                      on_error=lambda e: page.client_picker.set_search_error(plain_words(e)))
