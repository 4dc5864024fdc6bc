"""Run every benchmark, print one table, keep the results, and compare with the last run.

    .venv/bin/python tests/benchmarks/run_all.py [--quick] [--strict] [--only NAME ...]
    ./dev bench [--quick] [--strict]

Each script runs in its own process (so one's imports and memory do not colour another's)
with ``--json``; its figures are medians of at least 5 runs, next to their same-run
baselines where the target is a ratio. The run is written to ``results/<UTC time>.json``
and ``results/latest.json``; a figure more than 20 % worse than in the previous
``latest.json`` is reported as a regression. The exit code is 0 unless ``--strict`` is given
and a target was missed or a regression found (or a script failed, always 1).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchlib import (
    HERE,
    RESULTS,
    ROOT,
    Figure,
    figure_from_json,
    load_average,
    regressions,
    table,
)

#: name → (script, arguments for a full run, arguments for --quick). Every figure stays a
#: median of at least 5 runs in --quick too.
BENCHES: dict[str, tuple[str, list[str], list[str]]] = {
    "startup": ("bench_startup.py", ["--runs", "11", "--memory-runs", "5", "--idle", "3"],
                ["--runs", "5", "--memory-runs", "5", "--idle", "2"]),
    "window": ("bench_window.py", ["--rounds", "15", "--stall-rounds", "5"],
               ["--rounds", "6", "--stall-rounds", "5"]),
    "form": ("bench_form.py", ["--runs", "30"], ["--runs", "9"]),
    "day": ("bench_day.py", ["--rounds", "15"], ["--rounds", "9"]),
    "client": ("bench_client.py", ["--rounds", "300"], ["--rounds", "60"]),
    "drafts": ("bench_drafts.py", ["--saves", "300", "--drafts", "1000"],
               ["--saves", "60", "--drafts", "1000"]),
}
ORDER = ["cold_start", "usable_day", "services_listed", "form_after_service", "form_300",
         "stall_20_in_flight",
         "client_booking", "draft_save", "drafts_send_rate", "outbox_marks_rate",
         "drafts_send_peak_rss",
         "idle_memory", "idle_memory_book"]


def run_one(name: str, quick: bool) -> dict[str, Any]:
    script, full, fast = BENCHES[name]
    command = [sys.executable, str(HERE / script), "--json", *(fast if quick else full)]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), str(HERE),
                                                      os.environ.get("PYTHONPATH")]))}
    print(f"… {name}: {' '.join(command[1:])}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=1800)
    took = time.perf_counter() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"{script} failed (exit {done.returncode}):\n{tail}")
    data: dict[str, Any] = json.loads(lines[-1])
    data["seconds"] = round(took, 1)
    return data


def previous_results() -> dict[str, Figure]:
    latest = RESULTS / "latest.json"
    if not latest.exists():
        return {}
    try:
        data = json.loads(latest.read_text(encoding="utf-8"))
        return {f["key"]: figure_from_json(f) for f in data.get("figures", [])}
    except (ValueError, KeyError, TypeError):
        print(f"(could not read {latest}; not comparing)", file=sys.stderr)
        return {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (still ≥ 5)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when a target is missed or a figure regressed")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHES), help="run only these")
    parser.add_argument("--no-save", action="store_true", help="do not write results/")
    args = parser.parse_args()

    previous = previous_results()
    load_before = load_average()
    started = datetime.now(UTC)
    figures: list[Figure] = []
    scripts: dict[str, Any] = {}
    failures: list[str] = []
    for name in args.only or list(BENCHES):
        try:
            data = run_one(name, args.quick)
        except (RuntimeError, subprocess.TimeoutExpired) as problem:
            failures.append(f"{name}: {problem}")
            continue
        figures.extend(figure_from_json(f) for f in data.pop("figures"))
        scripts[name] = data
    figures.sort(key=lambda f: ORDER.index(f.key) if f.key in ORDER else len(ORDER))
    load_after = load_average()

    print()
    print(table(figures, previous or None))
    print()
    print(f"load average before {load_before}, after {load_after} "
          f"({os.cpu_count()} CPUs; medians; {'quick' if args.quick else 'full'} run)")
    missed = [f.what for f in figures if not f.ok]
    if missed:
        print("Missed targets: " + "; ".join(missed))
    found = regressions(figures, previous)
    if found:
        print("\nREGRESSIONS against the previous run (more than 20 % worse):")
        for line in found:
            print(f"  ! {line}")
    elif previous:
        print("No regression against the previous run.")
    for failure in failures:
        print(f"\nFAILED {failure}", file=sys.stderr)

    if not args.no_save and figures:
        RESULTS.mkdir(exist_ok=True)
        record = {
            "started_utc": started.isoformat(timespec="seconds"),
            "quick": args.quick,
            "load_average_before": load_before,
            "load_average_after": load_after,
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "qt_qpa_platform": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "figures": [f.as_json() for f in figures],
            "missed": missed,
            "regressions": found,
            "failures": failures,
            "scripts": scripts,
        }
        text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
        stamp = started.strftime("%Y%m%dT%H%M%SZ")
        (RESULTS / f"{stamp}.json").write_text(text, encoding="utf-8")
        (RESULTS / "latest.json").write_text(text, encoding="utf-8")
        print(f"\nSaved {Path(RESULTS / f'{stamp}.json').relative_to(ROOT)} and latest.json")
    if failures:
        return 1
    return 1 if args.strict and (missed or found) else 0


if __name__ == "__main__":
    sys.exit(main())
