"""``frontdesk --self-test``: a headless smoke test of an installed (or source) build.

It proves that the parts a packaged build can lose are there and work together: the shipped
resources, the Qt platform plugin, the keyring backends, the package metadata, and the whole
booking path — main window on the built-in sandbox, one appointment booked through the
window's own pickers, and the booking found on the sandbox. One line per check, then
"Self-test passed" (exit 0) or "Self-test failed" (exit 1).

A machine without a usable password store is a warning, not a failure: the app then offers
session-only sign-in. A platform backend missing from the bundle *is* a failure.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.sandbox.server import SandboxServer
    from desktop.ui.main_window import MainWindow

from desktop.self_test.checks import (
    check_keyring,
    check_metadata,
    check_qt,
    check_resources,
    check_single_instance,
    choose_platform,
)
from desktop.self_test.drive import BookingDrive, confirm_on_sandbox, wait_until
from desktop.self_test.report import WARN, WATCHDOG_S, CheckFailed, Report, _output

__all__ = ["choose_platform", "run_self_test"]

def _start_watchdog(out: TextIO) -> threading.Timer:
    def expire() -> None:
        try:
            out.write(f"✘ self-test hung for {WATCHDOG_S:.0f} s\nSelf-test failed\n")
            out.flush()
        finally:
            os._exit(1)

    timer = threading.Timer(WATCHDOG_S, expire)
    timer.daemon = True
    timer.start()
    return timer


def run_self_test(verbose: bool = False) -> int:
    """Run every check, print the report, and return the exit code (0 only if all passed)."""
    out = _output()
    if verbose:
        from desktop.logging_setup import configure_logging

        configure_logging(verbose=True, to_file=False)
    report = Report(out)
    watchdog = _start_watchdog(out)
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    report.line(f"Frontdesk {__version__} self-test ({frozen} build, Python "
                f"{sys.version.split()[0]}, {sys.platform})")
    sandbox: SandboxServer | None = None
    window: MainWindow | None = None
    data_dir = Path(tempfile.mkdtemp(prefix="frontdesk-self-test-"))
    try:
        with report.check("display") as detail:
            detail.append(choose_platform(os.environ))
        with report.check("resources") as detail:
            detail.append(check_resources())
        with report.check("metadata") as detail:
            detail.append(check_metadata())
        with report.check("Qt platform plugin") as detail:
            app, text = check_qt()
            detail.append(text)
        with report.check("keyring") as detail:
            detail.append(check_keyring())
        with report.check("single instance") as detail:
            detail.append(check_single_instance(data_dir))
        window, sandbox = _book_one(app, report, data_dir)
    except CheckFailed:
        pass  # already on the report
    finally:
        if window is not None:
            window.shutdown()
            window.close()
            window.deleteLater()
        if sandbox is not None:
            sandbox.stop()
        watchdog.cancel()
        _remove_tree(data_dir)

    total = time.monotonic() - report.started
    warnings = sum(check.status == WARN for check in report.checks)
    note = f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
    if report.failed:
        report.line(f"Self-test failed ({len(report.checks)} checks{note}) in {total:.2f} s")
        return 1
    report.line(f"Self-test passed ({len(report.checks)} checks{note}) in {total:.2f} s")
    return 0


def _book_one(app: QApplication, report: Report,
              data_dir: Path) -> tuple[MainWindow | None, SandboxServer | None]:
    """Sandbox → main window → one booking → the sandbox has it. Returns what to close."""
    from desktop.api.client import BookingClient
    from desktop.sandbox.server import SandboxServer
    from desktop.ui.main_window import MainWindow

    sandbox: SandboxServer | None = None
    window: MainWindow | None = None
    try:
        with report.check("sandbox API") as detail:
            sandbox = SandboxServer(port=0).start()
            detail.append(f"listening at {sandbox.url}")
        with report.check("main window") as detail:
            client = BookingClient(sandbox.url, sandbox.staff_token())
            business = client.get_business(sandbox.business_id)
            window = MainWindow(client, business, demo=True, data_dir=data_dir)
            window.show()
            wait_until(app, report, window.isVisible, "the window to show")
            detail.append(f"“{window.windowTitle()}” shown")
        drive = BookingDrive(app, report, window)
        with report.check("services loaded") as detail:
            detail.append(drive.catalogue())
        with report.check("open time picked") as detail:
            detail.append(drive.slot())
        with report.check("client picked") as detail:
            detail.append(drive.client())
        before = sandbox.state.bookings()
        with report.check("booked") as detail:
            booking = drive.book()
            detail.append(f"booking {booking.id}")
        with report.check("sandbox has it") as detail:
            detail.append(confirm_on_sandbox(sandbox, before, booking))
    except CheckFailed:
        pass
    return window, sandbox


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
