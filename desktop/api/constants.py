"""Timeouts, retry counts and backoff bounds of the booking client, in one place."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

#: Seconds to open a connection. A reception desk needs to hear "offline" quickly.
CONNECT_TIMEOUT = 5.0
#: Seconds to wait for an answer once the request was sent.
READ_TIMEOUT = 20.0
#: Seconds to send the request body.
WRITE_TIMEOUT = 20.0
#: Seconds to wait for a free connection from the pool.
POOL_TIMEOUT = 5.0
#: Seconds one call may take in all, from its first request to the last byte of its last
#: answer, waits between tries included. Per-read timeouts alone let an answer that trickles
#: in (one byte a second) run for ever.
CALL_DEADLINE = 60.0

#: The largest answer read, in bytes after decompression. 10,000 services with descriptions
#: weigh about 3 MB, a month of 10-minute free cells for 20 staff about 6 MB (measured, see
#: tests/api/test_answer_limits.py); anything past this is treated as an unreadable answer,
#: so a server that never stops sending cannot fill the memory.
MAX_ANSWER_BYTES = 16 * 1024 * 1024

#: Attempts per call in total (the first one included).
MAX_TRIES = 3
#: First backoff after a 429 or a 5xx; doubled after each failure, capped at BACKOFF_MAX.
BACKOFF_BASE = 0.5
#: First backoff after a refused connection: short, so that "offline" is known in well under 1 s.
CONNECT_BACKOFF_BASE = 0.05
BACKOFF_MAX = 8.0
#: The longest ``Retry-After`` honoured; a server asking for more gets this many seconds.
RETRY_AFTER_MAX = 30.0
#: Slice of a backoff wait between two looks at the caller's cancel check.
CANCEL_POLL_INTERVAL = 0.1

#: Page sizes the API allows: default 25, at most 100.
DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
#: A guard against a server whose ``next_page`` never ends.
MAX_PAGES = 200
#: Booking ids the Business API takes in one cancel/complete call; longer lists are split.
MAX_IDS_PER_CALL = 50

#: How a create request is attributed (seed page's ``source_name``).
SOURCE_NAME = "front_desk"
USER_AGENT = "Frontdesk/0.1 (+httpx)"


@dataclass(frozen=True)
class Timeouts:
    """Seconds per phase of a request; defaults from the constants above."""

    connect: float = CONNECT_TIMEOUT
    read: float = READ_TIMEOUT
    write: float = WRITE_TIMEOUT
    pool: float = POOL_TIMEOUT
    #: The whole call (see CALL_DEADLINE).
    deadline: float = CALL_DEADLINE

    def to_httpx(self, remaining: float | None = None) -> httpx.Timeout:
        """Per-phase timeouts, none longer than ``remaining`` seconds of the call's deadline."""
        cap = float("inf") if remaining is None else max(remaining, 0.001)
        return httpx.Timeout(connect=min(self.connect, cap), read=min(self.read, cap),
                             write=min(self.write, cap), pool=min(self.pool, cap))
