"""What the app imports at start-up, checked in a fresh interpreter (this process has
imported everything already)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY_AND_UNNEEDED = ("jwt", "cryptography", "keyring")


def imported_after(code: str) -> set[str]:
    """Top-level packages in ``sys.modules`` after running ``code`` in a new interpreter."""
    script = (f"{code}\nimport json, sys\n"
              "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
                          check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_demo_window_and_sandbox_need_no_pyjwt_cryptography_or_keyring() -> None:
    loaded = imported_after(
        "import desktop.ui.application, desktop.ui.main_window, desktop.ui.demo_menu\n"
        "import desktop.sandbox.server, desktop.ui.sign_in.session, desktop.auth.jwt_info")
    assert "PySide6" in loaded
    assert "httpx" in loaded
    assert not loaded & set(HEAVY_AND_UNNEEDED)


def test_the_start_up_shell_needs_only_qt() -> None:
    loaded = imported_after("import desktop.app, desktop.ui.application")
    assert "PySide6" in loaded
    assert not loaded & {"httpx", "pydantic", "pydantic_core", "sqlite3", *HEAVY_AND_UNNEEDED}
