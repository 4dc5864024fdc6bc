"""Cold start and idle memory of the app, each next to a bare PySide6 window in the same run.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 9] [--memory-runs 5]
                                                        [--idle 3] [--json]

* **cold start** — wall time from spawning the process to reading its
  ``frontdesk-startup-probe: first-paint`` line (``FRONTDESK_STARTUP_PROBE=exit``): the first
  Paint event of the window's text, i.e. real content on screen, not an empty frame. The app
  is started as a person does, ``.venv/bin/frontdesk --demo``; the baseline is
  ``bare_window.py`` (a QMainWindow with one label). The two alternate, run by run, after one
  untimed warm-up of each (so both read their files from the page cache). Target ≤ 1.3×.
* **idle memory** — VmRSS of the process ``--idle`` seconds after its ``ready`` line (the
  app: main window built, demo sandbox running in the same process, catalogue loaded), for
  the app and the bare window alike. Target ≤ 1.6×.

Offscreen (``QT_QPA_PLATFORM=offscreen``); each child gets its own temporary folder as TMPDIR
and HOME-independent data (the demo writes only under TMPDIR).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import HERE, ROOT, Figure, median, report, rss_mb_of, warn

PROBE = "frontdesk-startup-probe:"
APP = [str(ROOT / ".venv" / "bin" / "frontdesk"), "--demo"]
BARE = [sys.executable, str(HERE / "bare_window.py")]


def _spawn(command: list[str], mode: str, tmp: str) -> subprocess.Popen[str]:
    env = {**os.environ, "FRONTDESK_STARTUP_PROBE": mode, "TMPDIR": tmp,
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env, cwd=tmp)


def _wait_for(process: subprocess.Popen[str], event: str, timeout: float = 30) -> float:
    """Seconds from now until the probe line ``event``; reads stdout line by line."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise SystemExit(f"{process.args} ended before printing {event!r}")
        if line.startswith(PROBE) and line.split()[1] == event:
            return float(line.split()[2])
    raise SystemExit(f"{process.args}: no {event!r} within {timeout} s")


def cold_start_ms(command: list[str], tmp: str) -> tuple[float, float]:
    """(wall ms from spawn to the first-paint line, the ms the process itself reported)."""
    started = time.perf_counter()
    process = _spawn(command, "exit", tmp)
    reported = _wait_for(process, "first-paint")
    wall = (time.perf_counter() - started) * 1000
    process.wait(timeout=30)
    return wall, reported


def idle_rss_mb(command: list[str], tmp: str, idle: float) -> float:
    process = _spawn(command, "1", tmp)
    try:
        _wait_for(process, "ready")
        time.sleep(idle)
        return rss_mb_of(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--memory-runs", type=int, default=5)
    parser.add_argument("--idle", type=float, default=3.0, help="seconds after 'ready'")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        for command in (APP, BARE):  # warm-up: page cache, .pyc files
            cold_start_ms(command, tmp)
        app_ms: list[float] = []
        bare_ms: list[float] = []
        app_reported: list[float] = []
        bare_reported: list[float] = []
        for n in range(args.runs):
            order = ((APP, app_ms, app_reported), (BARE, bare_ms, bare_reported))
            for command, walls, reported in (order if n % 2 == 0 else order[::-1]):
                wall, inside = cold_start_ms(command, tmp)
                walls.append(wall)
                reported.append(inside)
        app_mb: list[float] = []
        bare_mb: list[float] = []
        for n in range(args.memory_runs):
            pairs = ((APP, app_mb), (BARE, bare_mb))
            for command, sizes in (pairs if n % 2 == 0 else pairs[::-1]):
                sizes.append(idle_rss_mb(command, tmp, args.idle))
        leftovers = list(Path(tmp).glob("frontdesk-demo-*"))
        if not leftovers:
            warn("note: the demo left no data folder (did it start?)")
    figures = [
        Figure(key="cold_start", what="cold start to first paint (frontdesk --demo)",
               unit="ms", value=median(app_ms), baseline=median(bare_ms),
               baseline_what="bare QMainWindow", target=1.3, target_on="ratio",
               runs=args.runs,
               extra={"app_reported_ms": round(median(app_reported), 1),
                      "bare_reported_ms": round(median(bare_reported), 1),
                      "app_runs_ms": [round(x, 1) for x in app_ms],
                      "bare_runs_ms": [round(x, 1) for x in bare_ms]}),
        Figure(key="idle_memory", what=f"idle RSS, window open ({args.idle:g} s after ready)",
               unit="MB", value=median(app_mb), baseline=median(bare_mb),
               baseline_what="bare QMainWindow", target=1.6, target_on="ratio",
               runs=args.memory_runs,
               extra={"app_runs_mb": [round(x, 1) for x in app_mb],
                      "bare_runs_mb": [round(x, 1) for x in bare_mb],
                      "note": "the demo's sandbox runs inside the app's process"}),
    ]
    report(figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
