"""Booking what is on screen: the request, the wait (which Esc can stop), the confirmation,
and what a refusal or a lost answer means for the receptionist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.api.errors import (
    InDoubtError,
    OfflineError,
    RateLimitedError,
    ServerError,
    SlotTakenError,
    ValidationError,
)
from desktop.api.models import Booking, BookingRequest
from desktop.booking.client_details import MissingClientDetails
from desktop.booking.saved_booking import DraftSaveRequest, SaveReason
from desktop.outbox.model import BookingLabel, JoinWaitlist
from desktop.ui.booking.confirmation import BookingSummary
from desktop.ui.booking.message_banner import Tone
from desktop.ui.messages import plain_words
from desktop.ui.tasks import CancelToken

if TYPE_CHECKING:
    from desktop.ui.booking.page import BookingPage


class BookingSender(QObject):
    """One booking at a time; ``in_flight`` while its answer is awaited."""

    def __init__(self, page: BookingPage) -> None:
        super().__init__(page)
        self._page = page
        self.in_flight: BookingRequest | None = None

    def book(self) -> None:
        page = self._page
        if self.in_flight is not None:
            return
        page.banner.clear()
        needs = page.on_screen.missing_words()
        if needs:
            page.banner.show_message(self.tr("Still needed before booking: {items}.").format(
                items=", ".join(needs)), Tone.WARNING)
            return
        host = page.form_host if page.client_picker.is_new_client else page.details_host
        problem = host.first_problem()
        if problem:
            page.banner.show_message(self.tr("Please check the client's details: {problem}")
                                     .format(problem=problem), Tone.WARNING)
            return
        try:
            request = page.current_request()
        except MissingClientDetails as missing:
            page.banner.show_message(str(missing), Tone.WARNING)
            return
        summary = page.on_screen.confirmation(request)
        self.in_flight = request
        page.update_summary()
        client = page.client

        def work(_token: CancelToken) -> Booking:
            return client.create_booking(request)

        def done(booking: Booking) -> None:
            self.in_flight = None
            page.confirmation.show_summary(BookingSummary(
                booking_id=booking.id, service=summary.service, staff=summary.staff,
                when=summary.when, client=summary.client, event=summary.event))
            page.sig_booked.emit(booking)
            page.reset_for_next_client()

        def failed(error: BaseException) -> None:
            self.in_flight = None
            page.update_summary()
            self._failed(error, request)

        def auth_retry() -> None:
            self.in_flight = None
            self.book()

        page.work.run("book", self.tr("Booking…"), work, done, on_error=failed,
                      retry=auth_retry)

    def stop_waiting(self) -> None:
        """Esc while booking: the request may already be on the server, so it goes to the
        outbox, which looks it up before ever sending it again."""
        request, self.in_flight = self.in_flight, None
        if request is None:
            return
        page = self._page
        page.sig_save_draft.emit(DraftSaveRequest(request, page.saved_booking(),
                                                  SaveReason.CANCELLED))
        page.banner.show_message(self.tr(
            "Stopped waiting for the booking. It was kept in Drafts; Frontdesk will check "
            "whether it reached the server before sending it again."), Tone.WARNING)

    def _failed(self, error: BaseException, request: BookingRequest) -> None:
        page = self._page
        if isinstance(error, SlotTakenError):
            page.banner.show_message(self.tr(
                "That time was just taken by someone else. The open times have been "
                "refreshed: please pick another. Everything else is kept."), Tone.WARNING)
            page.selection.slot = None
            page.times.load()
            page.update_summary()
            return
        if isinstance(error, ValidationError):
            host = page.form_host if page.client_picker.is_new_client else page.details_host
            placed = host.show_refusal(error)
            page.banner.show_message(
                error.message if placed else
                self.tr("The booking was refused: {reason}").format(reason=error.message),
                Tone.ERROR)
            return
        if isinstance(error, OfflineError | RateLimitedError):
            # Nothing reached the server: the outbox sends it when the network is back.
            page.sig_save_draft.emit(DraftSaveRequest(request, page.saved_booking(),
                                                      SaveReason.OFFLINE))
            return
        if isinstance(error, InDoubtError | ServerError):
            # It may have been booked: the outbox looks it up before any re-send.
            page.sig_save_draft.emit(DraftSaveRequest(request, page.saved_booking(),
                                                      SaveReason.IN_DOUBT))
            return
        page.banner.show_message(plain_words(error), Tone.ERROR)

    def join_waitlist(self) -> None:
        """The chosen session is full: the chosen client waits for a spot (an outbox
        operation, sent once like a booking; the window queues it)."""
        page = self._page
        selection = page.selection
        slot, client, service = selection.slot, selection.client, selection.service
        if slot is None or client is None or not slot.event_instance_id or service is None:
            return
        payload = JoinWaitlist(business_id=page.business.id,
                               event_instance_id=slot.event_instance_id, client_id=client.id)
        label = BookingLabel(client_name=client.full_name, start_time=slot.start_time,
                             time_zone=selection.time_zone, service_name=service.name,
                             staff_name=page.staff_names().get(slot.staff_id or "", ""))
        page.sig_join_waitlist.emit(payload, label)
