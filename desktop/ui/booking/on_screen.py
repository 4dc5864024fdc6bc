"""What the Book page shows, read back as data: the request it adds up to, the draft that
would put it back on screen, what is still needed before booking, and the summary lines.

Reading only: nothing here changes a widget (the page draws, :class:`OnScreen` reads). The
words keep the page's translation context ("BookingPage"), where the catalogues have them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.api.models import BookingRequest
from desktop.booking.saved_booking import SavedBooking
from desktop.booking.selection import BookingMode, Need
from desktop.ui.booking.confirmation import BookingSummary
from desktop.ui.booking.describe import selection_line, slot_when, still_needed

if TYPE_CHECKING:
    from desktop.ui.booking.page import BookingPage


class OnScreen:
    def __init__(self, page: BookingPage) -> None:
        self._page = page

    def request(self) -> BookingRequest:
        """The request for what is on screen: the new client's form data, or the existing
        client's id with the form's fields filled from the record and the details asked."""
        page = self._page
        selection, client = page.selection, page.selection.client
        if page.client_picker.is_new_client:
            selection.form_data = page.form_host.build_form_data()
        elif client is not None and page.details_host.ready:
            selection.form_data = page.details_host.form_data(client)
        else:
            selection.form_data = None
        return selection.to_request(page.business.id)

    def saved_booking(self) -> SavedBooking:
        """Everything needed to put this booking back on screen (a draft's values)."""
        page = self._page
        selection = page.selection
        slot, service, client = selection.slot, selection.service, selection.client
        new_client = page.client_picker.is_new_client
        return SavedBooking(
            mode=selection.mode,
            service_id=service.id if service else None,
            service_name=service.name if service else "",
            staff_id=selection.staff.id if selection.staff else None,
            time_zone=selection.time_zone,
            slot=slot,
            local_time=slot_when(slot, selection.time_zone) if slot else "",
            staff_name=page.staff_names().get(slot.staff_id or "", "") if slot else "",
            new_client=new_client,
            client=client,
            client_name=client.full_name if client else (
                self.new_client_name() if new_client else ""),
            # The new client's form, or what was asked of an existing client.
            form_values=dict(page.form_host.values() if new_client
                             else page.details_host.values()),
            meeting_details=(page.form_host.meeting_details() if new_client
                             else page.details_host.meeting_details()),
        )

    def new_client_name(self) -> str:
        return self._page.form_host.client_name() or \
            QCoreApplication.translate("BookingPage", "New client")

    def missing_words(self) -> list[str]:
        """What is still needed before booking, in the receptionist's words."""
        page = self._page
        words = {
            Need.SERVICE: QCoreApplication.translate("BookingPage", "a service"),
            Need.EVENT: QCoreApplication.translate("BookingPage", "an event"),
            Need.TIME: QCoreApplication.translate("BookingPage", "a time"),
            Need.SESSION: QCoreApplication.translate("BookingPage", "a session"),
            Need.SESSION_WITH_SPOTS: QCoreApplication.translate(
                "BookingPage", "a session with free spots (or join its waitlist)"),
        }
        needs = [words[n] for n in page.selection.missing() if n is not Need.CLIENT]
        if page.client_picker.is_new_client:
            if page.form_host.form is None:
                needs.append(QCoreApplication.translate("BookingPage",
                                                        "a usable new-client form"))
        elif page.selection.client is None:
            needs.append(QCoreApplication.translate("BookingPage", "a client"))
        elif page.details_host.problem:
            needs.append(QCoreApplication.translate("BookingPage", "a usable booking form"))
        elif not page.details_host.ready and page.selection.service is not None:
            needs.append(QCoreApplication.translate(
                "BookingPage", "the service's booking form (loading)"))
        return needs

    def summary_line(self, needs: list[str]) -> str | None:
        """The line above Book: what is still needed, or what will be booked (None while
        nothing is chosen yet to say either)."""
        selection = self._page.selection
        service, slot = selection.service, selection.slot
        if needs:
            return still_needed(needs)
        if service is None or slot is None:
            return None
        who = (selection.client.full_name if selection.client
               else QCoreApplication.translate("BookingPage", "a new client"))
        staff = self._page.staff_names().get(slot.staff_id or "", "")
        return selection_line(service, slot, staff, who, selection.time_zone)

    def waitlist_state(self) -> tuple[bool, bool]:
        """(shown, enabled) of Join waitlist: a full session, and an existing client chosen."""
        page = self._page
        slot = page.selection.slot
        full = page.selection.mode is BookingMode.EVENT and slot is not None and slot.is_full
        return full, full and page.selection.client is not None \
            and not page.client_picker.is_new_client

    def confirmation(self, request: BookingRequest) -> BookingSummary:
        """The confirmation's lines for ``request`` (its booking id comes with the answer)."""
        selection = self._page.selection
        slot, service = selection.slot, selection.service
        assert slot is not None
        assert service is not None
        client = (selection.client.full_name if selection.client is not None
                  else self.new_client_name())
        return BookingSummary(
            booking_id="", service=service.name,
            staff=self._page.staff_names().get(slot.staff_id or "", ""),
            when=slot_when(slot, selection.time_zone), client=client,
            event=request.kind == "event")
