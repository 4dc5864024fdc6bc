"""The self-test's report: one line per check, marks that survive any console."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:

    pass

#: The whole run, window included, must finish within this.
OVERALL_TIMEOUT_S = 30.0
#: A hung call outside the event loop (a D-Bus keyring, a stuck plugin) ends the process.
WATCHDOG_S = OVERALL_TIMEOUT_S + 10.0
#: How long the keyring probe may take before it counts as "not answering".
KEYRING_TIMEOUT_S = 5.0

SAMPLE_FILES = ("business.json", "services.json", "staff.json", "clients.json",
                "scheduling_form.json")
#: The keyring backend a build for this system must carry.
PLATFORM_KEYRING = {"linux": "SecretService", "darwin": "macOS", "win32": "Windows"}

PASS, WARN, FAIL = "pass", "warn", "fail"
MARKS = {PASS: "✔", WARN: "⚠", FAIL: "✘"}
PLAIN_MARKS = {PASS: "OK  ", WARN: "WARN", FAIL: "FAIL"}


class CheckFailed(Exception):
    """A check did not hold; the message is the report line's detail."""


class Warned(Exception):
    """A check found something worth saying that does not stop the app working."""


@dataclass
class Check:
    name: str
    status: str
    detail: str
    seconds: float


@dataclass
class Report:
    out: TextIO
    checks: list[Check] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def deadline(self) -> float:
        return self.started + OVERALL_TIMEOUT_S

    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    @property
    def failed(self) -> bool:
        return any(check.status == FAIL for check in self.checks)

    def line(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def add(self, check: Check) -> None:
        self.checks.append(check)
        marks = MARKS if _can_encode(self.out, "✔⚠✘") else PLAIN_MARKS
        millis = f"{check.seconds * 1000:7.0f} ms"
        self.line(f"{marks[check.status]} {check.name:<22} {millis}  {check.detail}")

    @contextmanager
    def check(self, name: str) -> Iterator[list[str]]:
        """Time a step; the body appends its detail line to the yielded list. CheckFailed →
        ✘, Warned → ⚠; any other exception is a failure too and stops the run."""
        detail: list[str] = []
        start = time.monotonic()
        try:
            yield detail
        except Warned as warning:
            self.add(Check(name, WARN, str(warning), time.monotonic() - start))
        except CheckFailed as problem:
            self.add(Check(name, FAIL, str(problem), time.monotonic() - start))
            raise
        except Exception as exc:
            self.add(Check(name, FAIL, f"{type(exc).__name__}: {exc}",
                           time.monotonic() - start))
            raise CheckFailed(str(exc)) from exc
        else:
            self.add(Check(name, PASS, " ".join(detail), time.monotonic() - start))


def _can_encode(stream: TextIO, text: str) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _output() -> TextIO:
    """stdout, or a file when there is none (a windowed Windows build has no console)."""
    if sys.stdout is not None:
        return sys.stdout
    path = Path(tempfile.gettempdir()) / "frontdesk-self-test.txt"
    return path.open("w", encoding="utf-8")


# ---------------------------------------------------------------------- the checks


