"""The appointment book: a day read once, then kept current from the most recent changes, at
one request when nothing changed. The in-memory list here pages and sorts as API.md says
(start_at:DESC and updated:DESC); tests/day/test_day_on_sandbox.py runs it over HTTP."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.api.models import Appointment, AppointmentsPage
from desktop.api.retry import CancelCheck
from desktop.day.book import AppointmentBook, day_bounds

NEW_YORK = ZoneInfo("America/New_York")
DAY = date(2027, 3, 14)  # the spring DST change: a 23-hour day


class ChangingList:
    def __init__(self) -> None:
        self.items: dict[str, Appointment] = {}
        self.calls = 0
        self.asked: list[tuple[str | None, int]] = []  # (sort, per_page) of each call
        self.now = datetime(2027, 3, 13, 12, tzinfo=UTC)

    def add(self, appointment_id: str, start: datetime, **fields: object) -> None:
        self.now += timedelta(seconds=1)
        self.items[appointment_id] = Appointment(id=appointment_id, start_time=start,
                                                 updated_at=self.now, **fields)

    def change(self, appointment_id: str, **fields: object) -> None:
        self.now += timedelta(seconds=1)
        self.items[appointment_id] = self.items[appointment_id].model_copy(
            update={**fields, "updated_at": self.now})

    def list_appointments(self, business_id: str, *, client_id: str | None = None,
                          states: Sequence[str] | None = None, sort: str | None = None,
                          page: int = 1, per_page: int = 100,
                          cancel: CancelCheck | None = None) -> AppointmentsPage:
        self.calls += 1
        self.asked.append((sort, per_page))
        if sort == "updated:DESC":
            ordered = sorted(self.items.values(), key=lambda a: (a.updated_at, a.id),
                             reverse=True)
        else:
            assert sort == "start_at:DESC"
            ordered = sorted(self.items.values(), key=lambda a: (a.start_time, a.id),
                             reverse=True)
        chunk = ordered[(page - 1) * per_page: page * per_page]
        more = page * per_page < len(ordered)
        return AppointmentsPage.model_construct(appointments=chunk,
                                                next_page=page + 1 if more else None)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=NEW_YORK)


def test_a_dst_day_is_23_hours_and_its_appointments_are_all_found() -> None:
    start, end = day_bounds(DAY, NEW_YORK)
    assert end - start == timedelta(hours=23)
    api = ChangingList()
    for n in range(300):  # a busy history around the day
        api.add(f"h{n}", at(9) - timedelta(hours=7 * n))
    api.add("late", at(23, 30))
    api.add("tomorrow", at(0, 0, DAY + timedelta(days=1)))
    book = AppointmentBook(api, "b", NEW_YORK, per_page=25)
    ids = {a.id for a in book.load_day(DAY)}
    assert "late" in ids
    assert "tomorrow" not in ids
    assert ids == {a.id for a in api.items.values()
                   if a.start_time is not None and start <= a.start_time < end}


def test_nothing_changed_costs_one_request_and_changes_land_on_their_day() -> None:
    api = ChangingList()
    for n in range(500):
        api.add(f"h{n}", at(9) - timedelta(hours=5 * n))
    api.add("ann", at(10))
    book = AppointmentBook(api, "b", NEW_YORK, per_page=25)
    book.load_day(DAY)
    calls = api.calls
    quiet = book.refresh()
    assert api.calls - calls == 1
    assert quiet.changed == set()

    api.add("walk-in", at(15, 30))          # booked at another desk
    api.change("ann", state="cancelled")      # cancelled online
    api.change("h0", start_time=at(9, 0, DAY + timedelta(days=1)))  # moved to tomorrow
    calls = api.calls
    result = book.refresh()
    assert api.calls - calls == 1
    assert result.changed == {"walk-in", "ann", "h0"}
    today = {a.id: a for a in book.day(DAY)}
    assert "walk-in" in today
    assert today["ann"].state == "cancelled"
    assert "h0" not in today
    assert book.refresh().changed == set()


def test_many_changes_while_away_reread_the_day() -> None:
    api = ChangingList()
    for n in range(60):
        api.add(f"h{n}", at(8) + timedelta(minutes=10 * n))
    book = AppointmentBook(api, "b", NEW_YORK, per_page=5)
    book.load_day(DAY)
    for n in range(60):  # more changes than MAX_CHANGE_PAGES pages of 5
        api.change(f"h{n}", notes=f"note {n}")
    result = book.refresh()
    assert result.reread
    assert all(a.notes for a in book.day(DAY))


def test_the_change_mark_asks_for_one_item_and_a_tie_at_the_mark_is_harmless() -> None:
    """The mark needs only the newest change: one item, not a page. Two changes at the very
    same instant: the one not seen with the mark comes back once at the next refresh (applied
    again, harmlessly), and then a quiet refresh is quiet."""
    api = ChangingList()
    api.add("ann", at(10))
    api.add("bob", at(11))
    stamp = api.items["bob"].updated_at
    api.items["ann"] = api.items["ann"].model_copy(update={"updated_at": stamp})  # a tie
    book = AppointmentBook(api, "b", NEW_YORK, per_page=25)
    assert {a.id for a in book.load_day(DAY)} == {"ann", "bob"}
    assert api.asked[0] == ("updated:DESC", 1)
    again = book.refresh()
    assert again.changed <= {"ann", "bob"}
    assert not again.reread
    assert book.refresh().changed == set()
    assert {a.id for a in book.day(DAY)} == {"ann", "bob"}
