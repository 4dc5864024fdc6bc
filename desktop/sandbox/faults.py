"""Switchable faults, all off by default. Thread-safe: tests flip them while requests run.

Every switch (``faults.update(name=value)``, or ``POST /__sandbox/faults`` with a JSON body):

``latency_ms`` (float, 0)
    Wait this long before answering each matching request.
``latency_jitter_ms`` (float, 0)
    Add a random 0..jitter ms on top of ``latency_ms`` (seeded RNG).
``error_rate`` (float 0..1, 0) and ``error_status`` (int, 500)
    Answer that share of matching requests with ``error_status`` and an error envelope,
    without doing anything. ``error_rate=1.0`` fails every request. Seeded RNG.
``refuse_connections`` (bool, or seconds over HTTP)
    Close the listening socket and every open connection, so connecting gives a real
    ECONNREFUSED; clearing it binds the SAME port again. Over HTTP give a number of seconds
    (nothing could reach the sandbox to clear it otherwise); it then clears itself.
``drop_after_commit`` (count, 0)
    The next N writes that succeed (create booking, and the desk's cancel, complete,
    reschedule, accept and waitlist calls) are committed, then the connection is closed
    without any answer (the client cannot know the change was made). Refused writes answer
    normally and do not use up the count; ``paths`` narrows it to some writes.
``rate_limit`` (count, 0) and ``rate_limit_retry_after`` (seconds, 1)
    The next N matching requests get 429 with ``Retry-After``, and are not carried out.
``expire_tokens`` (bool)
    Every token is treated as expired: 401.
``garbage_body`` (count, 0)
    The next N matching requests get 200 with bytes that are not JSON (not carried out,
    like a captive portal or a broken proxy answering in the API's place).
``truncated_body`` (count, 0)
    The next N matching requests ARE carried out, then the answer's headers promise more
    bytes than are sent and the connection is closed (a connection cut mid-answer).
``create_status`` (200 or 201, 201)
    The status of a successful create-booking answer (some deployments answer 200).
``paths`` (list of path prefixes, or one string; empty = all)
    Restrict the request-level faults above to paths starting with one of these.

Counts go down by one each time they are used. Faults never touch ``/__sandbox/`` paths.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from typing import Any

_DEFAULTS: dict[str, Any] = {
    "latency_ms": 0.0,
    "latency_jitter_ms": 0.0,
    "error_rate": 0.0,
    "error_status": 500,
    "refuse_connections": False,
    "drop_after_commit": 0,
    "rate_limit": 0,
    "rate_limit_retry_after": 1,
    "expire_tokens": False,
    "garbage_body": 0,
    "truncated_body": 0,
    "create_status": 201,
    "paths": [],
}

_COUNTS = ("drop_after_commit", "rate_limit", "garbage_body", "truncated_body")


class Faults:
    """The switches plus a seeded RNG; ``on_refuse`` is how the server learns of toggles."""

    def __init__(self, seed: int = 0) -> None:
        self._lock = threading.Lock()
        self._seed = seed
        self._values: dict[str, Any] = dict(_DEFAULTS)
        self._rng = random.Random(seed)
        #: Called (outside the lock) with the new value when ``refuse_connections`` changes.
        self.on_refuse: Callable[[bool], None] | None = None

    # ------------------------------------------------------------------ switching
    def update(self, **switches: Any) -> None:
        """Set switches; unknown names or bad values raise ``ValueError`` and change nothing."""
        clean = {name: _check(name, value) for name, value in switches.items()}
        with self._lock:
            was_refusing = bool(self._values["refuse_connections"])
            self._values.update(clean)
            now_refusing = bool(self._values["refuse_connections"])
        if was_refusing != now_refusing and self.on_refuse is not None:
            self.on_refuse(now_refusing)

    def reset(self) -> None:
        with self._lock:
            was_refusing = bool(self._values["refuse_connections"])
            self._values = dict(_DEFAULTS)
            self._rng = random.Random(self._seed)
        if was_refusing and self.on_refuse is not None:
            self.on_refuse(False)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            values = dict(self._values)
        values["paths"] = list(values["paths"])
        return values

    # ------------------------------------------------------------------ reading
    def get(self, name: str) -> Any:
        with self._lock:
            return self._values[name]

    def applies_to(self, path: str) -> bool:
        with self._lock:
            prefixes: list[str] = self._values["paths"]
        return not prefixes or any(path.startswith(prefix) for prefix in prefixes)

    def consume(self, name: str) -> bool:
        """Use one unit of a count switch; False when it is (or already was) at zero."""
        with self._lock:
            left = int(self._values[name])
            if left <= 0:
                return False
            self._values[name] = left - 1
            return True

    def delay_seconds(self) -> float:
        with self._lock:
            base = float(self._values["latency_ms"])
            jitter = float(self._values["latency_jitter_ms"])
            extra = self._rng.uniform(0, jitter) if jitter > 0 else 0.0
        return (base + extra) / 1000.0

    def roll_error(self) -> int | None:
        """The status to fail this request with, or None to carry it out."""
        with self._lock:
            rate = float(self._values["error_rate"])
            if rate <= 0:
                return None
            if rate >= 1 or self._rng.random() < rate:
                return int(self._values["error_status"])
            return None


def _check(name: str, value: Any) -> Any:
    if name not in _DEFAULTS:
        raise ValueError(f"Unknown fault switch {name!r}; known: {', '.join(sorted(_DEFAULTS))}")
    if name == "paths":
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return list(value)
        raise ValueError("paths must be a path prefix or a list of them")
    if name in ("refuse_connections", "expire_tokens"):
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be true or false")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number")
    if name in _COUNTS or name in ("rate_limit_retry_after",):
        if value < 0 or int(value) != value:
            raise ValueError(f"{name} must be a whole number, 0 or more")
        return int(value)
    if name == "error_rate":
        if not 0 <= value <= 1:
            raise ValueError("error_rate must be between 0 and 1")
        return float(value)
    if name == "error_status":
        if not 400 <= value <= 599:
            raise ValueError("error_status must be an HTTP error status (400-599)")
        return int(value)
    if name == "create_status":
        if value not in (200, 201):
            raise ValueError("create_status must be 200 or 201")
        return int(value)
    if value < 0:
        raise ValueError(f"{name} must be 0 or more")
    return float(value)
