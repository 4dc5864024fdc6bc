"""Start-up and idle memory of the app, each next to a bare PySide6 window in the same run.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 9] [--memory-runs 5]
                                                        [--idle 3] [--json]

The app is started as a person does, ``.venv/bin/frontdesk --demo`` (the demo's sandbox runs
inside the app's process); the baseline is ``bare_window.py`` (a QMainWindow with one
label, started the same way and timed to the first paint of its label). Every time is the
benchmark's own wall clock from spawning the process to reading the probe's line on its
stdout (``desktop/ui/startup.py``, ``desktop/ui/usable_probe.py``):

* **cold start** — ``first-paint``: the start-up shell's text is painted. Target ≤ 1.3×.
* **usable Day** — ``day-shown``: the first paint of the Day view's schedule after today's
  appointments *and* the catalogue (staff columns, service names) are drawn into it.
  Target ≤ 4×.
* **services listed** — ``services-listed``: the window switches to the Book tab as soon as
  the day is shown (probe mode ``usable``), and this is the first paint of its service
  picker listing the services. Target ≤ 4×. (The Book page is built on that first switch.)
* **idle memory** — VmRSS ``--idle`` seconds after ``day-shown`` (the window open on the Day
  view, data loaded, the outbox started), and the bare window the same time after its first
  paint. Target ≤ 1.6×. Beside it, the same with the Book tab opened (probe mode ``book``).

The app and the baseline alternate run by run, after one untimed warm-up of each (files in
the page cache). The app's bytecode is compiled first (``compileall``): an installed app
has its ``.pyc`` files, but an editable checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (as
on the build machine) would compile ~150 modules from source on every start (~0.2 s).

Offscreen (``QT_QPA_PLATFORM=offscreen``); each child gets its own temporary folder as TMPDIR
(the demo writes only there).
"""

from __future__ import annotations

import argparse
import compileall
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import HERE, ROOT, Figure, median, p90, report, rss_mb_of, warn

PROBE = "frontdesk-startup-probe:"
APP = [str(ROOT / ".venv" / "bin" / "frontdesk"), "--demo"]
BARE = [sys.executable, str(HERE / "bare_window.py")]


def _spawn(command: list[str], mode: str, tmp: str) -> subprocess.Popen[str]:
    env = {**os.environ, "FRONTDESK_STARTUP_PROBE": mode, "TMPDIR": tmp,
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env, cwd=tmp)


def _wait_for(process: subprocess.Popen[str], event: str, started: float,
              seen: dict[str, float] | None = None, timeout: float = 30) -> float:
    """Wall ms from ``started`` until the probe line ``event``; every probe line read on
    the way is noted in ``seen`` (event → wall ms)."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise SystemExit(f"{process.args} ended before printing {event!r}")
        if not line.startswith(PROBE):
            continue
        at = (time.perf_counter() - started) * 1000
        name = line.split()[1]
        if seen is not None:
            seen[name] = at
        if name == event:
            return at
    raise SystemExit(f"{process.args}: no {event!r} within {timeout} s")


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def app_start(tmp: str) -> dict[str, float]:
    """Wall ms from spawn to each probe line of the app: first-paint, ready, day-shown,
    services-listed."""
    seen: dict[str, float] = {}
    started = time.perf_counter()
    process = _spawn(APP, "usable", tmp)
    try:
        _wait_for(process, "services-listed", started, seen)
    finally:
        _stop(process)
    return seen


def bare_start(tmp: str) -> float:
    started = time.perf_counter()
    process = _spawn(BARE, "exit", tmp)
    try:
        return _wait_for(process, "first-paint", started)
    finally:
        _stop(process)


def idle_rss_mb(command: list[str], mode: str, event: str, tmp: str, idle: float) -> float:
    process = _spawn(command, mode, tmp)
    try:
        _wait_for(process, event, time.perf_counter())
        time.sleep(idle)
        return rss_mb_of(process.pid)
    finally:
        _stop(process)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--memory-runs", type=int, default=5)
    parser.add_argument("--idle", type=float, default=3.0, help="seconds after 'day-shown'")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    compileall.compile_dir(ROOT / "desktop", quiet=1)
    times: dict[str, list[float]] = {"first-paint": [], "ready": [], "day-shown": [],
                                     "services-listed": []}
    bare_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        app_start(tmp)  # warm-up: page cache
        bare_start(tmp)
        for n in range(args.runs):
            for which in (("app", "bare") if n % 2 == 0 else ("bare", "app")):
                if which == "bare":
                    bare_ms.append(bare_start(tmp))
                    continue
                seen = app_start(tmp)
                for event, values in times.items():
                    values.append(seen[event])
        app_mb: list[float] = []
        book_mb: list[float] = []
        bare_mb: list[float] = []
        for n in range(args.memory_runs):
            runs = [(APP, "1", "day-shown", app_mb), (APP, "book", "services-listed", book_mb),
                    (BARE, "1", "first-paint", bare_mb)]
            for command, mode, event, sizes in (runs if n % 2 == 0 else runs[::-1]):
                sizes.append(idle_rss_mb(command, mode, event, tmp, args.idle))
        if not list(Path(tmp).glob("frontdesk-demo-*")) and not app_mb:
            warn("note: the demo left no data folder (did it start?)")

    def runs_of(values: list[float]) -> list[float]:
        return [round(x, 1) for x in values]

    bare = median(bare_ms)
    figures = [
        Figure(key="cold_start", what="cold start to first paint (frontdesk --demo)",
               unit="ms", value=median(times["first-paint"]), baseline=bare,
               baseline_what="bare QMainWindow", target=1.3, target_on="ratio",
               runs=args.runs,
               extra={"app_runs_ms": runs_of(times["first-paint"]),
                      "bare_runs_ms": runs_of(bare_ms), "bare_p90_ms": round(p90(bare_ms), 1)}),
        Figure(key="usable_day", what="usable Day view (today's schedule painted)",
               unit="ms", value=median(times["day-shown"]), baseline=bare,
               baseline_what="bare QMainWindow", target=4.0, target_on="ratio",
               runs=args.runs,
               extra={"app_runs_ms": runs_of(times["day-shown"]),
                      "p90_ms": round(p90(times["day-shown"]), 1),
                      "window_ready_median_ms": round(median(times["ready"]), 1)}),
        Figure(key="services_listed", what="Book tab lists the services (switched at once)",
               unit="ms", value=median(times["services-listed"]), baseline=bare,
               baseline_what="bare QMainWindow", target=4.0, target_on="ratio",
               runs=args.runs,
               extra={"app_runs_ms": runs_of(times["services-listed"]),
                      "p90_ms": round(p90(times["services-listed"]), 1),
                      "switch_median_ms": round(median(
                          [s - d for s, d in zip(times["services-listed"], times["day-shown"],
                                                 strict=True)]), 1)}),
        Figure(key="idle_memory", what=f"idle RSS, Day view open ({args.idle:g} s after shown)",
               unit="MB", value=median(app_mb), baseline=median(bare_mb),
               baseline_what="bare QMainWindow", target=1.6, target_on="ratio",
               runs=args.memory_runs,
               extra={"app_runs_mb": runs_of(app_mb), "bare_runs_mb": runs_of(bare_mb),
                      "note": "the demo's sandbox runs inside the app's process"}),
        Figure(key="idle_memory_book", what="idle RSS, Book tab opened too",
               unit="MB", value=median(book_mb), baseline=median(bare_mb),
               baseline_what="bare QMainWindow", target=1.6, target_on="ratio",
               runs=args.memory_runs, extra={"app_runs_mb": runs_of(book_mb)}),
    ]
    report(figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
