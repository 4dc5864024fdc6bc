"""What the app imports at start-up, checked in a fresh interpreter (this process has
imported everything already)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY_AND_UNNEEDED = {"jwt", "cryptography", "keyring"}


def imported_after(code: str) -> set[str]:
    """Every module in ``sys.modules`` after running ``code`` in a new interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
                          check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_the_demo_needs_no_pyjwt_cryptography_or_keyring() -> None:
    loaded = imported_after(
        "import desktop.app, desktop.ui.application, desktop.ui.main_window\n"
        "import desktop.ui.demo_menu, desktop.sandbox.server, desktop.ui.sign_in.session\n"
        "import desktop.auth.jwt_info")
    assert {"PySide6", "httpx"} <= packages(loaded)  # the check itself works
    assert not packages(loaded) & HEAVY_AND_UNNEEDED
    # Neither the sign-in dialog (a silent sign-in) nor the Book page (built when shown).
    assert "desktop.ui.sign_in.dialog" not in loaded
    assert "desktop.ui.booking.page" not in loaded


def test_the_start_up_shell_needs_only_qt() -> None:
    loaded = imported_after("import desktop.app, desktop.ui.application")
    assert "PySide6" in packages(loaded)
    assert not packages(loaded) & {"httpx", "pydantic", "pydantic_core", "sqlite3",
                                   *HEAVY_AND_UNNEEDED}
