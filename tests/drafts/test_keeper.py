"""The lease keeper renews while an engine works and leaves no thread behind when it does not
(tests and drafts panels drop engines without stopping them; each used to keep a thread)."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from typing import Any, cast

from desktop.clock import SYSTEM_CLOCK
from desktop.outbox.keeper import LeaseKeeper


class RecordingLedger:
    def __init__(self) -> None:
        self.renewed: list[datetime] = []

    def renew(self, now: datetime) -> int:
        self.renewed.append(now)
        return 1


def _wait_until(condition: Any, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_renews_while_working_and_its_thread_ends_when_idle() -> None:
    ledger = RecordingLedger()
    keeper = LeaseKeeper(cast(Any, ledger), SYSTEM_CLOCK, every=0.02)
    before = threading.active_count()
    with keeper.working():
        assert keeper.running
        assert _wait_until(lambda: len(ledger.renewed) >= 3)
    assert _wait_until(lambda: not keeper.running), "the idle keeper kept its thread"
    assert _wait_until(lambda: threading.active_count() <= before)
    renewed = len(ledger.renewed)
    time.sleep(0.1)
    assert len(ledger.renewed) == renewed  # nothing renewed while idle
    with keeper.working():  # the next piece of work starts a fresh thread
        assert keeper.running
        assert _wait_until(lambda: len(ledger.renewed) > renewed)
    keeper.close()
    assert not keeper.running
    with keeper.working():  # once closed, no thread is started again
        assert not keeper.running
