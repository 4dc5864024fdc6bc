"""The appointments the desk has seen, kept current at the cost of what changed.

Days are read once with :class:`~desktop.day.finder.DayFinder`. After that, a refresh asks the
list for the most recently *updated* appointments (``sort=updated:DESC``) and stops at the
first change it already knows: with nothing new that is one request, whether the business has
a thousand appointments or a hundred thousand. Every change (a booking made at another desk or
online, a cancellation, a move to another day) lands on whichever day it now belongs to.

Correctness rests on one habit of the platform: every change moves the appointment's
``updated_at``. The change mark is taken *before* a day is read, so a change made during the
read is seen again by the next refresh (applying it twice is harmless). If the answers carry no
``updated_at`` at all, the book cannot know what changed and re-reads the day instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.api.models import Appointment
from desktop.api.retry import CancelCheck
from desktop.day.finder import ALL_STATES, PER_PAGE, AppointmentsApi, DayFinder

RECENTLY_UPDATED = "updated:DESC"
#: More changed pages than this since the last look: re-read the days instead.
MAX_CHANGE_PAGES = 10


@dataclass
class Refresh:
    """What a refresh found: the ids that changed, and whether the days were re-read."""

    changed: set[str] = field(default_factory=set)
    reread: bool = False
    requests: int = 0


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """``[midnight, next midnight)`` of ``day`` in ``zone``, as UTC instants (23 or 25 hours
    apart on DST days: in UTC, comparisons and differences are real time, never wall time)."""
    return (datetime.combine(day, time(0), zone).astimezone(UTC),
            datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC))


class AppointmentBook:
    """Appointments by id, the days read in full, and the change mark. Not thread-safe: one
    worker at a time uses it (the day view's loads and refreshes share one key)."""

    def __init__(self, api: AppointmentsApi, business_id: str, zone: ZoneInfo, *,
                 per_page: int = PER_PAGE) -> None:
        self._api = api
        self._business_id = business_id
        self.zone = zone
        self._per_page = per_page
        self.finder = DayFinder(api, business_id, per_page=per_page)
        self._by_id: dict[str, Appointment] = {}
        self._days: set[date] = set()
        #: The newest ``updated_at`` seen, and the ids seen with exactly that time.
        self._mark: datetime | None = None
        self._at_mark: set[str] = set()
        self._marked = False
        self.requests = 0

    # ------------------------------------------------------------------ reading

    def day(self, day: date) -> list[Appointment]:
        """The appointments of a day already read, by start time (no request)."""
        start, end = day_bounds(day, self.zone)
        chosen = [a for a in self._by_id.values()
                  if a.start_time is not None and start <= a.start_time < end]
        return sorted(chosen, key=lambda a: (a.start_time or start, a.id))

    def has_day(self, day: date) -> bool:
        return day in self._days

    def get(self, appointment_id: str) -> Appointment | None:
        return self._by_id.get(appointment_id)

    def load_day(self, day: date, *, cancel: CancelCheck | None = None) -> list[Appointment]:
        """Read ``day`` from the list (once); later calls answer from the book."""
        if day in self._days:
            return self.day(day)
        if not self._marked:
            self._take_mark(cancel)
        before = self.finder.requests
        start, end = day_bounds(day, self.zone)
        for appointment in self.finder.find(start, end, cancel=cancel):
            self._by_id[appointment.id] = appointment
        self.requests += self.finder.requests - before
        self._days.add(day)
        return self.day(day)

    def forget_days(self) -> None:
        """Drop what was read (the next load reads the day afresh)."""
        self._by_id.clear()
        self._days.clear()
        self._marked = False

    def put(self, appointment: Appointment) -> None:
        """An appointment this desk just made or changed (shown at once, before a refresh)."""
        self._by_id[appointment.id] = appointment

    # ------------------------------------------------------------------ keeping current

    def refresh(self, *, cancel: CancelCheck | None = None) -> Refresh:
        """Apply every change since the last look; see the module docstring."""
        result = Refresh()
        if not self._marked:
            self._take_mark(cancel)
            result.requests = 1
            return result
        newest: list[Appointment] = []
        page = 1
        while True:
            items = self._recently_updated(page, cancel)
            result.requests += 1
            fresh, reached_known = self._unseen(items)
            newest.extend(fresh)
            if reached_known or len(items) < self._per_page:
                break
            if page >= MAX_CHANGE_PAGES:
                return self._reread(result, cancel)
            page += 1
        if any(item.updated_at is None for item in newest):
            return self._reread(result, cancel)
        for item in newest:
            self._by_id[item.id] = item
            result.changed.add(item.id)
        self._advance_mark(newest)
        return result

    def _take_mark(self, cancel: CancelCheck | None) -> None:
        # Only the newest change is needed: the mark is taken before any day is read (at the
        # first load, and again after forget_days), so one item is asked for, not a page.
        # Another change at the very same instant is then seen once more by the next refresh,
        # which is harmless.
        items = self._recently_updated(1, cancel, per_page=1)
        self._mark, self._at_mark = None, set()
        self._advance_mark(items)
        self._marked = True
        for item in items:  # one this desk put in already (``put``) takes the newer copy
            if item.id in self._by_id:
                self._by_id[item.id] = item

    def _recently_updated(self, page: int, cancel: CancelCheck | None,
                          per_page: int | None = None) -> list[Appointment]:
        self.requests += 1
        answer = self._api.list_appointments(
            self._business_id, states=ALL_STATES, sort=RECENTLY_UPDATED, page=page,
            per_page=per_page or self._per_page, cancel=cancel)
        return list(answer.appointments)

    def _unseen(self, items: Sequence[Appointment]) -> tuple[list[Appointment], bool]:
        """The items newer than the mark, and whether the mark was reached on this page."""
        fresh: list[Appointment] = []
        for item in items:
            stamp = item.updated_at
            if stamp is not None and self._mark is not None and (
                    stamp < self._mark or (stamp == self._mark and item.id in self._at_mark)):
                return fresh, True
            fresh.append(item)
        return fresh, False

    def _advance_mark(self, items: Sequence[Appointment]) -> None:
        for item in items:
            stamp = item.updated_at
            if stamp is None:
                continue
            if self._mark is None or stamp > self._mark:
                self._mark, self._at_mark = stamp, {item.id}
            elif stamp == self._mark:
                self._at_mark.add(item.id)

    def _reread(self, result: Refresh, cancel: CancelCheck | None) -> Refresh:
        days = sorted(self._days)
        before = self.requests
        self.forget_days()
        for day in days:
            self.load_day(day, cancel=cancel)
        result.reread = True
        result.requests += self.requests - before
        return result


def per_staff(appointments: Sequence[Appointment],
              key: Callable[[Appointment], str] = lambda a: a.staff_id or "",
              ) -> dict[str, list[Appointment]]:
    """Appointments grouped by staff member, each group in start order."""
    groups: dict[str, list[Appointment]] = {}
    for appointment in appointments:
        groups.setdefault(key(appointment), []).append(appointment)
    return groups
