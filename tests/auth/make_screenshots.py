"""Screenshots of the sign-in dialog for docs/screenshots (offscreen; run with a keyring):

    tests/with_keyring.sh .venv/bin/python -m tests.auth.make_screenshots
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backends.fail
from PySide6.QtWidgets import QApplication

from desktop.auth.token_store import TokenStore
from desktop.sandbox.server import SandboxServer
from desktop.ui.sign_in.dialog import SignInDialog

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def settle(app: QApplication, dialog: SignInDialog) -> None:
    dialog.token_edit.deselect()
    for _ in range(5):
        app.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    OUT.mkdir(parents=True, exist_ok=True)
    with SandboxServer(port=0) as sandbox:
        dialog = SignInDialog(api_url=sandbox.url, business_id=sandbox.business_id,
                              token_store=TokenStore())
        dialog.token_edit.setText(sandbox.staff_token())
        dialog.show()
        settle(app, dialog)
        dialog.grab().save(str(OUT / "sign-in.png"))

        dialog.token_edit.setText(sandbox.staff_token()[:-6] + "AAAAAA")
        dialog.submit()
        while dialog.busy:
            app.processEvents()
        settle(app, dialog)
        dialog.grab().save(str(OUT / "sign-in-error.png"))
        dialog.close()

        # No usable keyring (as on a headless Linux box): the notice and the way out.
        keyring.set_keyring(keyring.backends.fail.Keyring())
        dialog = SignInDialog(api_url=sandbox.url, business_id=sandbox.business_id,
                              token_store=TokenStore())
        dialog.token_edit.setText(sandbox.staff_token())
        dialog.show()
        settle(app, dialog)
        dialog.grab().save(str(OUT / "sign-in-no-keyring.png"))
        dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
