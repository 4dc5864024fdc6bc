"""Loading and refreshing the day on workers: the appointment book (read a day once, then only
what changed), the free time left, and the chosen client's details and other appointments.

One key for every book call ("day-book"), so a load and a refresh never use the book at the
same time; answers for a day no longer shown are dropped.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.api.client import BookingClient
from desktop.api.models import Appointment, Business, Client, Service, Slot
from desktop.clock import Clock, today_in
from desktop.day.book import AppointmentBook, Refresh, day_bounds
from desktop.ui.page_work import PageWork, cancel_check
from desktop.ui.tasks import CancelToken

#: Refresh this often while the window is used (a booking made elsewhere shows within 30 s).
REFRESH_MS = 15_000
#: While the API cannot be reached, wait longer between tries, up to this.
OFFLINE_REFRESH_MAX_MS = 120_000


class DayLoader(QObject):
    sig_day_loaded = Signal(object, object)  # date, list[Appointment]
    sig_refreshed = Signal(object)  # Refresh
    sig_failed = Signal(object)  # BaseException
    sig_free_minutes = Signal(object, object)  # date, int | None
    sig_client = Signal(str, object)  # client id, Client | None
    sig_upcoming = Signal(str, object)  # client id, list[Appointment]

    def __init__(self, client: BookingClient, business: Business, work: PageWork,
                 clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._business = business
        self._work = work
        self._clock = clock
        self.zone = ZoneInfo(business.time_zone or "UTC")
        self.book = AppointmentBook(client, business.id, self.zone)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._interval = REFRESH_MS
        self._day: date | None = None

    def today(self) -> date:
        return today_in(self._clock, self.zone)

    def now(self) -> datetime:
        return self._clock.now()

    # ------------------------------------------------------------------ the day

    def load(self, day: date) -> None:
        self._day = day
        book = self.book

        def work(token: CancelToken) -> list[Appointment]:
            return book.load_day(day, cancel=cancel_check(token))

        def loaded(appointments: list[Appointment]) -> None:
            if day == self._day:
                self._online()
                self.sig_day_loaded.emit(day, appointments)

        self._work.run("day-book", self.tr("Loading the day…"), work, loaded,
                       retry=lambda: self.load(day), on_error=self._failed)

    def refresh(self) -> None:
        """Apply what changed since the last look (a request or two)."""
        if self._day is None:
            return
        book, day = self.book, self._day

        def work(token: CancelToken) -> tuple[Refresh, list[Appointment]]:
            result = book.refresh(cancel=cancel_check(token))
            return result, book.load_day(day, cancel=cancel_check(token))

        def done(answer: tuple[Refresh, list[Appointment]]) -> None:
            result, appointments = answer
            self._online()
            self.sig_refreshed.emit(result)
            if day == self._day:
                self.sig_day_loaded.emit(day, appointments)

        self._work.run_quietly("day-book", work, done, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        # Back off while the API cannot be reached; the outbox reports when it answers again.
        self._interval = min(self._interval * 2, OFFLINE_REFRESH_MAX_MS)
        self.timer.setInterval(self._interval)
        self.sig_failed.emit(error)

    def _online(self) -> None:
        if self._interval != REFRESH_MS:
            self._interval = REFRESH_MS
            self.timer.setInterval(REFRESH_MS)

    # ------------------------------------------------------------------ free time

    def load_free_time(self, day: date, plan: dict[str, tuple[Service, list[str]]]) -> None:
        """Free time left on ``day`` (from now on, for today). ``plan``: for each service,
        the staff members whose shortest service it is; their open times for it are merged
        per staff member (one availability call per service, not per person)."""
        if not plan:
            self.sig_free_minutes.emit(day, None)
            return
        client, business_id, zone = self._client, self._business.id, self.zone
        now = self._clock.now()
        day_end = day_bounds(day, zone)[1]

        def work(token: CancelToken) -> int:
            total = 0
            for service, staff_ids in plan.values():
                slots = client.get_availability(
                    business_id=business_id, service_id=service.id, start_date=day,
                    end_date=day, time_zone=str(zone.key), staff_ids=staff_ids,
                    kind="appointment", cancel=cancel_check(token)).get(day, [])
                total += free_minutes(slots, now, day_end, service.duration)
            return total

        self._work.run_quietly("day-free", work, lambda minutes: self.sig_free_minutes.emit(
            day, minutes), on_error=lambda _e: self.sig_free_minutes.emit(day, None))

    # ------------------------------------------------------------------ a client

    def load_client(self, client_id: str) -> None:
        client, business_id = self._client, self._business.id
        today_start = day_bounds(self.today(), self.zone)[0]

        def details(token: CancelToken) -> Client | None:
            found = client.search_clients(business_id, client_id, search_by="uid",
                                          cancel=cancel_check(token)).clients
            return next((c for c in found if c.id == client_id), None)

        def upcoming(token: CancelToken) -> list[Appointment]:
            page = client.list_appointments(business_id, client_id=client_id,
                                            states=["scheduled", "pending"],
                                            sort="start_at:ASC", cancel=cancel_check(token))
            return [a for a in page.appointments
                    if a.start_time is not None and a.start_time >= today_start]

        self._work.run_quietly("day-client", details,
                               lambda found: self.sig_client.emit(client_id, found),
                               on_error=lambda _e: self.sig_client.emit(client_id, None))
        self._work.run_quietly("day-upcoming", upcoming,
                               lambda found: self.sig_upcoming.emit(client_id, found),
                               on_error=lambda e: self.sig_upcoming.emit(client_id, e))


def free_minutes(slots: list[Slot], now: datetime, day_end: datetime,
                 duration: int) -> int:
    """Minutes of free time in ``slots`` after ``now``: each open start stands for the free
    time ``[start, start + its length)``; overlapping ones are merged per staff member."""
    by_staff: dict[str, list[tuple[datetime, datetime]]] = {}
    for slot in slots:
        length = slot.duration_minutes or duration
        start, end = slot.start_time, slot.start_time + timedelta(minutes=length)
        start, end = max(start, now), min(end, day_end)
        if end > start:
            by_staff.setdefault(slot.staff_id or "", []).append((start, end))
    total = 0.0
    for spans in by_staff.values():
        spans.sort()
        run_start, run_end = spans[0]
        for start, end in spans[1:]:
            if start <= run_end:
                run_end = max(run_end, end)
            else:
                total += (run_end - run_start).total_seconds()
                run_start, run_end = start, end
        total += (run_end - run_start).total_seconds()
    return int(total // 60)

