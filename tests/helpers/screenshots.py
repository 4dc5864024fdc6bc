"""What the screenshot scripts share: where the pictures go, waiting for the window to get
somewhere, and grabbing a widget once its layout has settled.

The scripts run outside pytest (``python -m tests.ui.make_screenshots``), so these wait by
turning the event loop themselves instead of through qtbot.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def settle(turns: int = 20) -> None:
    """Let layouts and paints catch up (they settle over a few turns of the event loop)."""
    for _ in range(turns):
        QApplication.processEvents()


def wait(condition: Callable[[], bool], seconds: float = 15) -> None:
    """Turn the event loop until ``condition()`` holds (TimeoutError after ``seconds``)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)
    settle()


def save(widget: QWidget, name: str) -> Path:
    """``widget`` as docs/screenshots/``name``, once settled."""
    settle(30)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    widget.grab().save(str(path))
    print("wrote", path.relative_to(ROOT))
    return path


def scratch_data_dir() -> Path:
    """A throwaway data folder for the window's drafts file."""
    return Path(tempfile.mkdtemp(prefix="frontdesk-shots-"))
