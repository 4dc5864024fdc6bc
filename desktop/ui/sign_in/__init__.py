"""Sign-in dialog and the session controller that owns the token and the booking client."""

from desktop.ui.sign_in.dialog import SignInDialog
from desktop.ui.sign_in.session import SessionController

__all__ = ["SessionController", "SignInDialog"]
