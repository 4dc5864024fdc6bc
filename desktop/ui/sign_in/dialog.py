"""The sign-in dialog: API URL, business id and staff token, checked against the business.

The check runs on a :class:`~desktop.ui.tasks.TaskRunner` worker: it reads the business with
the pasted token and, unless the person chose "this session only", saves the token in the
keyring. Whatever fails is shown as one sentence under the fields and everything typed stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QWidget,
)

from desktop.api.errors import InsecureUrlError
from desktop.api.models import Business
from desktop.auth.credentials import Credentials
from desktop.auth.jwt_info import clean_token
from desktop.auth.messages import (
    SESSION_ONLY_OFFER,
    SignInField,
    blamed_field,
    sign_in_failure,
)
from desktop.auth.token_store import KeyringUnavailableError, SessionTokenStore, TokenStorage
from desktop.auth.urls import DEFAULT_API_URL, MalformedUrlError, normalize_api_url
from desktop.i18n import translate
from desktop.ui.announce import announce
from desktop.ui.sign_in.form import SignInForm
from desktop.ui.style import Tone, text_style
from desktop.ui.tasks import CancelToken, TaskHandle, TaskRunner

log = logging.getLogger(__name__)


class BusinessReader(Protocol):
    """The one thing the dialog needs of a booking client."""

    def get_business(self, business_id: str, *,
                     cancel: Callable[[], bool] | None = None) -> Business: ...


ClientFactory = Callable[[str, str], BusinessReader]


def default_client_factory(api_url: str, token: str) -> BusinessReader:
    from desktop.api.client import BookingClient

    # One try: the person is waiting and can press Sign in again.
    client: BusinessReader = BookingClient(api_url, token, max_tries=1)
    return client


class _Cancelled(Exception):
    """The person cancelled while the check ran; nothing is saved."""




class SignInDialog(SignInForm):
    """Ask for the connection and the staff token; check them; result in :meth:`credentials`.

    ``reauth=True`` (after a 401 mid-session): the URL and business id are fixed, since the
    work waiting for the new token belongs to that business.
    """

    #: Emitted once the token has read the business (and was saved, unless session-only).
    sig_signed_in = Signal(object)  # Credentials
    #: The password store answered whether it can keep tokens (True: it can).
    sig_keyring_checked = Signal(bool)

    #: How long the business name stays on screen before the dialog closes itself.
    ACCEPT_DELAY_MS = 600

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        api_url: str = DEFAULT_API_URL,
        business_id: str = "",
        message: str = "",
        token_store: TokenStorage,
        session_store: SessionTokenStore | None = None,
        runner: TaskRunner | None = None,
        client_factory: ClientFactory | None = None,
        reauth: bool = False,
        session_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self._token_store = token_store
        self._session_store = session_store or SessionTokenStore()
        self._runner = runner or TaskRunner(self, max_threads=1)
        self._client_factory = client_factory or default_client_factory
        self._reauth = reauth
        self._credentials: Credentials | None = None
        self._task: TaskHandle[Business] | None = None
        # Until the probe answers, assume the keyring works: a save that fails later says so
        # (see _fail) and offers a session-only sign-in then.
        self._keyring_ok, self._keyring_reason = True, ""

        self.setObjectName("sign-in-dialog")
        self.setWindowTitle(self.tr("Sign in to Frontdesk"))
        self.setModal(True)
        self._build(api_url, business_id, session_only)
        self._apply_keyring_state()
        if message:
            self.show_message(message)
        self._focus_first_empty()
        self._probe_keyring()

    def _probe_keyring(self) -> None:
        """Ask the password store whether it can keep a token, on a worker: a Secret Service
        call can wait on D-Bus (or on an unlock prompt) for seconds."""
        store = self._token_store

        def probe(_token: CancelToken) -> tuple[bool, str]:
            return store.backend_usable()

        def answered(result: tuple[bool, str]) -> None:
            self._keyring_ok, self._keyring_reason = result
            self._apply_keyring_state()
            self.sig_keyring_checked.emit(self._keyring_ok)

        self._runner.run(probe, answered, lambda _error: None, key="keyring-probe")

    def _apply_keyring_state(self) -> None:
        if self._keyring_ok:
            self.keyring_notice.setVisible(False)
            return
        self.keyring_notice.setText(f"{self._keyring_reason} {self._session_only_offer()}")
        self.keyring_notice.setVisible(True)

    @staticmethod
    def _session_only_offer() -> str:
        return translate("SignIn", SESSION_ONLY_OFFER)

    def _focus_first_empty(self) -> None:
        for edit in (self.api_url_edit, self.business_id_edit, self.token_edit):
            if not edit.text() and not edit.isReadOnly():
                edit.setFocus()
                return
        self.token_edit.setFocus()

    # ------------------------------------------------------------------ state
    @property
    def keyring_usable(self) -> bool:
        return self._keyring_ok

    @property
    def busy(self) -> bool:
        return self._task is not None

    def credentials(self) -> Credentials | None:
        """What the dialog signed in with, once accepted."""
        return self._credentials

    def message(self) -> str:
        return self.message_label.text() if self.message_label.isVisible() else ""

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(text_style(Tone.ERROR if error else Tone.SUCCESS))
        self.message_label.setVisible(bool(text))
        if text:
            announce(self.message_label, text, assertive=error)

    def _set_token_visible(self, visible: bool) -> None:
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Normal if visible
                                    else QLineEdit.EchoMode.Password)
        self.token_toggle.setText(self.tr("Hide") if visible else self.tr("Show"))
        self.token_toggle.setAccessibleName(self.tr("Hide the token") if visible
                                            else self.tr("Show the token"))

    def _set_busy(self, busy: bool) -> None:
        self.busy_widget.setVisible(busy)
        for widget in (self.token_edit, self.token_toggle, self.session_only_box,
                       self.sign_in_button):
            widget.setEnabled(not busy)
        if not self._reauth:
            self.api_url_edit.setEnabled(not busy)
            self.business_id_edit.setEnabled(not busy)

    # ------------------------------------------------------------------ actions
    def submit(self) -> None:
        """Check what was typed (Sign in, Enter)."""
        if self.busy or self._credentials is not None:
            return
        business_id = self.business_id_edit.text().strip()
        token = clean_token(self.token_edit.text())
        try:
            api_url = normalize_api_url(self.api_url_edit.text())
        except (MalformedUrlError, InsecureUrlError) as exc:
            self._fail(exc, self.api_url_edit.text().strip(), business_id)
            return
        if not business_id:
            self._complain(self.tr("Enter the business id."), self.business_id_edit)
            return
        if not token:
            self._complain(self.tr("Paste the staff token."), self.token_edit)
            return
        session_only = self.session_only_box.isChecked()
        if not session_only and not self._keyring_ok:
            self._complain(f"{self._keyring_reason} {self._session_only_offer()}",
                           self.session_only_box)
            return
        store: TokenStorage = self._session_store if session_only else self._token_store
        factory = self._client_factory

        def check(cancel: CancelToken) -> Business:
            client = factory(api_url, token)
            try:
                business = client.get_business(business_id,
                                               cancel=lambda: cancel.cancelled)
            finally:
                close = getattr(client, "close", None)
                if callable(close):
                    close()
            if cancel.cancelled:
                raise _Cancelled
            store.save(api_url, business_id, token)
            return business

        def succeeded(business: Business) -> None:
            self._task = None
            self._succeed(Credentials(api_url=api_url, business_id=business_id, token=token,
                                      business=business, session_only=session_only))

        def failed(exc: BaseException) -> None:
            self._task = None
            self._set_busy(False)
            self._fail(exc, api_url, business_id)

        self.show_message("")
        self._set_busy(True)
        self._task = self._runner.run(check, succeeded, failed, key="sign-in")

    def cancel_check(self) -> None:
        """Stop waiting for a running check; the dialog stays open with what was typed."""
        if self._task is None:
            return
        self._task.cancel()
        self._task = None
        self._set_busy(False)
        self.show_message(self.tr("Cancelled. Nothing was saved."), error=False)

    def reject(self) -> None:
        """Cancel and Esc: first stop a running check, then close the dialog."""
        if self._credentials is not None:
            return  # signed in: the dialog is about to close by itself
        if self.busy:
            self.cancel_check()
            return
        super().reject()

    # ------------------------------------------------------------------ outcomes
    def _complain(self, text: str, widget: QWidget) -> None:
        self.show_message(text)
        widget.setFocus()

    def _fail(self, exc: BaseException, api_url: str, business_id: str) -> None:
        if isinstance(exc, _Cancelled):
            return
        text = sign_in_failure(exc, api_url=api_url, business_id=business_id)
        if isinstance(exc, KeyringUnavailableError):
            # Found out only now (e.g. the collection locked itself): offer the way out.
            self._keyring_ok, self._keyring_reason = False, str(exc)
            self._apply_keyring_state()
            text = self.tr("The token works, but it could not be saved. {offer}").format(
                offer=self._session_only_offer())
        log.info("Sign-in check failed: %s", type(exc).__name__)
        self.show_message(text)
        focus = {SignInField.API_URL: self.api_url_edit,
                 SignInField.BUSINESS_ID: self.business_id_edit}.get(blamed_field(exc),
                                                                     self.token_edit)
        if not focus.isReadOnly():
            focus.setFocus()

    def _succeed(self, credentials: Credentials) -> None:
        self._credentials = credentials
        self.busy_widget.setVisible(False)
        name = credentials.business.name or credentials.business_id
        if credentials.session_only:
            text = self.tr("Signed in to {name}. The token is kept for this session only.")
        else:
            text = self.tr("Signed in to {name}.")
        self.show_message(text.format(name=name), error=False)
        self.cancel_button.setEnabled(False)
        self.sig_signed_in.emit(credentials)
        QTimer.singleShot(self.ACCEPT_DELAY_MS, self.accept)
