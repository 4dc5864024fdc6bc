"""The day's actions, carried out through the outbox like bookings: written to disk first,
sent once, in order per booking, looked up before any re-send — and shown at once.

Each action is held in the outbox for the Undo window (on disk already: a crash in those
seconds loses nothing), then released. Undo drops it before it was ever sent. While it waits,
the entry shows the intended state ("cancelling…"); a conflict found later waits in the
Drafts panel for the receptionist's decision (pick another time goes back to this page).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from desktop.clock import Clock
from desktop.day.summary import DeskState
from desktop.outbox.model import (
    AcceptBooking,
    BookingLabel,
    CancelBooking,
    CompleteBooking,
    MoveBooking,
    Operation,
    OperationKind,
    OperationStatus,
    Payload,
    RescheduleBooking,
)
from desktop.outbox.store import OutboxStore
from desktop.outbox.wording import describe, pending_text
from desktop.ui.booking.message_banner import Tone
from desktop.ui.day.dialogs import CancelDialog
from desktop.ui.day.entries import DayEntry, Pending
from desktop.ui.day.page import DayPage
from desktop.ui.day.reschedule import RescheduleDialog
from desktop.ui.day.toast import UNDO_SECONDS
from desktop.ui.drafts.sync_service import SyncService
from desktop.ui.tasks import CancelToken, TaskRunner

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Store work of the day's actions: never cancelled by Esc (a write either happens or not).
SCOPE = "day-outbox"
#: Held this much longer than Undo is offered, so nothing is sent while Undo still shows.
HOLD_MARGIN = timedelta(seconds=3)
#: Pending operations are re-read this long after the last change the outbox reported.
OVERLAY_DELAY_MS = 150

# Dialogs are made through these, so tests can answer them without a person.
CancelDialogFactory = Callable[[DayEntry, QWidget], CancelDialog]
RescheduleDialogFactory = Callable[[DayEntry], RescheduleDialog]


class DayActions(QObject):
    def __init__(self, page: DayPage, store: OutboxStore, service: SyncService,
                 runner: TaskRunner, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.store = store
        self.service = service
        self.runner = runner
        self.clock = clock
        self.cancel_dialog: CancelDialogFactory = CancelDialog
        self.reschedule_dialog: RescheduleDialogFactory = self._make_reschedule_dialog
        self._overlay_timer = QTimer(self)
        self._overlay_timer.setSingleShot(True)
        self._overlay_timer.setInterval(OVERLAY_DELAY_MS)
        self._overlay_timer.timeout.connect(self.read_pending)
        self._known_pending: set[str] = set()
        details = page.details
        details.sig_complete.connect(lambda: self.mark(no_show=False))
        details.sig_no_show.connect(lambda: self.mark(no_show=True))
        details.sig_cancel.connect(self.cancel)
        details.sig_reschedule.connect(self.reschedule)
        details.sig_accept.connect(self.accept)
        page.schedule.sig_activated.connect(self._open_actions)
        service.sig_operation_changed.connect(lambda _op: self._overlay_timer.start())
        service.sig_counts_changed.connect(lambda _w, _a: self._overlay_timer.start())

    # ------------------------------------------------------------------ the actions

    def mark(self, *, no_show: bool) -> None:
        """Arrived/done or no-show, for every selected entry (sent ≤50 a call)."""
        entries = [e for e in self.page.schedule.selected_entries()
                   if e.state in (DeskState.SCHEDULED, DeskState.PENDING) and not e.pending]
        if not entries:
            return
        business_id = self.page.business.id
        payloads: list[Payload] = [CompleteBooking(business_id=business_id, booking_id=e.id,
                                                   no_show=no_show) for e in entries]
        if no_show:
            text = self.tr("%n marked as no-show", "", len(entries))
        else:
            text = self.tr("%n marked as arrived / done", "", len(entries))
        if len(entries) == 1:
            text = (self.tr("{name} marked as no-show") if no_show else
                    self.tr("{name} marked as arrived / done")).format(
                name=entries[0].client_text())
        self._hold(payloads, entries, text)

    def accept(self) -> None:
        """A request the client made online becomes a booking."""
        entries = [e for e in self.page.schedule.selected_entries()
                   if e.state is DeskState.PENDING and not e.pending]
        if not entries:
            return
        payloads: list[Payload] = [AcceptBooking(business_id=self.page.business.id,
                                                 booking_id=e.id) for e in entries]
        self._hold(payloads, entries, self.tr("%n request(s) accepted", "", len(entries)))

    def cancel(self) -> None:
        entries = self.page.schedule.selected_entries()
        if len(entries) != 1:
            return
        entry = entries[0]
        dialog = self.cancel_dialog(entry, self.page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        payload = CancelBooking(business_id=self.page.business.id, booking_id=entry.id,
                                message=dialog.message())
        self._hold([payload], [entry], self.tr("{name}'s {time} appointment cancelled").format(
            name=entry.client_text(), time=entry.time_text()))

    def reschedule(self) -> None:
        entries = self.page.schedule.selected_entries()
        if len(entries) != 1:
            return
        self.reschedule_entry(entries[0])

    def reschedule_entry(self, entry: DayEntry, *, replacing: str | None = None) -> None:
        """Choose the new time (and perhaps staff member); ``replacing``: an operation whose
        time was taken, to be given this new time instead of making another one."""
        dialog = self.reschedule_dialog(entry)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
            return
        choice = dialog.choice
        if replacing is not None:
            self._in_background(lambda: self._retime(replacing, choice.start),
                                lambda _op: self.after_change(),
                                self.tr("The new time could not be kept"))
            return
        business_id = self.page.business.id
        payload: Payload
        if choice.new_booking is not None:
            payload = MoveBooking(business_id=business_id, booking_id=entry.id,
                                  new_booking=choice.new_booking, message=choice.message,
                                  new_staff_name=choice.new_staff_name)
            text = self.tr("{name} moved to {staff}").format(name=entry.client_text(),
                                                             staff=choice.new_staff_name)
        else:
            payload = RescheduleBooking(
                business_id=business_id, booking_id=entry.id, start_time=choice.start,
                duration=entry.appointment.duration, notify_client=choice.notify_client,
                message=choice.message)
            text = self.tr("{name} moved").format(name=entry.client_text())
        self._hold([payload], [entry], text)

    def pick_time_for(self, op_id: str) -> None:
        """The Drafts panel's "Pick another time" for a reschedule or move whose time was
        taken: the reschedule dialog for that booking, then the operation gets the time."""
        def loaded(op: Operation | None) -> None:
            entry = None if op is None or op.subject is None else \
                self.page.schedule.entry(op.subject)
            if op is None or entry is None:
                self.page.banner.show_message(self.tr(
                    "Open the day of that appointment first, then choose Pick another time "
                    "again."), Tone.INFO)
                return
            self.reschedule_entry(entry, replacing=op.id)

        store = self.store
        self._in_background(lambda: store.get(op_id), loaded,
                            self.tr("That change could not be read"))

    def _retime(self, op_id: str, start: datetime) -> Operation:
        self.store.change_time(op_id, start)
        return self.store.queue(op_id)

    # ------------------------------------------------------------------ holding for Undo

    def _hold(self, payloads: Sequence[Payload], entries: Sequence[DayEntry],
              text: str) -> None:
        """Write the operations (held), show them at once, offer Undo, then release."""
        self.page.toast.settle()  # one Undo at a time: the previous action goes now
        labels = [BookingLabel.of_appointment(e.appointment, service_name=e.service_text(),
                                              time_zone=e.zone) for e in entries]
        until = self.clock.now() + timedelta(seconds=UNDO_SECONDS) + HOLD_MARGIN
        store = self.store

        def write() -> list[Operation]:
            return store.enqueue_all(list(payloads), labels, not_before=until)

        def written(ops: list[Operation]) -> None:
            self._show_pending(ops)
            self._in_background(self.service.refresh_counts, lambda _none: None,
                                self.tr("The drafts could not be counted"))
            ids = [op.id for op in ops]
            self.page.toast.offer(text, lambda: self._undo(ids), lambda: self._release(ids))

        self._in_background(write, written, self.tr("The change could not be saved"))

    def _undo(self, op_ids: list[str]) -> None:
        store = self.store

        def drop() -> int:
            dropped = 0
            for op_id in op_ids:
                store.drop(op_id)
                dropped += 1
            return dropped

        self._in_background(drop, lambda _n: self.read_pending(),
                            self.tr("Too late to undo: it is being sent"))

    def _release(self, op_ids: list[str]) -> None:
        store, service = self.store, self.service

        def release() -> None:
            for op_id in op_ids:
                if store.get(op_id) is not None:
                    store.queue(op_id)

        def released(_none: None) -> None:
            service.wake()
            self.read_pending()

        self._in_background(release, released, self.tr("The change could not be sent"))

    # ------------------------------------------------------------------ showing what waits

    def read_pending(self) -> None:
        """What waits in the outbox for this day's bookings (read on a worker)."""
        store = self.store

        def read() -> dict[str, list[Operation]]:
            return store.pending_by_booking()

        self._in_background(read, self._pending_read, self.tr("The outbox could not be read"))

    def _pending_read(self, pending: dict[str, list[Operation]]) -> None:
        settled = self._known_pending - set(pending)
        self._known_pending = set(pending)
        self.page.set_pending({booking: overlay(ops) for booking, ops in pending.items()})
        if settled:
            self.after_change()  # something was sent: the platform now has its new state

    def _show_pending(self, ops: Sequence[Operation]) -> None:
        pending = dict(self.page.pending)
        for op in ops:
            if op.subject is not None:
                pending[op.subject] = overlay([op])
                self._known_pending.add(op.subject)
        self.page.set_pending(pending)

    def after_change(self) -> None:
        self.page.refresh()

    def _open_actions(self, entry: object) -> None:
        """Enter or double-click on an entry: the action panel, first action focused."""
        if isinstance(entry, DayEntry):
            self.page.details.focus_first_action()

    # ------------------------------------------------------------------ plumbing

    def _in_background(self, work: Callable[[], T], done: Callable[[T], None],
                       failure: str) -> None:
        def run(_token: CancelToken) -> T:
            return work()

        def failed(error: BaseException) -> None:
            log.warning("%s: %s", failure, error)
            self.page.banner.show_message(f"{failure}: {error}", Tone.ERROR)

        self.runner.run(run, done, failed, scope=SCOPE)

    def _make_reschedule_dialog(self, entry: DayEntry) -> RescheduleDialog:
        page = self.page
        service = page.service(entry.appointment.service_id or "")
        staff = page.staff_for(service)
        return RescheduleDialog(entry, client=page.client, business=page.business,
                                service=service, staff=staff, runner=self.runner,
                                clock=self.clock, parent=page)


def overlay(ops: Sequence[Operation]) -> Pending:
    """What an entry shows while ``ops`` (in send order) are unsettled."""
    first = ops[0]
    if any(op.status in (OperationStatus.NEEDS_ATTENTION, OperationStatus.FAILED)
           for op in ops):
        stuck = next(op for op in ops if op.status in (OperationStatus.NEEDS_ATTENTION,
                                                       OperationStatus.FAILED))
        return Pending(state=None, text=describe(stuck), needs_attention=True)
    last = ops[-1]
    state: DeskState | None = None
    new_start = None
    payload = last.payload
    if last.kind is OperationKind.CANCEL:
        state = DeskState.CANCELLED
    elif isinstance(payload, CompleteBooking):
        state = DeskState.NO_SHOW if payload.no_show else DeskState.DONE
    elif isinstance(payload, AcceptBooking):
        state = DeskState.SCHEDULED
    elif isinstance(payload, RescheduleBooking):
        new_start = payload.start_time
    elif isinstance(payload, MoveBooking):
        new_start = payload.new_booking.start_time
    return Pending(state=state, text=pending_text(first), new_start=new_start)

