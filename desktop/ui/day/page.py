"""The Day page: the chosen day's appointments and registrations in the business's zone, one
column per working staff member, kept current; the chosen entry's details and client beside
it; and the actions of the day (done, no-show, cancel, reschedule, book again).

The page draws; :class:`~desktop.ui.day.loader.DayLoader` reads (on workers);
:class:`~desktop.ui.day.actions.DayActions` changes (through the outbox, like bookings).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QSplitter, QVBoxLayout, QWidget

from desktop.api.client import BookingClient
from desktop.api.models import Appointment, Business, Client, Service, Staff
from desktop.booking.staffing import shortest_service_per_staff, staff_for_service
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.day.book import day_bounds
from desktop.day.summary import count_day
from desktop.ui.booking.busy_bar import BusyBar
from desktop.ui.booking.message_banner import MessageBanner, Tone
from desktop.ui.day.details import DetailsPanel
from desktop.ui.day.entries import DayEntry, Pending
from desktop.ui.day.loader import DayLoader
from desktop.ui.day.schedule import Schedule
from desktop.ui.day.toast import UndoToast
from desktop.ui.day.toolbar import EVERYONE, DayToolbar
from desktop.ui.messages import plain_words
from desktop.ui.page_work import PageWork
from desktop.ui.tasks import TaskRunner

NO_STAFF = "__none__"


class DayPage(QWidget):
    """``sig_book_again(appointment)``: the window opens Book with the same client and
    service. ``pending`` (booking id → Pending) is set by the window from the outbox."""

    sig_book_again = Signal(object)

    def __init__(self, client: BookingClient, business: Business, runner: TaskRunner,
                 parent: QWidget | None = None, *, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__(parent)
        self.setObjectName("day-page")
        self.client = client
        self.business = business
        self.zone_name = business.time_zone or "UTC"
        self.banner = MessageBanner(self)
        self.busy = BusyBar(self)
        self.work = PageWork(runner, self.busy, self.banner, "day", self)
        self.sig_auth_failed = self.work.sig_auth_failed
        self.sig_online_changed = self.work.sig_online_changed
        self.loader = DayLoader(client, business, self.work, clock, self)
        self.toolbar = DayToolbar(self)
        self.schedule = Schedule(self)
        self.details = DetailsPanel(self)
        self.toast = UndoToast(self)
        self._staff: list[Staff] = []
        self._services: dict[str, Service] = {}
        self._appointments: list[Appointment] = []
        self._free_minutes: int | None = None
        self.pending: dict[str, Pending] = {}
        self._shown_client: str | None = None

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.schedule)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.toolbar.counts)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.toast)
        self._connect()
        self._day_keys()
        self.toolbar.set_today(self.loader.today())
        self.toolbar.show_day(self.loader.today())
        self.schedule.show_message(self.tr("Loading the day…"))

    def _connect(self) -> None:
        self.toolbar.sig_day_changed.connect(self.show_day)
        self.toolbar.sig_staff_filter_changed.connect(lambda _s: self._redraw())
        self.loader.sig_day_loaded.connect(self._day_loaded)
        self.loader.sig_failed.connect(self._load_failed)
        self.loader.sig_free_minutes.connect(self._free_time)
        self.loader.sig_client.connect(self._client_details)
        self.loader.sig_upcoming.connect(self._client_upcoming)
        self.schedule.sig_current_changed.connect(self._entry_chosen)
        self.schedule.sig_selection_changed.connect(self._selection_changed)
        self.busy.sig_cancel.connect(self.work.cancel)
        self.details.sig_book_again.connect(self._book_again)

    def _day_keys(self) -> None:
        """Alt+Left / Alt+Right: the day before or after, wherever the focus is on the page
        (the schedule's lists would otherwise take the arrows for moving between columns)."""
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=step: self.toolbar.step(s))
            self.addAction(action)

    # ================================================================== the day shown

    def set_catalogue(self, services: list[Service], staff: list[Staff]) -> None:
        """Services and staff from the booking page's catalogue (names, free time)."""
        self._services = {service.id: service for service in services}
        self._staff = [member for member in staff if member.active]
        self.toolbar.set_staff([(member.id, member.label) for member in self._staff])
        self._redraw()
        self._load_free_time()

    def service(self, service_id: str) -> Service | None:
        return self._services.get(service_id)

    def staff_for(self, service: Service | None) -> list[Staff]:
        """Who can take ``service`` (for a reschedule or a move)."""
        return staff_for_service(service, self._staff)

    def start(self) -> None:
        """Show today and keep it current."""
        self.show_day(self.loader.today())
        self.loader.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        self.loader.timer.stop()
        self.toast.settle()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def day(self) -> date:
        return self.toolbar.day()

    def show_day(self, day: date) -> None:
        self.toolbar.set_today(self.loader.today())
        self.toolbar.show_day(day)
        self._appointments = []
        self._free_minutes = None
        self.toolbar.set_counts(None, None)
        if not self.loader.book.has_day(day):
            self.schedule.show_message(self.tr("Loading the day…"))
        self.loader.load(day)
        self._load_free_time()

    def refresh(self) -> None:
        """Look for changes now (the window came back to the front, an action was sent)."""
        self.loader.refresh()

    def set_pending(self, pending: dict[str, Pending]) -> None:
        """What this desk has waiting in the outbox, by booking id (shown at once)."""
        self.pending = pending
        self._redraw()

    def _day_loaded(self, day: date, appointments: list[Appointment]) -> None:
        if day != self.day():
            return
        self._appointments = appointments
        if self.banner.tone is Tone.ERROR:
            self.banner.clear()  # the last failure is over
        self._redraw()

    def _load_failed(self, error: BaseException) -> None:
        if not self._appointments and not self.loader.book.has_day(self.day()):
            self.schedule.show_message(self.tr("The day could not be loaded: {reason}").format(
                reason=plain_words(error)))
        self.banner.show_message(plain_words(error), Tone.ERROR)

    def _free_time(self, day: date, minutes: object) -> None:
        if day == self.day():
            self._free_minutes = minutes if isinstance(minutes, int) else None
            self._show_counts()

    def _load_free_time(self) -> None:
        day = self.day()
        if day < self.loader.today():
            self.loader.sig_free_minutes.emit(day, 0)
            return
        # Each staff member's free time is read with the shortest service they give (a few
        # services, even among 10,000).
        plan = shortest_service_per_staff(self._services.values(), self._staff)
        self.loader.load_free_time(day, plan)

    # ================================================================== drawing

    def entries(self) -> list[DayEntry]:
        names = {member.id: member.label for member in self._staff}
        shown: list[DayEntry] = []
        for appointment in self._appointments:
            service = self._services.get(appointment.service_id or "")
            shown.append(DayEntry(
                appointment, self.zone_name,
                staff_name=names.get(appointment.staff_id or "",
                                     appointment.staff_display_name or ""),
                service_name=service.name if service else "",
                pending=self.pending.get(appointment.id)))
        return shown

    def _redraw(self) -> None:
        day = self.day()
        if not self.loader.book.has_day(day) and not self._appointments:
            return
        entries = self.entries()
        chosen = self.toolbar.staff_shown()
        columns: list[tuple[str, str, list[DayEntry]]] = []
        working = {entry.appointment.staff_id or NO_STAFF for entry in entries}
        for member in self._staff:
            if member.id in working and chosen in (EVERYONE, member.id):
                columns.append((member.id, member.label,
                                [e for e in entries if e.appointment.staff_id == member.id]))
        others = [e for e in entries if (e.appointment.staff_id or NO_STAFF)
                  not in {member.id for member in self._staff}]
        if others and chosen == EVERYONE:
            columns.append((NO_STAFF, self.tr("Others"), others))
        start, end = day_bounds(day, self.loader.zone)
        now = self.loader.now()
        self._show_counts()
        if not any(entries for _, _, entries in columns):
            self.schedule.show_message(self.tr("No appointments on this day.") if chosen ==
                                       EVERYONE else self.tr("No appointments for them today."))
            return
        self.schedule.set_day(columns, now if start <= now < end else None)

    def _show_counts(self) -> None:
        self.toolbar.set_counts(count_day([e.appointment for e in self.entries()],
                                          self.loader.now()), self._free_minutes)

    # ================================================================== the chosen entry

    def _entry_chosen(self, entry: object) -> None:
        if not isinstance(entry, DayEntry):
            self.details.show_nothing()
            return
        self.details.show_entry(entry)
        client_id = entry.appointment.client_id
        self._shown_client = client_id
        if client_id:
            self.loader.load_client(client_id)

    def _selection_changed(self) -> None:
        selected = self.schedule.selected_entries()
        if len(selected) > 1:
            self.details.show_several(selected)
        elif len(selected) == 1:
            self._entry_chosen(selected[0])

    def _client_details(self, client_id: str, client: object) -> None:
        if client_id == self._shown_client:
            self.details.show_client(client if isinstance(client, Client) else None)

    def _client_upcoming(self, client_id: str, found: object) -> None:
        if client_id != self._shown_client:
            return
        if isinstance(found, BaseException):
            self.details.show_upcoming_error(plain_words(found))
            return
        current = self.schedule.current_id() or ""
        self.details.show_upcoming(found if isinstance(found, list) else [], self.zone_name,
                                   excluding=current)

    def _book_again(self) -> None:
        selected = self.schedule.selected_entries()
        if selected:
            self.sig_book_again.emit(selected[0].appointment)

    # ================================================================== keeping current

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window came back to the front: someone may have booked meanwhile.
        if event.type() == QEvent.Type.ApplicationActivate and self.isVisible():
            self.refresh()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.work.waiting:
            self.work.cancel()
            return
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and \
                event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.toolbar.step(-1 if event.key() == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)
