"""Start-up time of the frozen build against the same app from the venv, in one run.

"Start-up" is from spawning the process to the moment the main window is on screen, as the
``--self-test`` report says it (its "main window" line is printed, flushed, right after
``window.show()`` returned and the window is visible). Both programs do exactly the same work
up to there: imports, QApplication, resources, keyring probe, the sandbox, the window.
Runs alternate (venv, frozen, venv, …) so that a busy moment on the machine hits both; one
warm-up run of each is not counted. Offscreen, so it runs anywhere.

    python packaging/measure_startup.py --frozen packaging/out/dist/frontdesk/frontdesk
    python packaging/measure_startup.py --frozen … --runs 5 --ratio-only   (prints the ratio)
"""

# Build tooling: it runs binutils, dpkg-deb and our own programs by name, on our own files.
# ruff: noqa: S603

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The report line that follows the window being shown.
SHOWN_MARK = "main window"
TIMEOUT_S = 60.0


def time_to_window(command: list[str]) -> float:
    """Seconds from spawn to the "main window" report line; the run must then pass."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, encoding="utf-8", env=env, cwd=ROOT)
    assert process.stdout is not None
    shown: float | None = None
    lines: list[str] = []
    for line in process.stdout:
        lines.append(line)
        if shown is None and SHOWN_MARK in line:
            shown = time.perf_counter() - start
    code = process.wait(TIMEOUT_S)
    if code != 0 or shown is None:
        raise RuntimeError(f"{command[0]} --self-test failed (exit {code}):\n" + "".join(lines))
    return shown


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", type=Path, required=True, help="the onedir's program")
    parser.add_argument("--python", type=Path, default=Path(sys.executable),
                        help="the venv's python (default: this one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ratio-only", action="store_true",
                        help="print only the ratio of medians (frozen/venv) on stdout")
    args = parser.parse_args(argv)
    commands = {
        "venv": [str(args.python), "-m", "desktop", "--self-test"],
        "frozen": [str(args.frozen), "--self-test"],
    }
    for command in commands.values():  # warm-up: page cache, .pyc files
        time_to_window(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(max(1, args.runs)):
        for name, command in commands.items():
            times[name].append(time_to_window(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["frozen"] / medians["venv"]
    report = sys.stderr if args.ratio_only else sys.stdout
    for name, values in times.items():
        runs = " ".join(f"{v * 1000:.0f}" for v in values)
        print(f"  {name:<6} start to shown window: median {medians[name] * 1000:5.0f} ms "
              f"(runs: {runs} ms)", file=report)
    print(f"  frozen/venv ratio of medians: {ratio:.2f}", file=report)
    if args.ratio_only:
        print(f"{ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
