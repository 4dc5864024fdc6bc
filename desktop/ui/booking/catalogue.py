"""The business's services and staff, loaded once per sign-in and shared by the pickers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.api.client import BookingClient
from desktop.api.models import Business, Service, Staff
from desktop.booking.staffing import staff_for_service
from desktop.ui.page_work import BusinessReader, PageWork, cancel_check
from desktop.ui.tasks import CancelToken


class Catalogue(BusinessReader):
    """What can be booked and with whom. ``sig_loaded`` after each (re)load."""

    sig_loaded = Signal()

    def __init__(self, client: BookingClient, business: Business, work: PageWork,
                 parent: QObject | None = None) -> None:
        super().__init__(client, business, work, parent)
        self.services: list[Service] = []
        self.staff: list[Staff] = []
        #: True once loaded (a page built later fills itself from it at once).
        self.loaded = False
        self._round = 0

    def load(self) -> None:
        """Services and staff at start (and after a re-sign-in): both asked for at once, so
        a slow network costs one round trip, not two."""
        client, business_id = self._client, self._business.id
        self._round += 1
        this_round, got = self._round, {}

        def arrived(name: str, items: list[Any]) -> None:
            if this_round == self._round:  # a newer load supersedes this one
                got[name] = items
                if len(got) == 2:
                    self._loaded((got["services"], got["staff"]))

        def services(token: CancelToken) -> list[Service]:
            return client.list_services(business_id, cancel=cancel_check(token))

        def staff(token: CancelToken) -> list[Staff]:
            return client.list_staff(business_id, cancel=cancel_check(token))

        text = self.tr("Loading services and staff…")
        self._work.run("catalogue-services", text, services,
                       lambda found: arrived("services", found), retry=self.load)
        self._work.run("catalogue-staff", text, staff,
                       lambda found: arrived("staff", found), retry=self.load)

    def _loaded(self, result: tuple[list[Service], list[Staff]]) -> None:
        self.services, self.staff = result
        self.loaded = True
        self.sig_loaded.emit()

    def services_of_kind(self, *, events: bool) -> list[Service]:
        return [service for service in self.services if service.is_event == events]

    def staff_names(self) -> dict[str, str]:
        return {member.id: member.label for member in self.staff}

    def staff_for(self, service: Service | None) -> list[Staff]:
        """Who gives ``service`` (everyone active when the API does not say)."""
        return staff_for_service(service, self.staff)

    def staff_ids_for(self, service: Service) -> list[str]:
        return [member.id for member in self.staff_for(service)]
