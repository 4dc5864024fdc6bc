"""Sign-in dialog and the session controller that owns the token and the booking client.

Both are imported on first use (``from desktop.ui.sign_in import SignInDialog`` still works):
a silent sign-in with a saved token never needs the dialog's module at start-up.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SessionController", "SignInDialog"]


def __getattr__(name: str) -> Any:
    if name == "SignInDialog":
        from desktop.ui.sign_in.dialog import SignInDialog

        return SignInDialog
    if name == "SessionController":
        from desktop.ui.sign_in.session import SessionController

        return SessionController
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
