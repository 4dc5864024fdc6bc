"""Ties the drafts outbox to the booking window: saves drafts the page asks for, autosaves the
form in progress, offers to restore it after a crash, reopens drafts from the panel, and feeds
the status bar. Every store call runs on the task runner, never on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.api.client import BookingClient
from desktop.api.models import BookingRequest
from desktop.booking.saved_booking import DraftSaveRequest, SavedBooking
from desktop.drafts.errors import DraftStorageError
from desktop.drafts.store import AutosavedForm, Draft, DraftStore
from desktop.drafts.sync import SyncEngine
from desktop.ui.booking.message_banner import Tone
from desktop.ui.booking.page import BookingPage
from desktop.ui.drafts.panel import DraftsPanel
from desktop.ui.drafts.sync_service import SyncService
from desktop.ui.tasks import CancelToken, TaskRunner

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Autosave this long after the last change: a crash loses at most about a second of typing.
AUTOSAVE_DELAY_MS = 500
#: A booking whose answer never came is looked up only after its request must have ended
#: (the client's read timeout), so the look-up cannot race the request itself.
IN_DOUBT_GRACE = timedelta(seconds=25)

SAVED_OFFLINE = "Saved — will be sent when back online."
SAVED_IN_DOUBT = ("The server did not confirm the booking. It was kept in Drafts: Frontdesk "
                  "will check whether it was booked before it ever sends it again.")
SAVED_MANUAL = "Saved as a draft. Find it under View → Drafts."
STOPPED_WAITING = ("Frontdesk stopped waiting for the server. The booking may or may not "
                   "have been made; it will be looked up before any re-send.")


class DraftsCoordinator(QObject):
    sig_counts_changed = Signal(int, int)
    sig_online_changed = Signal(bool)
    sig_auth_required = Signal()

    def __init__(self, page: BookingPage, client: BookingClient, business_id: str,
                 data_dir: Path, runner: TaskRunner, parent: QWidget | None = None,
                 *, confirm: Callable[[str], bool] | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.runner = runner
        self._parent_widget = parent
        self._confirm = confirm or self._ask
        #: The draft on screen, when one was reopened: booking it replaces that draft.
        self.open_draft_id: str | None = None
        self._restoring = False

        data_dir.mkdir(parents=True, exist_ok=True)
        self.store = DraftStore(data_dir / "drafts.sqlite3")
        self.engine = SyncEngine(self.store, client, business_id)
        self.service = SyncService(self.engine, self)
        self.panel = DraftsPanel(self.store, runner, self.service)

        self.service.sig_counts_changed.connect(self.sig_counts_changed)
        self.service.sig_online_changed.connect(self.sig_online_changed)
        self.service.sig_auth_required.connect(self.sig_auth_required)
        self.panel.sig_open_draft.connect(self.reopen)
        page.sig_save_draft.connect(self.save_from_page)
        page.sig_booked.connect(self._booked)
        page.sig_form_changed.connect(self.schedule_autosave)
        # The page met the network down: the outbox then watches for its return, which puts
        # the status bar back to Online even when nothing the page does would.
        page.sig_online_changed.connect(
            lambda online: None if online else self.engine.connection_lost())

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
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
        """Stop sending; keep the form in progress if its autosave was still pending (a quick
        write at exit, so closing the window never loses the last second of typing). The
        window closes the store after its runner has drained."""
        if self._autosave_timer.isActive():
            self._autosave_timer.stop()
            values = self.page.collect_values()
            if _worth_keeping(values):
                try:
                    self.store.autosave(values)
                except DraftStorageError as error:
                    log.warning("Final autosave failed: %s", error)
        self.service.stop()

    def close_store(self) -> None:
        self.store.close()

    def resume_after_sign_in(self) -> None:
        self.service.resume()

    # ------------------------------------------------------------------ background store calls

    def _in_background(self, work: Callable[[], T], done: Callable[[T], None],
                       failed: Callable[[BaseException], None] | None = None) -> None:
        def run(_token: CancelToken) -> T:
            return work()

        self.runner.run(run, done, failed or self._storage_failed)

    def _storage_failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, DraftStorageError) else (
            "The draft could not be saved. Nothing was lost from the form; try again.")
        log.error("Draft storage failed: %s", error)
        self.page.banner.show_message(message, Tone.ERROR)

    def _refresh_counts(self) -> None:
        """Re-count on a worker (a store read); the counts come back as a signal."""
        self._in_background(self.service.refresh_counts, lambda _none: None,
                            lambda error: log.warning("Counting drafts failed: %s", error))

    # ------------------------------------------------------------------ saving

    def save_from_page(self, asked: DraftSaveRequest) -> None:
        """The page asks to keep a booking: ``manual`` (Ctrl+S), ``offline`` (not sent),
        ``in_doubt`` (sent, answer lost) or ``cancelled`` (the desk stopped waiting)."""
        request, values, reason = asked.request, asked.booking.to_json(), asked.reason.value
        body: BookingRequest | dict[str, Any] = request if request is not None else {}
        draft_id = self.open_draft_id
        store = self.store

        def work() -> Draft:
            if reason in {"in_doubt", "cancelled"} and request is not None:
                note = STOPPED_WAITING if reason == "cancelled" else SAVED_IN_DOUBT
                saved = store.save(body, values, in_doubt=note,
                                   not_before=datetime.now(UTC) + IN_DOUBT_GRACE)
                if draft_id is not None:
                    store.delete(draft_id)
                return saved
            queue = reason == "offline" and request is not None
            if draft_id is not None and store.get(draft_id) is not None:
                updated = store.update_request(draft_id, body, values)
                return store.queue(updated.id) if queue else updated
            return store.save(body, values, queue=queue)

        def done(draft: Draft) -> None:
            self.open_draft_id = None
            self._clear_autosave()
            self.panel.refresh()
            self._refresh_counts()
            if reason == "offline":
                self.page.show_saved_as_draft(SAVED_OFFLINE)
                self.page.reset_for_next_client()
                self.service.wake()
            elif reason in {"in_doubt", "cancelled"}:
                self.page.banner.show_message(
                    STOPPED_WAITING if reason == "cancelled" else SAVED_IN_DOUBT, Tone.WARNING)
                self.page.reset_for_next_client()
                # The outbox may be in a long idle sleep: have it plan the look-up for when
                # the grace ends, not at its next idle check (up to IDLE_WAIT_S later).
                self.service.wake()
            else:
                self.page.show_saved_as_draft(SAVED_MANUAL)
            log.info("Draft %s saved (%s)", draft.id, reason)

        self._in_background(work, done)

    def _booked(self, _booking: object) -> None:
        draft_id, self.open_draft_id = self.open_draft_id, None
        store = self.store

        def work() -> None:
            if draft_id is not None and store.get(draft_id) is not None:
                store.delete(draft_id)  # booked directly from the window: the draft is done
            store.clear_autosave()

        self._in_background(work, lambda _none: self._after_booking())

    def _after_booking(self) -> None:
        self.panel.refresh()
        self._refresh_counts()

    # ------------------------------------------------------------------ reopening

    def reopen(self, draft_id: str, values: dict[str, Any]) -> None:
        self.open_draft_id = draft_id
        self._restoring = True
        try:
            self.page.restore_values(values)
        finally:
            self._restoring = False
        self.page.banner.show_message(
            "Draft reopened. Fix what is needed (for example pick another time), then Book, "
            "or save it again with Ctrl+S.", Tone.INFO)

    # ------------------------------------------------------------------ autosave

    def schedule_autosave(self) -> None:
        if not self._restoring:
            self._autosave_timer.start()

    def autosave_now(self) -> None:
        values = self.page.collect_values()
        if not _worth_keeping(values):
            return
        store = self.store
        self._in_background(lambda: store.autosave(values), lambda _none: None,
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
        if saved is None or not _worth_keeping(saved.values):
            return
        when = saved.saved_at.astimezone().strftime("%H:%M on %a %d %b")
        who = saved.values.get("client_name") or "a client"
        if self._confirm(f"Frontdesk closed before a booking for {who} was finished "
                         f"(last change at {when}). Restore it?"):
            self.page.restore_values(saved.values)
        else:
            self._clear_autosave()

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self._parent_widget, "Restore unfinished booking?",
                                      question)
        return answer == QMessageBox.StandardButton.Yes


def _worth_keeping(values: dict[str, Any]) -> bool:
    return SavedBooking.from_json(values).worth_keeping
