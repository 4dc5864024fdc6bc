"""Finding one day's appointments in a list that has no date filter.

The platform lists a business's appointments sorted by start, 100 a page, and nothing else
narrows it (API.md, "The day at the desk"). A clinic with ten years of history has over 1,000
pages; reading them all to show today would take minutes. So the finder treats the sorted
list as a book and looks the day up like a word in a dictionary:

* it reads from the newest end (``start_at:DESC``): the days a desk looks at are near today,
  and the future is short while the past is long;
* it guesses the page where the day begins from the dates it has seen (interpolation, page
  number against start time), checks the guess, and narrows a bracket around the day, falling
  back to halving the bracket when a guess does not help;
* it remembers where days were found, so the next or previous day starts from a good guess.

A day near today costs 1-3 requests; any day in 100,000 appointments about 5-10. A page
that holds starts on both sides of the day's end is known to be the first one reaching into
the day without reading the page before it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from desktop.api.models import Appointment, AppointmentsPage
from desktop.api.retry import CancelCheck

PER_PAGE = 100
NEWEST_FIRST = "start_at:DESC"
#: Every documented state: the day view shows cancelled and pending ones too.
ALL_STATES = ("scheduled", "pending", "done", "cancelled", "pending_reschedule", "reschedule",
              "rejected")
#: A guard against an API whose pages never end or whose order is not what it says.
MAX_PROBES = 40


class AppointmentsApi(Protocol):
    def list_appointments(self, business_id: str, *, client_id: str | None = None,
                          states: Sequence[str] | None = None, sort: str | None = None,
                          page: int = 1, per_page: int = PER_PAGE,
                          cancel: CancelCheck | None = None) -> AppointmentsPage: ...


@dataclass(frozen=True)
class PageSeen:
    """What one page of the newest-first list held: its newest and oldest start."""

    page: int
    newest: datetime
    oldest: datetime
    full: bool


class ListOrderError(Exception):
    """The list did not come back in the promised order (or never ended)."""


class DayFinder:
    """Reads the pages of the newest-first list that hold ``[start, end)``."""

    def __init__(self, api: AppointmentsApi, business_id: str, *,
                 per_page: int = PER_PAGE) -> None:
        self._api = api
        self._business_id = business_id
        self._per_page = per_page
        #: Pages seen by earlier searches: where to start guessing next time.
        self._anchors: dict[int, PageSeen] = {}
        self.requests = 0

    def find(self, start: datetime, end: datetime, *,
             cancel: CancelCheck | None = None) -> list[Appointment]:
        """Every appointment starting in ``[start, end)`` (aware datetimes)."""
        pages: dict[int, list[Appointment]] = {}

        def read(page: int) -> list[Appointment]:
            if page not in pages:
                pages[page] = self._read(page, cancel)
            return pages[page]

        first = self._first_page_reaching(end, read)
        found: list[Appointment] = []
        page = first
        while True:
            items = read(page)
            found.extend(item for item in items if item.start_time is not None
                         and start <= item.start_time < end)
            seen = self._anchors.get(page)
            if not items or seen is None or not seen.full or seen.oldest < start:
                break
            page += 1
            if page - first > MAX_PROBES:
                raise ListOrderError("the day spans more pages than any day can")
        return found

    # ------------------------------------------------------------------ the search

    def _first_page_reaching(self, end: datetime,
                             read: _Reader) -> int:
        """The first page whose oldest start is before ``end`` (page 1 if even the newest
        appointment starts before ``end``)."""
        after = 0  # highest page known to lie wholly at/after ``end`` (0: none)
        reaching: int | None = None  # lowest page known to reach before ``end``
        probe = self._guess(end)
        halve = False  # after a guess that did not halve the bracket, halve it
        for _ in range(MAX_PROBES):
            width = None if reaching is None else reaching - after
            items = read(probe)
            seen = self._anchors.get(probe)
            if not items or seen is None or seen.oldest < end:
                reaching = probe  # reaches before ``end`` (or is past the end of the list)
                if seen is not None and seen.newest >= end:
                    # ``end`` falls inside this page: every earlier page is newer than its
                    # newest start, so none of them reaches before ``end``.
                    return probe
            else:
                after = probe
            if reaching is not None and reaching == after + 1:
                return reaching
            narrowed = None if reaching is None else reaching - after
            halve = not halve and width is not None and narrowed is not None \
                and narrowed * 2 > width
            probe = self._next_probe(end, after, reaching, halve)
        raise ListOrderError("the appointments list never settled on the day")

    def _next_probe(self, end: datetime, after: int, reaching: int | None,
                    halve: bool) -> int:
        if reaching is None:
            # No page before ``end`` seen yet: leap ahead, at least doubling.
            estimate = self._interpolate(end, list(self._anchors.values()))
            return max(estimate or 0, after * 2, after + 1)
        middle = (after + reaching) // 2
        if halve:
            return max(middle, after + 1)
        estimate = self._interpolate(end, [seen for page, seen in self._anchors.items()
                                          if after <= page <= reaching])
        if estimate is None:
            return max(middle, after + 1)
        # The boundary is believed to be at ``estimate``: look just inside the bracket.
        return min(max(estimate, after + 1), reaching - 1)

    def _guess(self, end: datetime) -> int:
        """A first guess from earlier searches (page 1 when there are none)."""
        if not self._anchors:
            return 1
        return self._interpolate(end, list(self._anchors.values())) or 1

    def _interpolate(self, end: datetime, known: list[PageSeen]) -> int | None:
        """The page where ``end`` should fall, by the start times seen per page."""
        usable = sorted((seen for seen in known if seen.full), key=lambda seen: seen.page)
        if not usable:
            return None
        # Pages wholly at/after ``end`` and pages reaching before it: ``end`` lies between.
        below = [seen for seen in usable if seen.oldest >= end]
        above = [seen for seen in usable if seen.oldest < end]
        if below and above:
            a, b = below[-1], above[0]
        elif len(usable) >= 2:
            a, b = usable[0], usable[-1]
        else:
            only = usable[0]
            span = (only.newest - only.oldest).total_seconds()
            if span <= 0:
                return None
            pages = (only.oldest - end).total_seconds() / span
            return max(1, only.page + round(pages))
        seconds = (a.oldest - b.oldest).total_seconds()
        if seconds <= 0 or a.page == b.page:
            return None
        per_second = (b.page - a.page) / seconds
        return max(1, a.page + round((a.oldest - end).total_seconds() * per_second))

    def _read(self, page: int, cancel: CancelCheck | None) -> list[Appointment]:
        self.requests += 1
        answer = self._api.list_appointments(
            self._business_id, states=ALL_STATES, sort=NEWEST_FIRST, page=page,
            per_page=self._per_page, cancel=cancel)
        items = [item for item in answer.appointments if item.start_time is not None]
        if items:
            starts = [item.start_time for item in items if item.start_time is not None]
            if any(later > earlier for earlier, later in itertools.pairwise(starts)):
                raise ListOrderError("the appointments came back out of order")
            self._anchors[page] = PageSeen(page, starts[0], starts[-1],
                                           full=len(answer.appointments) >= self._per_page)
        else:
            self._anchors.pop(page, None)
        return items


class _Reader(Protocol):
    def __call__(self, page: int) -> list[Appointment]: ...
