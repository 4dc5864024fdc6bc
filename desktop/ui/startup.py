"""The first thing on screen, and the probe that times it.

Importing httpx, pydantic and keyring and building the booking page takes several times as
long as Qt needs to show a window, so the app first shows :class:`StartupShell` (only
QtWidgets is imported by then): the window's title, a header and "Signing in…". The rest is
imported and built after the shell's first paint (:meth:`StartupShell.after_first_paint`),
and the main window takes the shell's place when it is ready.

Hidden switch for benchmarks (``tests/benchmarks/bench_startup.py``):
``FRONTDESK_STARTUP_PROBE=1`` prints ``frontdesk-startup-probe: first-paint <ms>`` on stdout
when the shell's content is first painted (ms since the process started), and
``frontdesk-startup-probe: ready <ms>`` when the main window is on screen;
``FRONTDESK_STARTUP_PROBE=exit`` prints the first line and exits at once. The points after
``ready`` (the Day usable, the Book tab's services listed, and the modes ``usable`` and
``book``) are in :mod:`desktop.ui.usable_probe`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop.ui.source_scan import stop_source_scans

# Before anything else is imported: PySide6 would read (and keep) every later module's source.
stop_source_scans()

PROBE_VARIABLE = "FRONTDESK_STARTUP_PROBE"
PROBE_PREFIX = "frontdesk-startup-probe:"
#: Build anyway if the shell has not been painted by then.
NO_PAINT_FALLBACK_MS = 1500
_IMPORTED_AT = time.monotonic()


def ms_since_process_start() -> float:
    """From the kernel's record of the process's start (Linux, 10 ms ticks); elsewhere from
    when this module was imported, which leaves out the interpreter's own start."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            after_name = stat.read().rsplit(")", 1)[1].split()
        started = int(after_name[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.monotonic() - _IMPORTED_AT) * 1000


def probe_mode() -> str:
    """The probe's mode, or "" when it is off."""
    mode = os.environ.get(PROBE_VARIABLE, "").strip().lower()
    return "" if mode in ("0", "no", "false") else mode


def probe(event: str) -> None:
    """Print one probe line if the probe is on; ``first-paint`` ends the process in exit
    mode (nothing else has started yet, so there is nothing to clean up)."""
    mode = probe_mode()
    if not mode:
        return
    print(f"{PROBE_PREFIX} {event} {ms_since_process_start():.1f}", flush=True)
    if mode == "exit" and event == "first-paint":
        sys.stdout.flush()
        os._exit(0)


class _FirstPaint(QObject):
    """Hears the first Paint event of one widget, once."""

    def __init__(self, watched: QWidget, then: Callable[[], None]) -> None:
        super().__init__(watched)
        self._then: Callable[[], None] | None = then
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            then()
        return False


class StartupShell(QMainWindow):
    """The window's frame while the app loads: title, header, and what is happening."""

    def __init__(self, *, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("startup-shell")
        self.setWindowTitle(self.tr("Frontdesk (demo)") if demo else "Frontdesk")
        self.resize(1180, 760)
        self._waiting: list[Callable[[], None]] = []
        self._painted = False

        header_label = QLabel("Frontdesk", self)
        header_label.setObjectName("business-name")
        font = header_label.font()  # as the main window's business name: 1.35× and bold
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        header_label.setFont(font)
        header = QHBoxLayout()
        header.addWidget(header_label)
        header.addStretch(1)
        self.message = QLabel(self.tr("Signing in…"), self)
        self.message.setObjectName("startup-message")
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message.setFont(font)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        # Centred by stretches, not by Qt.AlignmentFlag: touching Qt's enum namespace before
        # the first paint costs ~25 ms.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.message)
        middle.addStretch(1)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(1)
        self.setCentralWidget(central)
        # The message is painted after the frame and header: once it is, there is content.
        _FirstPaint(self.message, self._first_paint)

    def _first_paint(self) -> None:
        self._painted = True
        probe("first-paint")
        # Let this paint reach the screen before the heavy work starts.
        QTimer.singleShot(0, self._run_waiting)

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for job in waiting:
            job()

    def after_first_paint(self, job: Callable[[], None]) -> None:
        """Run ``job`` on the GUI thread once the shell has been painted."""
        self._waiting.append(job)
        if self._painted:
            QTimer.singleShot(0, self._run_waiting)
        else:
            # A window started minimized (or on a platform that never paints it) must still
            # get built.
            QTimer.singleShot(NO_PAINT_FALLBACK_MS, self._run_waiting)

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def hand_over(self, window: QMainWindow) -> None:
        """Put ``window`` where the shell is, then go away."""
        if self.isMaximized():
            window.showMaximized()
        else:
            window.setGeometry(self.geometry())
            window.show()
        self.close()
        self.deleteLater()
