"""Fault drills: the scale switch (quick in every run, full under ``-m drill``), the real
window on the sandbox with drill-sized timeouts, and the summary table printed at the end.

One mechanism decides how big a drill is: the ``scale`` parameter. Every drill test is
parametrised with ``QUICK`` (unmarked: part of every run) and ``FULL`` (marked ``drill``).
A run whose ``-m`` expression does not mention ``drill`` leaves the FULL variants out, so
``pytest`` / ``./dev test`` run the quick ones and ``pytest -m drill`` / ``./dev drill`` run
only the full ones. See README.md.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.api.client import BookingClient
from desktop.api.constants import Timeouts
from desktop.outbox.timing import Backoff, Timing
from desktop.sandbox.server import SandboxServer
from desktop.ui.main_window import MainWindow
from tests.helpers.windows import open_window, ready_to_book

HERE = Path(__file__).resolve().parent

#: A read timeout short enough for the latency drill to stay fast, long enough for the
#: sandbox's ordinary answers on a busy 2-core machine.
DRILL_TIMEOUTS = Timeouts(connect=1.0, read=0.8, write=2.0, pool=1.0)
#: The outbox's waits made drill-sized: the in-doubt grace (25 s in the app; still longer than
#: the read timeout, which is what the grace is for), the retry and offline-probe backoffs
#: (5 s and 2 s in the app) and the lease (30 s; renewed every third of it while working).
DRILL_TIMING = Timing(backoff=Backoff(first=0.3, limit=1.5),
                      probe_backoff=Backoff(first=0.2, limit=1.0),
                      in_doubt_grace=timedelta(seconds=1.5), lease=timedelta(seconds=3))


@dataclass(frozen=True)
class Scale:
    """How big a drill is. ``full`` is the ``-m drill`` variant."""

    name: str
    #: Fault-matrix episodes per fault.
    episodes: int
    #: SIGKILL runs.
    kills: int
    #: Hypothesis examples per fuzz target.
    examples: int

    @property
    def full(self) -> bool:
        return self.name == "full"


QUICK = Scale("quick", episodes=1, kills=20, examples=200)
FULL = Scale("full", episodes=4, kills=100, examples=2000)
SCALES = [pytest.param(QUICK, id="quick"),
          pytest.param(FULL, id="full", marks=pytest.mark.drill)]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the FULL drills out unless the run asked for drills (``-m drill``)."""
    if "drill" in (config.getoption("markexpr") or ""):
        return
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        mine = Path(str(item.path)).resolve().is_relative_to(HERE)
        (dropped if mine and item.get_closest_marker("drill") else keep).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


# ---------------------------------------------------------------------- the results table


@dataclass
class DrillResult:
    drill: str
    scale: str
    injected: int = 0
    drafts_lost: int = 0
    duplicates: int = 0
    recovered: bool = False
    #: What the receptionist was shown (first episode), or a note.
    shown: str = ""
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


class DrillLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.results: list[DrillResult] = []

    def add(self, result: DrillResult) -> DrillResult:
        with self._lock:
            self.results.append(result)
        return result

    @contextmanager
    def measure(self, drill: str, scale: Scale,
                seen: Counter[str] | None = None) -> Iterator[DrillResult]:
        """A row for ``drill`` in the table, timed over the ``with`` block: recovered if the
        block ends without an exception; ``seen`` (what the drill met) goes in as notes."""
        result = self.add(DrillResult(drill, scale.name))
        started = time.monotonic()
        try:
            yield result
            result.recovered = True
        finally:
            result.seconds = time.monotonic() - started
            result.extra.update(seen or {})


_LOG = DrillLog()


@pytest.fixture(scope="session")
def drill_log() -> DrillLog:
    return _LOG


def pytest_terminal_summary(terminalreporter: Any) -> None:
    results = list(_LOG.results)
    if not results:
        return
    write = terminalreporter.write_line
    terminalreporter.section("fault drills")
    header = (f"{'drill':<40} {'scale':<5} {'injected':>8} {'lost':>5} {'dups':>5} "
              f"{'recovered':>9} {'secs':>6}  shown / notes")
    write(header)
    write("-" * len(header))
    for r in results:
        shown = r.shown.replace("\n", " ")
        note = "; ".join([*(f"{k}: {v}" for k, v in r.extra.items()),
                          shown if len(shown) <= 90 else shown[:89] + "…"]).strip("; ")
        write(f"{r.drill:<40} {r.scale:<5} {r.injected:>8} {r.drafts_lost:>5} "
              f"{r.duplicates:>5} {'yes' if r.recovered else 'NO':>9} {r.seconds:>6.1f}  "
              f"{note}")
    write(f"total: injected {sum(r.injected for r in results)}, drafts lost "
          f"{sum(r.drafts_lost for r in results)}, duplicates "
          f"{sum(r.duplicates for r in results)}, not recovered "
          f"{sum(not r.recovered for r in results)}")


# ---------------------------------------------------------------------- the real window


@pytest.fixture
def drill_client(sandbox: SandboxServer) -> Iterator[BookingClient]:
    with BookingClient(sandbox.url, sandbox.staff_token(), timeouts=DRILL_TIMEOUTS) as client:
        yield client


def drill_sized(window: MainWindow) -> None:
    """The outbox's waits made drill-sized (set before it starts)."""
    window.drafts.engine.timing = DRILL_TIMING


@pytest.fixture
def drill_window(qtbot: QtBot, sandbox: SandboxServer, drill_client: BookingClient,
                 tmp_path: Path) -> Iterator[MainWindow]:
    """A real MainWindow on the sandbox, with a short read timeout and real SQLite drafts."""
    main = open_window(qtbot, drill_client, sandbox.business_id, tmp_path / "data",
                       prepare=drill_sized)
    ready_to_book(qtbot, main)  # the drills book; the window opens on the Day view
    yield main
    main.shutdown()
