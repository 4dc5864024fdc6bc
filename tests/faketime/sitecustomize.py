"""Loaded by every Python process of ``./dev sweep`` (this folder is put on PYTHONPATH there,
and only there): one workaround for libfaketime 0.9.10, the version Debian and Ubuntu ship.

The sweep fakes the wall clock only (``FAKETIME_DONT_FAKE_MONOTONIC=1``): with the monotonic
clock faked too, every timed wait of a lock, queue or event (``sem_clockwait``, which that
libfaketime does not translate) waits for years; and its "monotonic fix" is off
(``FAKETIME_FORCE_MONOTONIC_FIX=0``), or Qt's timed waits (``QThread.wait``) return at once.
But with the monotonic clock left alone, that libfaketime still shifts the absolute deadline
of ``clock_nanosleep``, which Python's ``time.sleep`` uses, and the kernel answers EINVAL. So
``time.sleep`` waits on ``select`` here (a relative timeout, which libfaketime leaves alone).
Nothing else is changed.
"""

from __future__ import annotations

import os
import select
import time

_real_sleep = time.sleep


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:  # select may return early on a signal
        select.select([], [], [], left)


if os.environ.get("FAKETIME") and os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC") == "1":
    time.sleep = _sleep
