"""How long the outbox waits, in one place: retry backoff, probing while offline, the in-doubt
grace, the lease, and the horizon beyond which a due time can only be a clock set back."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from desktop.api.constants import READ_TIMEOUT


@dataclass(frozen=True)
class Backoff:
    """Delay before try ``n`` (1-based): ``first`` doubling up to ``limit``, ± ``jitter``."""

    first: float = 5.0
    limit: float = 300.0
    jitter: float = 0.2

    def delay(self, failures: int, rng: random.Random) -> float:
        base = min(self.limit, self.first * 2.0 ** max(0, failures - 1))
        # Jitter spreads the desks of a clinic that all come back online at the same moment.
        return min(self.limit, base * (1 + rng.uniform(-self.jitter, self.jitter)))


#: Probing while offline: a desk wants to know quickly that the network is back.
PROBE_BACKOFF = Backoff(first=2.0, limit=30.0)
#: A request that may have reached the server is looked up only this long after the client
#: stopped waiting for it: longer than the client's read timeout, so the server has finished
#: with it (a look-up any sooner can miss a booking still being committed, and re-send it).
IN_DOUBT_GRACE = timedelta(seconds=READ_TIMEOUT + 5)
#: How long a claim on an operation holds without renewal; renewed every third of it.
LEASE = timedelta(seconds=30)
#: The longest Retry-After the outbox honours (a server asking more gets this).
MAX_RETRY_AFTER = 600.0
#: Longest sleep of the idle loop (it is woken early by ``wake()`` anyway).
IDLE_WAIT_S = 60.0


@dataclass(frozen=True)
class Timing:
    backoff: Backoff = Backoff()
    probe_backoff: Backoff = PROBE_BACKOFF
    in_doubt_grace: timedelta = IN_DOUBT_GRACE
    lease: timedelta = LEASE

    @property
    def horizon(self) -> timedelta:
        """No wait the engine sets is longer: a due time further ahead than this comes from a
        clock that was set back, and counts as due now."""
        longest = max(self.backoff.limit, MAX_RETRY_AFTER, self.in_doubt_grace.total_seconds(),
                      self.lease.total_seconds())
        return timedelta(seconds=longest * 1.5)

    @property
    def renew_every(self) -> float:
        return max(0.05, self.lease.total_seconds() / 3)
