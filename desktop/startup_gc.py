"""No garbage collection while the app starts; the start-up's objects frozen afterwards.

Importing Qt, pydantic, httpx and the app and building the window allocates ~1.5 million
objects, nearly all kept for the life of the process. Python's cyclic collector, run every
700 allocations, looked at them ~150 times before the window was usable (~60 ms of a 0.5 s
start). :func:`pause` turns it off at start; :func:`resume` (once the window shows its day, or
after :data:`LONGEST_PAUSE_S` at the latest, e.g. while a sign-in dialog waits) freezes what
exists then (``gc.freeze``: later collections skip those objects, so they stay short too) and
turns collection back on. Reference counting frees everything else meanwhile; only garbage
cycles made during start-up wait, and those are few (the resident size does not change).

No Qt here: :mod:`desktop.app` calls :func:`pause` before anything is imported.
"""

from __future__ import annotations

import gc

#: Collection is back on after this long even if the window never showed its day.
LONGEST_PAUSE_S = 5.0

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what the start-up made and collect again; only the first call does anything
    (and only after :func:`pause`)."""
    global _paused
    if not _paused:
        return
    _paused = False
    gc.freeze()
    gc.enable()


def paused() -> bool:
    return _paused
