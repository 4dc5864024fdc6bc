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

import json
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.api.models import Booking
    from desktop.sandbox.server import SandboxServer
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: The whole run, window included, must finish within this.
OVERALL_TIMEOUT_S = 30.0
#: A hung call outside the event loop (a D-Bus keyring, a stuck plugin) ends the process.
WATCHDOG_S = OVERALL_TIMEOUT_S + 10.0
#: How long the keyring probe may take before it counts as "not answering".
KEYRING_TIMEOUT_S = 5.0

SAMPLE_FILES = ("business.json", "services.json", "staff.json", "clients.json",
                "scheduling_form.json")
#: The keyring backend a build for this system must carry.
PLATFORM_KEYRING = {"linux": "SecretService", "darwin": "macOS", "win32": "Windows"}

PASS, WARN, FAIL = "pass", "warn", "fail"
MARKS = {PASS: "✔", WARN: "⚠", FAIL: "✘"}
PLAIN_MARKS = {PASS: "OK  ", WARN: "WARN", FAIL: "FAIL"}


class CheckFailed(Exception):
    """A check did not hold; the message is the report line's detail."""


class Warned(Exception):
    """A check found something worth saying that does not stop the app working."""


@dataclass
class Check:
    name: str
    status: str
    detail: str
    seconds: float


@dataclass
class Report:
    out: TextIO
    checks: list[Check] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def deadline(self) -> float:
        return self.started + OVERALL_TIMEOUT_S

    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    @property
    def failed(self) -> bool:
        return any(check.status == FAIL for check in self.checks)

    def line(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def add(self, check: Check) -> None:
        self.checks.append(check)
        marks = MARKS if _can_encode(self.out, "✔⚠✘") else PLAIN_MARKS
        millis = f"{check.seconds * 1000:7.0f} ms"
        self.line(f"{marks[check.status]} {check.name:<22} {millis}  {check.detail}")

    @contextmanager
    def check(self, name: str) -> Iterator[list[str]]:
        """Time a step; the body appends its detail line to the yielded list. CheckFailed →
        ✘, Warned → ⚠; any other exception is a failure too and stops the run."""
        detail: list[str] = []
        start = time.monotonic()
        try:
            yield detail
        except Warned as warning:
            self.add(Check(name, WARN, str(warning), time.monotonic() - start))
        except CheckFailed as problem:
            self.add(Check(name, FAIL, str(problem), time.monotonic() - start))
            raise
        except Exception as exc:
            self.add(Check(name, FAIL, f"{type(exc).__name__}: {exc}",
                           time.monotonic() - start))
            raise CheckFailed(str(exc)) from exc
        else:
            self.add(Check(name, PASS, " ".join(detail), time.monotonic() - start))


def _can_encode(stream: TextIO, text: str) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _output() -> TextIO:
    """stdout, or a file when there is none (a windowed Windows build has no console)."""
    if sys.stdout is not None:
        return sys.stdout
    path = Path(tempfile.gettempdir()) / "frontdesk-self-test.txt"
    return path.open("w", encoding="utf-8")


# ---------------------------------------------------------------------- the checks


def choose_platform(env: dict[str, str] | os._Environ[str]) -> str:
    """Headless unless told otherwise: a set QT_QPA_PLATFORM wins, then a display, then
    offscreen. Returns the detail for the report."""
    if env.get("QT_QPA_PLATFORM"):
        return f"QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']} (given)"
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or
                                                 env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
        return "no display: using offscreen"
    return "the system's default platform"


def check_resources() -> str:
    from desktop.resources_path import resource_path, resources_root

    root = resources_root()
    for name in SAMPLE_FILES:
        path = resource_path("sample_data", name)
        if not path.is_file():
            raise CheckFailed(f"missing {path}")
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise CheckFailed(f"{path.name} is not valid JSON ({exc})") from None
    icon = resource_path("icons", "frontdesk.svg")
    if not icon.is_file():
        raise CheckFailed(f"missing {icon}")
    return f"sample data ({len(SAMPLE_FILES)} files) and icon in {root}"


def check_metadata() -> str:
    """The version comes from installed metadata; a bundle without it says 0+unknown."""
    if __version__ in ("", "0+unknown"):
        raise CheckFailed("package metadata missing: the version is unknown")
    certifi_note = ""
    try:
        import certifi

        if not Path(certifi.where()).is_file():
            raise CheckFailed(f"CA bundle missing at {certifi.where()}")
        certifi_note = ", CA bundle found"
    except ImportError:
        raise CheckFailed("certifi (the CA bundle httpx uses) is missing") from None
    import zoneinfo

    try:
        zoneinfo.ZoneInfo("America/New_York")
    except zoneinfo.ZoneInfoNotFoundError:
        raise CheckFailed("no time-zone data (tzdata)") from None
    return f"Frontdesk {__version__}{certifi_note}, time-zone data found"


def _platform_plugin_present(name: str) -> bool | None:
    """True/False when the plugin folder can be looked at, None when it cannot."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    if not folder.is_dir():
        return None
    return any(path.name.removeprefix("lib").startswith(f"q{name}") for path in folder.iterdir())


def check_qt() -> tuple[QApplication, str]:
    from PySide6 import __version__ as pyside_version

    name = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    # Qt aborts the process when the plugin cannot load: look first and say so plainly.
    if name and _platform_plugin_present(name) is False:
        raise CheckFailed(f"the Qt platform plugin '{name}' is not in this build")
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from desktop.ui.application import create_application

    def qt_message(kind: QtMsgType, _context: object, text: str) -> None:
        # Offscreen chatter ("does not support propagateSizeHints") is noise in a report.
        level = logging.WARNING if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) \
            else logging.DEBUG
        log.log(level, "Qt: %s", text)

    qInstallMessageHandler(qt_message)
    app = create_application(sys.argv[:1])
    icon = "with icon" if not app.windowIcon().isNull() else "WITHOUT icon"
    return app, f"platform '{app.platformName()}', PySide6 {pyside_version}, {icon}"


def check_keyring() -> str:
    """Name the backend and whether it works. The platform's backend must be in the build
    (keyring finds backends through entry points, i.e. through copied metadata)."""
    import keyring

    from desktop.auth.token_store import TokenStore

    found = sorted(ep.name for ep in metadata.entry_points(group="keyring.backends"))
    wanted = next((v for k, v in PLATFORM_KEYRING.items() if sys.platform.startswith(k)), None)
    if wanted is not None:
        if wanted not in found:
            raise CheckFailed(f"backend {wanted} not registered (found: {found or 'none'})")
        ep = next(ep for ep in metadata.entry_points(group="keyring.backends")
                  if ep.name == wanted)
        try:
            ep.load()
        except Exception as exc:
            raise CheckFailed(f"backend {wanted} does not load: {exc}") from None

    answer: list[tuple[bool, str]] = []

    def probe() -> None:
        answer.append(TokenStore().backend_usable())

    thread = threading.Thread(target=probe, name="keyring-probe", daemon=True)
    thread.start()
    thread.join(KEYRING_TIMEOUT_S)
    backend = keyring.get_keyring()
    backend_name = f"{type(backend).__module__.removeprefix('keyring.backends.')}." \
                   f"{type(backend).__name__}"
    if not answer:
        raise Warned(f"{backend_name} did not answer in {KEYRING_TIMEOUT_S:.0f} s; "
                     "sign-in will offer session-only use")
    usable, why = answer[0]
    if not usable:
        raise Warned(f"{backend_name} not usable: {why} Sign-in will offer session-only use.")
    return f"{backend_name} usable (backends in build: {', '.join(found)})"


def wait_until(app: QApplication, report: Report, predicate: Callable[[], bool],
               what: str, timeout: float = 10.0) -> float:
    """Process events until ``predicate()``; CheckFailed after ``timeout`` (or the overall
    deadline, whichever is sooner). Returns the seconds waited."""
    start = time.monotonic()
    limit = min(start + timeout, report.deadline)
    while not predicate():
        if time.monotonic() > limit:
            raise CheckFailed(f"timed out after {time.monotonic() - start:.1f} s waiting "
                              f"for {what}")
        app.processEvents()
        time.sleep(0.002)
    return time.monotonic() - start


def _banner_text(window: MainWindow) -> str:
    return window.page.banner.message()


class BookingDrive:
    """Drive the booking page as a receptionist would, step by step."""

    def __init__(self, app: QApplication, report: Report, window: MainWindow) -> None:
        self.app = app
        self.report = report
        self.window = window
        self.page = window.page
        self.booked: list[Booking] = []
        self.page.sig_booked.connect(self.booked.append)

    def idle(self, what: str) -> None:
        """Wait for the page's background work (catalogue, slots, search) to finish."""
        wait_until(self.app, self.report, lambda: not self.page.busy.waiting, what)

    def catalogue(self) -> str:
        self.window.start()
        self.idle("services and staff")
        count = self.page.service_picker.count()
        if count == 0:
            raise CheckFailed(f"no services listed. {_banner_text(self.window)}".strip())
        return f"{count} appointment services, {len(self.page.staff_names())} staff"

    def slot(self) -> str:
        from datetime import date, timedelta

        page = self.page
        page.service_picker.setCurrentIndex(0)
        service = page.selection.service
        if service is None:
            raise CheckFailed("choosing the first service did not select it")
        picker = page.slot_picker
        for _month in range(3):  # this month and two more, in case this one is all booked
            self.idle("open times")
            year, month = picker.visible_month()
            day = max(date(year, month, 1), page.times.business_today())
            while day.month == month:
                picker.select_date(day)
                if picker.slot_list.count() > 0:
                    picker.slot_list.setCurrentRow(0)
                    slot = page.selection.slot
                    if slot is None:
                        raise CheckFailed("picking the first open time did not select it")
                    return (f"{service.name}, {day.isoformat()} "
                            f"{picker.slot_list.item(0).text().strip()}")
                day += timedelta(days=1)
            nxt = date(year, month, 28) + timedelta(days=4)
            picker.calendar.setCurrentPage(nxt.year, nxt.month)
        raise CheckFailed(f"no open times for {service.name} in three months. "
                          f"{picker.status.text()}".strip())

    def client(self) -> str:
        picker = self.page.client_picker
        picker.search.setText("an")
        picker.search.returnPressed.emit()  # what pressing Enter in the search box does
        self.idle("the client search")
        if picker.results.count() == 0:
            raise CheckFailed(f"no client found for 'an': {picker.search_status.text()}")
        picker.results.setCurrentRow(0)
        chosen = self.page.selection.client
        if chosen is None:
            raise CheckFailed("picking the first client did not select it")
        return f"{chosen.full_name} (of {picker.results.count()} found)"

    def book(self) -> Booking:
        if not self.page.book_button.isEnabled():
            raise CheckFailed(f"Book is disabled: {self.page.summary.text()}")
        self.page.book()
        # book() starts its wait on the busy bar before returning, and ends it after the
        # answer (booked or failed) has been handled.
        wait_until(self.app, self.report, lambda: bool(self.booked) or not self.page.busy.waiting,
                   "the booking")
        if not self.booked:
            raise CheckFailed(f"the booking did not go through: {_banner_text(self.window)}")
        return self.booked[0]


def confirm_on_sandbox(sandbox: SandboxServer, before: list[dict[str, Any]],
                       booking: Booking) -> str:
    after = sandbox.state.bookings()
    known = {b["id"] for b in before}
    new = [b for b in after if b["id"] not in known]
    if len(new) != 1:
        raise CheckFailed(f"expected exactly one new booking on the sandbox, found {len(new)}")
    stored = new[0]
    if stored["id"] != booking.id:
        raise CheckFailed(f"the sandbox has booking {stored['id']}, the window {booking.id}")
    expected = {"service_id": booking.service_id, "client_id": booking.client_id}
    for key, value in expected.items():
        if value is not None and stored.get(key) != value:
            raise CheckFailed(f"{key} differs: sandbox {stored.get(key)}, window {value}")
    return f"booking {booking.id} ({stored.get('status', '?')}) is the only new one"


# ---------------------------------------------------------------------- the run


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
