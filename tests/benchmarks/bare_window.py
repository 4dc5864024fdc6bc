"""The baseline for start-up and memory: a bare PySide6 QMainWindow with one line of text.

    FRONTDESK_STARTUP_PROBE=exit .venv/bin/python tests/benchmarks/bare_window.py

It speaks the app's probe (see ``desktop/ui/startup.py``): ``frontdesk-startup-probe:
first-paint <ms since process start>`` on the first Paint event of its text, then exits in
``exit`` mode, or prints ``ready`` and stays open (for the memory figure) otherwise. It
imports nothing of the app, on purpose.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget


def ms_since_process_start() -> float:
    with open("/proc/self/stat", encoding="ascii") as stat:
        after_name = stat.read().rsplit(")", 1)[1].split()
    started = int(after_name[19]) / os.sysconf("SC_CLK_TCK")
    return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000


class FirstPaint(QObject):
    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.seen = False
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            mode = os.environ.get("FRONTDESK_STARTUP_PROBE", "")
            print(f"frontdesk-startup-probe: first-paint {ms_since_process_start():.1f}",
                  flush=True)
            if mode == "exit":
                os._exit(0)
            print(f"frontdesk-startup-probe: ready {ms_since_process_start():.1f}", flush=True)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1180, 760)
    label = QLabel("Signing in…", window)
    window.setCentralWidget(label)
    FirstPaint(label)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
