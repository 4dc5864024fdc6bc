"""Ties the outbox to the booking window: keeps the drafts the page asks for, autosaves the
form in progress, offers to restore it after a crash, reopens drafts from the panel, and feeds
the status bar. Every store call runs on the task runner (scope ``drafts``), never on the GUI
thread; Esc on the page does not cancel them.

Saving the same booking twice updates the same draft: after Ctrl+S the draft stays *open*
(like one reopened from the panel) until the booking is made or handed to the outbox, the
page is reset for the next client, or another person is put on screen.

The window builds its Book page on first use, so the coordinator may be given a way to get
the page instead of the page: it asks for it only when it must put something on it, and
listens to it from :meth:`DraftsCoordinator.attach_page` (which the window calls when it
builds the page).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.api.client import BookingClient
from desktop.booking.saved_booking import DraftSaveRequest, SavedBooking, SaveReason
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.outbox.engine import SyncEngine
from desktop.outbox.errors import OpenProblem, OutboxStorageError, OutboxUnavailableError
from desktop.outbox.model import AutosavedForm, BookingLabel, JoinWaitlist, Operation
from desktop.outbox.policy import EDITABLE
from desktop.outbox.store import FILE_NAME, OutboxStore
from desktop.outbox.wording import clock_time
from desktop.ui.booking.message_banner import Tone
from desktop.ui.drafts.panel import DraftsPanel
from desktop.ui.drafts.sync_service import SyncService
from desktop.ui.formatting import clock_time as wall_clock_time
from desktop.ui.formatting import day_and_month
from desktop.ui.plain_text import ask_plainly
from desktop.ui.tasks import CancelToken, TaskRunner

if TYPE_CHECKING:
    from desktop.ui.booking.page import BookingPage

log = logging.getLogger(__name__)

T = TypeVar("T")
SCOPE = "drafts"

#: Autosave this long after the last change: a crash loses at most about a second of typing.
AUTOSAVE_DELAY_MS = 500

# What the page says after keeping a booking (English; shown as translate("Drafts", …)).
SAVED_OFFLINE = QT_TRANSLATE_NOOP("Drafts", "Saved — will be sent when back online.")
SAVED_IN_DOUBT = QT_TRANSLATE_NOOP(
    "Drafts", "The server did not confirm the booking. It was kept in Drafts: Frontdesk will "
              "check whether it was booked before it ever sends it again.")
SAVED_MANUAL = QT_TRANSLATE_NOOP("Drafts", "Saved as a draft. Find it under View → Drafts.")
STOPPED_WAITING = QT_TRANSLATE_NOOP(
    "Drafts", "Frontdesk stopped waiting for the server. The booking may or may not have been "
              "made; it will be looked up before any re-send.")


def same_person(before: SavedBooking, now: SavedBooking) -> bool:
    """Is ``now`` still the booking of the draft saved as ``before``? A different existing
    client, or a new client with another name, is another person: a new draft, so that no
    one's draft is ever overwritten with someone else's booking."""
    if before.client is not None or now.client is not None:
        return before.client is not None and now.client is not None \
            and before.client.id == now.client.id
    if before.new_client and now.new_client:
        return not (before.client_name and now.client_name
                    and before.client_name != now.client_name)
    return not before.new_client


class DraftsCoordinator(QObject):
    sig_counts_changed = Signal(int, int)
    #: How many sends are in doubt (answer lost), waiting for their look-up.
    sig_in_doubt_changed = Signal(int)
    sig_online_changed = Signal(bool)
    sig_auth_required = Signal()

    def __init__(self, page: BookingPage | Callable[[], BookingPage], client: BookingClient,
                 business_id: str,
                 data_dir: Path, runner: TaskRunner, parent: QWidget | None = None,
                 *, confirm: Callable[[str], bool] | None = None,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__(parent)
        self._page_source = page
        self._page: BookingPage | None = None
        self.runner = runner
        self.clock = clock
        self._parent_widget = parent
        self._confirm = confirm or self._ask
        #: The draft on screen (reopened, or saved with Ctrl+S): saving again updates it,
        #: booking it replaces it.
        self.open_draft_id: str | None = None
        self._open_booking: SavedBooking | None = None
        self._restoring = False

        #: The drafts file could not be opened at start: these drafts live only until exit.
        self.session_only = False
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as problem:
            raise OutboxUnavailableError(self.tr(
                "The folder {folder} cannot be created or written ({reason}).").format(
                folder=data_dir, reason=problem.strerror or problem),
                OpenProblem.FOLDER_NOT_WRITABLE) from problem
        # Raises OutboxUnavailableError (with a sentence and a reason) when the file cannot
        # be opened; the file is then left untouched.
        self.store = OutboxStore(data_dir / FILE_NAME, clock=clock)
        self.engine = SyncEngine(self.store, client, business_id, clock=clock)
        self.service = SyncService(self.engine, self)
        self.panel = DraftsPanel(self.store, runner, self.service)

        self.service.sig_counts_changed.connect(self.sig_counts_changed)
        self.service.sig_online_changed.connect(self.sig_online_changed)
        self.service.sig_auth_required.connect(self.sig_auth_required)
        self.panel.sig_open_draft.connect(self.reopen)
        self.service.sig_counts_changed.connect(lambda _w, _a: self._count_in_doubt())

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        if isinstance(page, QWidget):
            self.attach_page(page)

    @property
    def page(self) -> BookingPage:
        """The booking page (asking for it has the window build it, the first time)."""
        if self._page is None:
            source = self._page_source
            page = source if isinstance(source, QWidget) else source()
            self.attach_page(page)  # nothing more if the window attached it while building
        assert self._page is not None
        return self._page

    def attach_page(self, page: BookingPage) -> None:
        """Listen to the booking page: drafts it asks for, bookings, edits to autosave."""
        if self._page is page:
            return
        self._page = page
        page.sig_save_draft.connect(self.save_from_page)
        page.sig_join_waitlist.connect(self.join_waitlist)
        page.sig_booked.connect(self._booked)
        page.sig_form_changed.connect(self.schedule_autosave)
        # The page met the network down: the outbox watches for its return; the page heard
        # from the API: in-doubt look-ups that failed are tried again at once.
        page.sig_online_changed.connect(self.network_seen)
        # Changes of what is picked count as edits too, not only typing in the form.
        for signal in (page.service_picker.sig_service_changed,
                       page.staff_picker.sig_staff_changed,
                       page.slot_picker.sig_slot_chosen,
                       page.event_picker.sig_instance_chosen,
                       page.client_picker.sig_client_chosen):
            signal.connect(lambda *_: self.schedule_autosave())

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        if self.store.recovery_notice:
            self.page.banner.show_message(self.store.recovery_notice, Tone.WARNING)
        self.service.start()
        self._offer_restore()

    def shutdown(self) -> None:
        """Stop sending; keep the form in progress if its autosave was still pending (queued
        on the runner, whose shutdown waits for it: closing never loses the last second of
        typing). The window closes the store after its runner has drained."""
        if self._autosave_timer.isActive():
            self._autosave_timer.stop()
            self.autosave_now()
        self.service.stop()

    def close_store(self) -> None:
        self.store.close()

    def resume_after_sign_in(self) -> None:
        self.service.resume()

    @property
    def in_doubt_grace(self) -> timedelta:
        return self.engine.timing.in_doubt_grace

    # ------------------------------------------------------------------ background store calls

    def _in_background(self, work: Callable[[], T], done: Callable[[T], None],
                       failed: Callable[[BaseException], None] | None = None) -> None:
        def run(_token: CancelToken) -> T:
            return work()

        self.runner.run(run, done, failed or self._storage_failed, scope=SCOPE)

    def _storage_failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, OutboxStorageError) else self.tr(
            "The draft could not be saved. Nothing was lost from the form; try again.")
        log.error("Draft storage failed: %s", error)
        self.page.banner.show_message(message, Tone.ERROR)

    def network_seen(self, online: bool) -> None:
        """A page heard from the API (in-doubt look-ups that failed go again at once), or met
        the network down (the outbox watches for its return)."""
        if online:
            self.service.api_answered()
        else:
            self.service.connection_lost()

    def _count_in_doubt(self) -> None:
        store = self.store
        self._in_background(store.in_doubt, self.sig_in_doubt_changed.emit,
                            lambda error: log.warning("Counting look-ups failed: %s", error))

    def _refresh_counts(self) -> None:
        """Re-count on a worker (a store read); the counts come back as a signal."""
        self._in_background(self.service.refresh_counts, lambda _none: None,
                            lambda error: log.warning("Counting drafts failed: %s", error))

    # ------------------------------------------------------------------ saving

    def _forget_open_draft(self) -> None:
        self.open_draft_id = None
        self._open_booking = None

    def join_waitlist(self, payload: JoinWaitlist, label: BookingLabel) -> None:
        """Keep the waitlist request in the outbox (sent at once, or when back online)."""
        store, service = self.store, self.service

        def work() -> Operation:
            return store.enqueue(payload, label=label)

        def done(_op: Operation) -> None:
            service.wake()
            self.panel.refresh()
            self.page.banner.show_message(self.tr(
                "{client} will be put on the waitlist of {service}, {time}. It is sent now, or "
                "as soon as the network is back.").format(
                client=label.client_name, service=label.service_name,
                time=clock_time(label.start_time, label.time_zone)), Tone.SUCCESS)

        self._in_background(work, done)

    def save_from_page(self, save: DraftSaveRequest) -> None:
        """The page asks to keep a booking: ``manual`` (Ctrl+S), ``offline`` (not sent),
        ``in_doubt`` (sent, answer lost) or ``cancelled`` (the desk stopped waiting)."""
        reason = save.reason
        opened = self._open_booking
        draft_id = self.open_draft_id if opened is not None and same_person(
            opened, save.booking) else None
        store = self.store
        not_before = self.clock.now() + self.in_doubt_grace

        def work() -> Operation:
            if reason.may_have_reached_server and save.request is not None:
                note = translate("Drafts", STOPPED_WAITING if reason is SaveReason.CANCELLED
                                 else SAVED_IN_DOUBT)
                saved = store.save_draft(save.request, save.booking, in_doubt=note,
                                         not_before=not_before)
                current = store.get(draft_id) if draft_id is not None else None
                if current is not None and current.status in EDITABLE:
                    store.drop(current.id)  # replaced by the one in doubt
                return saved
            queue = reason is SaveReason.OFFLINE and save.request is not None
            current = store.get(draft_id) if draft_id is not None else None
            if current is not None and current.status in EDITABLE and not current.needs_lookup:
                updated = store.update_draft(current.id, save.request, save.booking)
                return store.queue(updated.id) if queue else updated
            return store.save_draft(save.request, save.booking, queue=queue)

        def done(draft: Operation) -> None:
            self._clear_autosave()
            self.panel.refresh()
            self._refresh_counts()
            if reason is SaveReason.MANUAL:
                # The same booking saved again updates this draft (issue 12).
                self.open_draft_id, self._open_booking = draft.id, save.booking
                self.page.show_saved_as_draft(translate("Drafts", SAVED_MANUAL))
            else:
                self._forget_open_draft()
                self.page.reset_for_next_client()
                # The outbox may be in a long idle sleep: have it plan the send (or the
                # look-up after the grace) now.
                self.service.wake()
                if reason is SaveReason.OFFLINE:
                    self.page.show_saved_as_draft(translate("Drafts", SAVED_OFFLINE))
                else:
                    self.page.banner.show_message(translate(
                        "Drafts", STOPPED_WAITING if reason is SaveReason.CANCELLED
                        else SAVED_IN_DOUBT), Tone.WARNING)
            log.info("Draft %s saved (%s)", draft.id, reason)

        self._in_background(work, done)

    def _booked(self, _booking: object) -> None:
        draft_id = self.open_draft_id
        self._forget_open_draft()
        store = self.store

        def work() -> None:
            current = store.get(draft_id) if draft_id is not None else None
            if current is not None and current.status in EDITABLE:
                store.drop(current.id)  # booked directly from the window: the draft is done
            store.clear_autosave()

        self._in_background(work, lambda _none: self._after_booking())

    def _after_booking(self) -> None:
        self.panel.refresh()
        self._refresh_counts()

    # ------------------------------------------------------------------ reopening

    def reopen(self, draft_id: str, booking: SavedBooking) -> None:
        self.open_draft_id = draft_id
        self._open_booking = booking
        self._restoring = True
        try:
            self.page.restore_values(booking)
        finally:
            self._restoring = False
        if self.page.banner.text.text():
            return  # the page said something that matters more (e.g. the time has passed)
        self.page.banner.show_message(self.tr(
            "Draft reopened. Fix what is needed (for example pick another time), then Book, "
            "or save it again with Ctrl+S."), Tone.INFO)

    # ------------------------------------------------------------------ autosave

    def schedule_autosave(self) -> None:
        if not self._restoring:
            self._autosave_timer.start()

    def autosave_now(self) -> None:
        if self._page is None:
            return  # no Book page yet: nothing typed to keep
        form = self._page.saved_booking()
        if not form.worth_keeping:
            return
        store = self.store
        self._in_background(lambda: store.autosave(form), lambda _none: None,
                            lambda error: log.warning("Autosave failed: %s", error))

    def _clear_autosave(self) -> None:
        self._autosave_timer.stop()
        store = self.store
        self._in_background(store.clear_autosave, lambda _none: None,
                            lambda error: log.warning("Clearing the autosave failed: %s", error))

    def _offer_restore(self) -> None:
        store = self.store
        self._in_background(store.recover_autosave, self._restore_offered,
                            lambda error: log.warning("Reading the autosave failed: %s", error))

    def _restore_offered(self, saved: AutosavedForm | None) -> None:
        if saved is None or not saved.form.worth_keeping:
            return
        local = saved.saved_at.astimezone()  # the desk's own clock, as the person saw it
        when = self.tr("{time} on {day}").format(time=wall_clock_time(local),
                                                  day=day_and_month(local.date()))
        who = saved.form.client_name or self.tr("a client")
        if self._confirm(self.tr("Frontdesk closed before a booking for {who} was finished "
                                 "(last change at {when}). Restore it?").format(who=who,
                                                                                when=when)):
            self.page.restore_values(saved.form)
        else:
            self._clear_autosave()

    def _ask(self, question: str) -> bool:
        # The question names the client: plain text, whatever the name holds.
        return ask_plainly(self._parent_widget, self.tr("Restore unfinished booking?"),
                           question)
