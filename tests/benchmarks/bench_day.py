"""The Day view: drawing a busy day, refreshing without stalls, and what a day costs to find
in a list that has no date filter.

    .venv/bin/python tests/benchmarks/bench_day.py [--rounds 15] [--json]

* **render 300 over 12** — a real ``DayPage`` (offscreen) with 12 staff and 300 appointments
  on one day: from handing the day's appointments to the page until its schedule has been
  painted (a forced synchronous repaint of the window). Target ≤ 50 ms.
* **refresh stall** — a real ``MainWindow`` on the sandbox showing today; 20 refreshes, each
  with another desk's booking to apply; the longest gap between ticks of a 5 ms ``QTimer`` on
  the GUI thread. Target ≤ 50 ms.
* **requests per first load / per refresh** — ``AppointmentBook`` over HTTP against a sandbox
  holding 1,000 and 100,000 past appointments (plus the seeded weeks): requests and time to
  load today, and to refresh with nothing changed. Target: ≤ 2 requests per quiet refresh at
  both sizes; the first load stays a few requests.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchlib import Figure, median, p90, report
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.api.client import BookingClient
from desktop.api.models import Appointment, Business, Service, Staff
from desktop.clock import ManualClock, StartedClock, parse_moment
from desktop.day.book import AppointmentBook
from desktop.sandbox.server import SandboxServer
from desktop.ui.day.page import DayPage
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner
from desktop.ui.translations import install

NEW_YORK = ZoneInfo("America/New_York")
NOW = parse_moment("2027-06-10T10:15-04:00")


def wait_until(condition: object, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.0005)


def busy_day(day: date, staff: list[Staff], count: int) -> list[Appointment]:
    start = datetime(day.year, day.month, day.day, 7, 0, tzinfo=NEW_YORK)
    appointments = []
    for n in range(count):
        member = staff[n % len(staff)]
        begins = start + timedelta(minutes=30 * (n // len(staff)))
        appointments.append(Appointment(
            id=f"bk-{n:05d}", start_time=begins, end_time=begins + timedelta(minutes=25),
            duration=25, client_id=f"cl-{n}", client_first_name=f"Client{n}",
            client_last_name="Example", service_id="sv-1", title="Follow-up visit",
            staff_id=member.id, staff_display_name=member.label,
            state=("scheduled", "done", "cancelled", "pending")[n % 4], no_show=n % 9 == 0,
            notes="Prefers mornings" if n % 5 == 0 else None))
    return appointments


def render_rounds(rounds: int) -> list[float]:
    business = Business(id="b", name="Clinic", time_zone="America/New_York")
    runner = TaskRunner()
    staff = [Staff(id=f"st-{n}", first_name=f"Staff{n}", last_name="Member") for n in range(12)]
    services = [Service(id="sv-1", name="Follow-up visit", duration=25)]
    client = BookingClient("http://127.0.0.1:9", "token")  # never called: data is handed in
    page = DayPage(client, business, runner, clock=ManualClock(NOW))
    page.resize(1600, 900)
    page.show()
    page.set_catalogue(services, staff)
    day = page.day()
    page.loader.book._days.add(day)  # the page draws a day the book holds
    timings = []
    for n in range(rounds):
        appointments = busy_day(day, staff, 300 - (n % 2))  # alternate: a real change
        QApplication.processEvents()
        started = time.perf_counter()
        page._day_loaded(day, appointments)
        page.repaint()
        timings.append((time.perf_counter() - started) * 1000)
    columns = not page.schedule.narrow
    page.close()
    runner.shutdown()
    if not columns:
        raise SystemExit("the benchmark must draw the columns layout")
    client.close()
    return timings


def refresh_stalls(rounds: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix="bench-day-") as tmp, \
            SandboxServer(port=0, clock=StartedClock(NOW)) as sandbox, \
            BookingClient(sandbox.url, sandbox.staff_token(), clock=sandbox.clock) as client:
        business = client.get_business(sandbox.business_id)
        window = MainWindow(client, business, demo=True, data_dir=Path(tmp) / "data",
                            clock=sandbox.clock)
        window.resize(1280, 800)
        window.show()
        window.start()
        wait_until(lambda: bool(window.day.entries()) and not window.day.work.waiting,
                   "the day")
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        stalls = []
        try:
            for _ in range(rounds):
                sandbox.another_desk("book")
                seen = len(window.day.entries())
                ticks.clear()
                timer.start()
                window.day.refresh()
                wait_until(lambda s=seen: len(window.day.entries()) > s,  # type: ignore[misc]
                           "the refresh")
                for _ in range(5):  # the drawing that follows
                    QApplication.processEvents()
                    time.sleep(0.005)
                timer.stop()
                gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
                stalls.append(max(gaps) if gaps else 0.0)
        finally:
            window.shutdown()
            window.close()
        return stalls


def history_costs(size: int, rounds: int) -> dict[str, float]:
    started = time.perf_counter()
    with SandboxServer(port=0, clock=ManualClock(NOW), history=size) as sandbox:
        seeded = time.perf_counter() - started
        loads, load_requests, refreshes, refresh_requests = [], [], [], []
        with BookingClient(sandbox.url, sandbox.staff_token(), clock=sandbox.clock) as client:
            for _ in range(rounds):
                book = AppointmentBook(client, sandbox.business_id, NEW_YORK)
                began = time.perf_counter()
                found = book.load_day(NOW.astimezone(NEW_YORK).date())
                loads.append((time.perf_counter() - began) * 1000)
                load_requests.append(book.requests)
                assert found, "the seeded day has appointments"
                before = book.requests
                began = time.perf_counter()
                book.refresh()
                refreshes.append((time.perf_counter() - began) * 1000)
                refresh_requests.append(book.requests - before)
        total = sandbox.state.count()
    return {"load_ms": median(loads), "load_requests": median(load_requests),
            "refresh_ms": median(refreshes), "refresh_requests": max(refresh_requests),
            "appointments": total, "seed_s": round(seeded, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install(app, "en_US")  # type: ignore[arg-type]
    render = render_rounds(args.rounds)
    stalls = refresh_stalls(max(5, args.rounds // 2))
    small = history_costs(1_000, 5)
    large = history_costs(100_000, 5)
    del app
    figures = [
        Figure(key="day_render_300", what="draw a day of 300 appointments over 12 staff",
               unit="ms", value=median(render), target=50, runs=len(render),
               extra={"p90_ms": round(p90(render), 2), "max_ms": round(max(render), 2)}),
        Figure(key="day_refresh_stall", what="longest GUI stall during a day refresh",
               unit="ms", value=median(stalls), target=50, runs=len(stalls),
               extra={"max_ms": round(max(stalls), 2)}),
    ]
    for size, costs in (("1k", small), ("100k", large)):
        figures.append(Figure(
            key=f"day_refresh_requests_{size}",
            what=f"requests per quiet refresh, {size} history ({costs['appointments']:,.0f})",
            unit="req", value=costs["refresh_requests"], target=2, runs=5,
            extra={"refresh_ms": round(costs["refresh_ms"], 2)}))
        figures.append(Figure(
            key=f"day_first_load_{size}", what=f"first load of today, {size} history",
            unit="ms", value=costs["load_ms"], target=1000, runs=5,
            extra={"requests": costs["load_requests"], "sandbox_seed_s": costs["seed_s"]}))
    report(figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
