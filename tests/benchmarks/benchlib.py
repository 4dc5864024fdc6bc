"""What every benchmark script shares: medians, ratios, the figure rows, JSON and the table.

A script measures, then returns a list of :class:`Figure` (one per row of the table) through
:func:`report`; ``--json`` prints them as one JSON object (``{"figures": [...], ...}``) for
``run_all.py``, otherwise a small table. ``run_all.py`` keeps runs in ``results/`` and
compares each figure with the previous run (:func:`compare`).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RESULTS = HERE / "results"
#: A figure this much worse than the previous run's is reported as a regression.
REGRESSION = 0.20


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def p90(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # not on every platform
        return []


def rss_mb_of(pid: int | str = "self") -> float:
    """Resident memory now (VmRSS), in MiB; Linux only (0.0 elsewhere)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class Figure:
    """One row of the table.

    ``value`` is the median (``unit`` says of what); ``baseline`` the median of the baseline
    measured in the same run, if the target is a ratio to it. ``target`` is the bound and
    ``target_on`` what it bounds: ``"ratio"`` or ``"value"``. ``better`` is ``"lower"`` or
    ``"higher"`` (throughput). ``extra`` holds any other figure worth keeping (p90, CPU...).
    """

    key: str
    what: str
    value: float
    unit: str
    target: float
    target_on: str = "value"
    better: str = "lower"
    baseline: float | None = None
    baseline_what: str = ""
    runs: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def judged(self) -> float:
        """The number the target applies to."""
        ratio = self.ratio
        return ratio if self.target_on == "ratio" and ratio is not None else self.value

    @property
    def ok(self) -> bool:
        if self.better == "higher":
            return self.judged >= self.target
        return self.judged <= self.target

    def target_text(self) -> str:
        sign = "≥" if self.better == "higher" else "≤"
        if self.target_on == "ratio":
            return f"{sign} {self.target:g}×"
        return f"{sign} {self.target:g} {self.unit}"

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = None if self.ratio is None else round(self.ratio, 3)
        data["ok"] = self.ok
        data["value"] = round(self.value, 3)
        if self.baseline is not None:
            data["baseline"] = round(self.baseline, 3)
        return data


def figure_from_json(data: dict[str, Any]) -> Figure:
    names = Figure.__dataclass_fields__
    return Figure(**{k: v for k, v in data.items() if k in names})


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if abs(value) >= 100:
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def table(figures: Sequence[Figure], previous: dict[str, Figure] | None = None) -> str:
    """The results table; with ``previous``, a column of the change since that run."""
    header = ["what", "median", "baseline (same run)", "ratio", "target", "ok"]
    if previous is not None:
        header.append("vs previous")
    rows = [header]
    for fig in figures:
        row = [fig.what, fmt(fig.value, fig.unit),
               f"{fmt(fig.baseline, fig.unit)} {fig.baseline_what}".strip()
               if fig.baseline is not None else "—",
               f"{fig.ratio:.2f}×" if fig.ratio is not None else "—",
               fig.target_text(), "pass" if fig.ok else "MISS"]
        if previous is not None:
            change = change_since(fig, previous.get(fig.key))
            row.append("—" if change is None else f"{change * 100:+.0f}%"
                       + (" REGRESSION" if change > REGRESSION else ""))
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip()
             for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def change_since(now: Figure, before: Figure | None) -> float | None:
    """How much worse ``now`` is than ``before`` (0.25 = 25 % worse; negative = better).

    Ratio-targeted figures are compared by their ratio (the baseline absorbs the machine's
    load of the moment); the others by their value."""
    if before is None:
        return None
    a, b = before.judged, now.judged
    if not a or not b:
        return None
    return (a / b - 1) if now.better == "higher" else (b / a - 1)


def regressions(figures: Sequence[Figure], previous: dict[str, Figure]) -> list[str]:
    found = []
    for fig in figures:
        change = change_since(fig, previous.get(fig.key))
        if change is not None and change > REGRESSION:
            before = previous[fig.key]
            shown = "ratio" if fig.target_on == "ratio" else fig.unit
            found.append(f"{fig.what}: {fmt(before.judged)} → {fmt(fig.judged)} {shown} "
                         f"({change * 100:+.0f}%, more than {REGRESSION * 100:.0f}% worse)")
    return found


def report(figures: Sequence[Figure], *, as_json: bool, **context: Any) -> None:
    """A script's output: one JSON object for ``run_all.py``, or the table for a person."""
    if as_json:
        print(json.dumps({"figures": [f.as_json() for f in figures],
                          "load_average": load_average(), **context}))
        return
    print(table(figures))
    if context:
        print("  " + ", ".join(f"{k}: {v}" for k, v in context.items()))
    print(f"  load average {load_average()}")


def warn(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
