"""Screenshots of the sign-in dialog for docs/screenshots (offscreen; run with a keyring):

    tests/with_keyring.sh .venv/bin/python -m tests.auth.make_screenshots
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backends.fail
from PySide6.QtWidgets import QApplication

from desktop.auth.token_store import TokenStore
from desktop.sandbox.server import SandboxServer
from desktop.ui.sign_in.dialog import SignInDialog
from tests.helpers.screenshots import save


def shown(sandbox: SandboxServer, token: str) -> SignInDialog:
    """The sign-in dialog for the sandbox with ``token`` pasted, on screen."""
    dialog = SignInDialog(api_url=sandbox.url, business_id=sandbox.business_id,
                          token_store=TokenStore())
    dialog.token_edit.setText(token)
    dialog.show()
    return dialog


def grab(dialog: SignInDialog, name: str) -> None:
    dialog.token_edit.deselect()
    save(dialog, name)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with SandboxServer(port=0) as sandbox:
        dialog = shown(sandbox, sandbox.staff_token())
        grab(dialog, "sign-in.png")

        dialog.token_edit.setText(sandbox.staff_token()[:-6] + "AAAAAA")
        dialog.submit()
        while dialog.busy:
            app.processEvents()
        grab(dialog, "sign-in-error.png")
        dialog.close()

        # No usable keyring (as on a headless Linux box): the notice and the way out.
        keyring.set_keyring(keyring.backends.fail.Keyring())
        dialog = shown(sandbox, sandbox.staff_token())
        grab(dialog, "sign-in-no-keyring.png")
        dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
