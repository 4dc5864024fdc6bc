"""Scheduling form definitions by service: each fetched and parsed once, on a worker, then
served from memory (the new-client form and an existing client's missing details share them).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from desktop.api.client import BookingClient
from desktop.api.models import Business, Service
from desktop.forms import FormDefinition, FormDefinitionError, parse_definition
from desktop.ui.page_work import BusinessReader, PageWork, cancel_check
from desktop.ui.tasks import CancelToken

Definition = FormDefinition | FormDefinitionError


class FormDefinitions(BusinessReader):
    def __init__(self, client: BookingClient, business: Business, work: PageWork,
                 parent: QObject | None = None) -> None:
        super().__init__(client, business, work, parent)
        self._known: dict[str, Definition] = {}

    def known(self, service_id: str) -> Definition | None:
        """The parsed definition (or why it cannot be used), if already loaded."""
        return self._known.get(service_id)

    def load(self, service: Service, key: str, on_loaded: Callable[[Definition], None],
             *, on_error: Callable[[BaseException], None],
             retry: Callable[[], None]) -> None:
        """``on_loaded(definition)`` now if known, else once fetched (on a worker); ``key``
        lets a later request of the same caller supersede this one."""
        known = self._known.get(service.id)
        if known is not None:
            on_loaded(known)
            return
        client, business_id = self._client, self._business.id

        def work(token: CancelToken) -> Definition:
            raw = client.get_scheduling_form(business_id, service.id,
                                             cancel=cancel_check(token))
            try:
                return parse_definition(raw)
            except FormDefinitionError as problem:
                return problem

        def loaded(result: Definition) -> None:
            self._known[service.id] = result
            on_loaded(result)

        self._work.run(key, self.tr("Loading the booking form…"), work, loaded,
                       on_error=on_error, retry=retry)
