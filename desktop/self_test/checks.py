"""The self-test's checks of what a packaged build can lose: resources, metadata, the Qt
platform plugin, the keyring backends."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


from desktop.self_test.report import (
    KEYRING_TIMEOUT_S,
    PLATFORM_KEYRING,
    SAMPLE_FILES,
    CheckFailed,
    Warned,
)

log = logging.getLogger(__name__)


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


def check_single_instance(data_dir: Path) -> str:
    """The guard a second launch talks to: QtNetwork's local socket, really listening (a
    bundle without QtNetwork would lose it only on a real sign-in, after the first paint)."""
    from desktop.ui.single_instance import SingleInstance, ask_running_instance_to_show

    guard = SingleInstance(data_dir / "self-test.lock")
    if not guard.acquire():
        raise CheckFailed("could not take the instance lock in a fresh folder")
    try:
        guard.listen()
        if not ask_running_instance_to_show(guard.lock_path):
            raise CheckFailed("a second launch could not reach the first one")
    finally:
        guard.release()
    return "a second launch reaches the first"


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


