"""Stop PySide6 from reading the source of every module imported after it.

PySide6 (6.4 onwards) watches every import, to know which modules may use its optional
``from __feature__ import snake_case``: for each new module it calls
``inspect.getsource(module)`` and looks for the word "PySide6". That reads every source file
of everything imported after Qt (httpx, pydantic, the app: ~400 files) into ``linecache``,
which keeps them for the life of the process: **~15 MB** of resident memory in Frontdesk,
a quarter of a bare Qt window's.

Frontdesk never selects a ``__feature__``, so the answer only needs to be right, not read
from the file: a module "uses PySide" when its globals hold something of PySide6's. The
check is replaced by that (no file is read), and what was cached before is dropped.
If a later PySide6 no longer has the check, nothing is changed.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """True when a name in ``module`` is PySide6 or comes from it."""
    for value in list(vars(module).values()):
        name = value.__name__ if isinstance(value, ModuleType) else \
            getattr(value, "__module__", None)
        if isinstance(name, str) and name.startswith(("PySide6", "shiboken6")):
            return True
    return False


def stop_source_scans() -> bool:
    """Install the cheap check; True if PySide6's own one was found and replaced."""
    feature = sys.modules.get("PySide6.support.feature") \
        or sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    linecache.clearcache()
    return True
