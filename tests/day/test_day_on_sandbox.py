"""The appointment book over HTTP against the sandbox, on a chosen clock: a day's appointments
found in a list with no date filter, at a cost that does not grow with the history, and kept
current at one request when nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.api.client import BookingClient
from desktop.clock import ManualClock, parse_moment
from desktop.day.book import AppointmentBook, day_bounds
from desktop.sandbox.server import SandboxServer

NEW_YORK = ZoneInfo("America/New_York")
#: A Thursday at the clinic, mid-morning.
NOW = parse_moment("2027-06-10T10:15-04:00")
TODAY = NOW.astimezone(NEW_YORK).date()


def expected_ids(sandbox: SandboxServer, day: date) -> set[str]:
    start, end = day_bounds(day, NEW_YORK)
    return {a["id"] for a in sandbox.state.bookings()
            if start <= datetime.fromisoformat(a["start_time"]) < end}


@pytest.fixture(params=[1_000, 20_000], ids=["1k-history", "20k-history"])
def history_sandbox(request: pytest.FixtureRequest) -> Iterator[SandboxServer]:
    with SandboxServer(port=0, clock=ManualClock(NOW), history=request.param) as server:
        yield server


@pytest.fixture
def book(history_sandbox: SandboxServer) -> Iterator[AppointmentBook]:
    """The appointment book of the clinic, on a client of that sandbox and its clock."""
    sandbox = history_sandbox
    with BookingClient(sandbox.url, sandbox.staff_token(), clock=sandbox.clock) as client:
        yield AppointmentBook(client, sandbox.business_id, NEW_YORK)


def test_today_tomorrow_and_a_year_ago_in_few_requests_whatever_the_history(
        history_sandbox: SandboxServer, book: AppointmentBook) -> None:
    sandbox = history_sandbox
    found = {a.id for a in book.load_day(TODAY)}
    assert found == expected_ids(sandbox, TODAY)
    assert len(found) >= 10
    first_load = book.requests
    assert first_load <= 6, first_load  # the change mark plus a few pages

    before = book.requests
    tomorrow = TODAY + timedelta(days=1)
    assert {a.id for a in book.load_day(tomorrow)} == expected_ids(sandbox, tomorrow)
    assert book.requests - before <= 3

    before = book.requests
    assert book.refresh().changed == set()
    assert book.requests - before <= 2  # nothing changed: at most two requests

    months_ago = TODAY - timedelta(days=40)
    before = book.requests
    assert {a.id for a in book.load_day(months_ago)} == expected_ids(sandbox, months_ago)
    assert book.requests - before <= 12


def test_a_change_elsewhere_lands_on_its_day_at_the_next_refresh(
        history_sandbox: SandboxServer, book: AppointmentBook) -> None:
    sandbox = history_sandbox
    book.load_day(TODAY)
    assert isinstance(sandbox.clock, ManualClock)
    sandbox.clock.advance(timedelta(minutes=1))
    made = sandbox.another_desk("book")["appointment"]
    sandbox.clock.advance(timedelta(minutes=1))
    gone = sandbox.another_desk("cancel")["appointment"]
    before = book.requests
    result = book.refresh()
    assert {made["id"], gone["id"]} <= result.changed
    assert book.requests - before <= 2
    day = {a.id: a for a in book.day(TODAY)}
    assert made["id"] in day or made["id"] in {a.id for a in book.day(
        TODAY + timedelta(days=1))}
    assert book.get(gone["id"]) is not None
    assert book.get(gone["id"]).state == "cancelled"  # type: ignore[union-attr]
