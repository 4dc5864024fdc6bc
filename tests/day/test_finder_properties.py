"""The day finder over lists of any shape: it returns exactly the day's appointments, in few
requests, wherever the day is. The list here is an in-memory stand-in that pages and sorts
exactly as API.md describes (the same finder runs against the sandbox over HTTP in
tests/day/test_day_on_sandbox.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.api.models import Appointment, AppointmentsPage
from desktop.api.retry import CancelCheck
from desktop.day.finder import DayFinder

ORIGIN = datetime(2016, 1, 1, tzinfo=UTC)


class ListStandIn:
    """``GET /appointments?sort=start_at:DESC&page=&per_page=`` over a fixed list."""

    def __init__(self, starts: Sequence[datetime]) -> None:
        self.items = sorted((Appointment(id=f"a{n}", start_time=start)
                             for n, start in enumerate(starts)),
                            key=lambda a: (a.start_time, a.id), reverse=True)
        self.calls = 0

    def list_appointments(self, business_id: str, *, client_id: str | None = None,
                          states: Sequence[str] | None = None, sort: str | None = None,
                          page: int = 1, per_page: int = 100,
                          cancel: CancelCheck | None = None) -> AppointmentsPage:
        assert sort == "start_at:DESC"
        self.calls += 1
        chunk = self.items[(page - 1) * per_page: page * per_page]
        more = page * per_page < len(self.items)
        return AppointmentsPage.model_construct(appointments=chunk,
                                                next_page=page + 1 if more else None)


def expected(api: ListStandIn, start: datetime, end: datetime) -> set[str]:
    return {a.id for a in api.items if a.start_time is not None
            and start <= a.start_time < end}


offsets = st.lists(st.integers(0, 10 * 365 * 24 * 60), max_size=3000)


@settings(max_examples=150, deadline=None)
@given(minutes=offsets, day=st.integers(-5, 10 * 365 + 5), per_page=st.sampled_from([5, 25, 100]))
def test_the_day_and_only_the_day_is_found(minutes: list[int], day: int, per_page: int) -> None:
    api = ListStandIn([ORIGIN + timedelta(minutes=m) for m in minutes])
    start = ORIGIN + timedelta(days=day)
    end = start + timedelta(days=1)
    found = DayFinder(api, "b", per_page=per_page).find(start, end)
    assert {a.id for a in found} == expected(api, start, end)
    assert len(found) == len({a.id for a in found})


def test_a_day_in_ten_years_of_history_costs_a_few_requests() -> None:
    # 100,000 appointments over ten years, about 27 a day, then the day at the desk.
    starts = [ORIGIN + timedelta(minutes=53 * n) for n in range(100_000)]
    api = ListStandIn(starts)
    finder = DayFinder(api, "b")
    today = (ORIGIN + timedelta(minutes=53 * 99_000)).replace(hour=0, minute=0)
    found = finder.find(today, today + timedelta(days=1))
    assert {a.id for a in found} == expected(api, today, today + timedelta(days=1))
    assert api.calls <= 4, api.calls
    # The next day starts from what this search learnt: one or two more requests.
    calls = api.calls
    tomorrow = today + timedelta(days=1)
    finder.find(tomorrow, tomorrow + timedelta(days=1))
    assert api.calls - calls <= 2
    # A day years back is still found in a handful of requests.
    calls = api.calls
    old = ORIGIN + timedelta(days=400)
    assert {a.id for a in finder.find(old, old + timedelta(days=1))} == expected(
        api, old, old + timedelta(days=1))
    assert api.calls - calls <= 12, api.calls - calls


def test_an_empty_list_is_an_empty_day() -> None:
    api = ListStandIn([])
    assert DayFinder(api, "b").find(ORIGIN, ORIGIN + timedelta(days=1)) == []
    assert api.calls == 1


def test_a_page_holding_the_days_end_is_taken_without_reading_the_page_before() -> None:
    """Twelve a day over 30 days, 10 a page: the day's end falls inside page 4. Once a probe
    lands there, the pages before it are known to be newer and are never read."""
    starts = [ORIGIN + timedelta(hours=2 * n) for n in range(12 * 30)]
    api = ListStandIn(starts)
    finder = DayFinder(api, "b", per_page=10)
    read: list[int] = []
    real_read = finder._read

    def noting(page: int, cancel: CancelCheck | None) -> list[Appointment]:
        read.append(page)
        return real_read(page, cancel)

    finder._read = noting  # type: ignore[method-assign]
    day = ORIGIN + timedelta(days=26, hours=2)  # its end (hour 650) lies in page 4 (658-640)
    found = finder.find(day, day + timedelta(days=1))
    assert {a.id for a in found} == expected(api, day, day + timedelta(days=1))
    pages_with_the_end = [page for page in read
                          if (seen := finder._anchors.get(page)) is not None
                          and seen.oldest < day + timedelta(days=1) <= seen.newest]
    assert pages_with_the_end, read
    first = pages_with_the_end[0]
    assert first - 1 not in read[read.index(first):], read  # not read after finding it
