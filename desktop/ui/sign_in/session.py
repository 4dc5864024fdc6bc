"""Who is signed in, with which token, and what happens when the token stops working.

``SessionController`` owns the current :class:`Credentials` and the ``BookingClient``:

* ``start()`` signs in silently with the token saved in the keyring, or opens the dialog;
* ``sign_out()`` forgets the token (and removes it from the keyring);
* ``handle_auth_error()`` is for any 401 met mid-session: work pauses (``sig_paused``), the
  dialog asks for a new token for the same business, then ``client.set_token`` and
  ``sig_resumed``; ``run_authenticated()`` wraps a ``TaskRunner`` task so that this happens
  by itself and the task runs again once the new token is in;
* ``sig_expiry_warning`` carries a status-bar sentence a day before the token expires
  (an empty string clears it).

The dialog is created through ``dialog_factory`` so that tests (and the demo) can drive it;
the open dialog is ``active_dialog`` and is announced by ``sig_dialog_opened``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.api.errors import ApiError, AuthError
from desktop.api.models import Business
from desktop.auth.credentials import Credentials
from desktop.auth.jwt_info import expiry_to_warn_about
from desktop.auth.messages import SAVED_TOKEN_REFUSED, SIGN_IN_EXPIRED, sign_in_failure
from desktop.auth.settings import ConnectionSettings, SettingsFile
from desktop.auth.token_store import (
    KeyringUnavailableError,
    SessionTokenStore,
    TokenStorage,
    TokenStore,
)
from desktop.auth.urls import DEFAULT_API_URL, MalformedUrlError, normalize_api_url
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.i18n import translate
from desktop.ui.sign_in.expiry import expiry_text
from desktop.ui.sign_in.silent import (
    NoSavedToken,
    SavedTokenUnchecked,
    SessionClient,
    SessionClientFactory,
    close_client,
    default_session_client_factory,
    read_saved_sign_in,
)
from desktop.ui.tasks import CancelToken, TaskRunner

if TYPE_CHECKING:
    # Imported when a dialog is first needed: a silent sign-in never opens one.
    from desktop.ui.sign_in.dialog import SignInDialog

log = logging.getLogger(__name__)

DialogFactory = Callable[..., "SignInDialog"]

T = TypeVar("T")

#: How often the token's expiry is looked at (it is also looked at on every sign-in).
EXPIRY_CHECK_INTERVAL_MS = 15 * 60 * 1000


class SessionController(QObject):
    sig_signed_in = Signal(object)       # Business
    sig_signed_out = Signal()
    sig_expiry_warning = Signal(str)     # "" clears the warning
    sig_paused = Signal()                # a 401: work waits for sig_resumed
    sig_resumed = Signal()               # a new token is in; waiting work may go on
    sig_sign_in_cancelled = Signal()     # the person closed the dialog without signing in
    sig_dialog_opened = Signal(object)   # SignInDialog, for tests and the demo
    sig_token_forgotten = Signal()       # sign-out removed the saved token from the keyring

    def __init__(
        self,
        connection: ConnectionSettings | None = None,
        *,
        parent_widget: QWidget | None = None,
        token_store: TokenStorage | None = None,
        settings_file: SettingsFile | None = None,
        client_factory: SessionClientFactory | None = None,
        dialog_factory: DialogFactory | None = None,
        runner: TaskRunner | None = None,
        expiry_check_interval_ms: int = EXPIRY_CHECK_INTERVAL_MS,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        super().__init__(parent_widget)
        connection = connection or ConnectionSettings(api_url=DEFAULT_API_URL, business_id=None)
        self._api_url = connection.api_url
        self._business_id = connection.business_id or ""
        self._parent_widget = parent_widget
        self._keyring: TokenStorage = token_store or TokenStore()
        self._session_store = SessionTokenStore()
        self._settings = settings_file or SettingsFile()
        self._client_factory = client_factory or default_session_client_factory
        self._dialog_factory: DialogFactory | None = dialog_factory
        self._runner = runner or TaskRunner(self, max_threads=2)
        self._credentials: Credentials | None = None
        self._client: SessionClient | None = None
        self._dialog: SignInDialog | None = None
        self._reauthing = False
        self._waiting: list[tuple[Callable[[], None], Callable[[], None]]] = []
        self._last_warning = ""
        self._clock = clock
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(expiry_check_interval_ms)
        self._expiry_timer.timeout.connect(self.check_expiry)

    # ------------------------------------------------------------------ state
    @property
    def client(self) -> SessionClient | None:
        return self._client

    @property
    def credentials(self) -> Credentials | None:
        return self._credentials

    @property
    def business(self) -> Business | None:
        return self._credentials.business if self._credentials else None

    @property
    def signed_in(self) -> bool:
        return self._credentials is not None

    @property
    def paused(self) -> bool:
        """True while a 401 waits for a new token."""
        return self._reauthing

    @property
    def active_dialog(self) -> SignInDialog | None:
        return self._dialog

    # ------------------------------------------------------------------ start / sign out
    def start(self) -> None:
        """Sign in silently with the saved token, or open the dialog when that cannot be."""
        if not self._business_id:
            self._open_dialog()
            return
        try:
            api_url = normalize_api_url(self._api_url)
        except (MalformedUrlError, ApiError) as exc:
            self._open_dialog(sign_in_failure(exc, api_url=self._api_url,
                                              business_id=self._business_id))
            return
        business_id = self._business_id
        factory = self._client_factory
        keyring_store = self._keyring

        def read_business(cancel: CancelToken) -> tuple[Credentials, SessionClient]:
            return read_saved_sign_in(keyring_store, factory, api_url, business_id,
                                      cancel=lambda: cancel.cancelled)

        def succeeded(result: tuple[Credentials, SessionClient]) -> None:
            self._complete(*result)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, NoSavedToken | KeyringUnavailableError):
                self._open_dialog()  # the dialog itself says what is wrong with the keyring
            elif isinstance(exc, AuthError):
                self._open_dialog(translate("SignIn", SAVED_TOKEN_REFUSED))
            elif isinstance(exc, SavedTokenUnchecked) and \
                    (cached := self._cached_business()) is not None:
                # Work offline (drafts) with the saved token; the first call that gets
                # through will tell whether the token still works.
                log.warning("Signing in offline: the business could not be read (%s).",
                            type(exc.cause).__name__)
                self._complete(Credentials(api_url, business_id, exc.token, cached))
            else:
                cause = exc.cause if isinstance(exc, SavedTokenUnchecked) else exc
                self._open_dialog(sign_in_failure(cause, api_url=api_url,
                                                  business_id=business_id))

        self._runner.run(read_business, succeeded, failed, key="silent-sign-in")

    def sign_out(self, *, show_dialog: bool = True) -> None:
        """Forget the token here and in the keyring; the URL and business id stay remembered."""
        credentials = self._credentials
        if credentials is not None:
            self._forget_saved_token(credentials)
            self._api_url, self._business_id = credentials.api_url, credentials.business_id
        self._credentials = None
        self._drop_client()
        self._expiry_timer.stop()
        self._set_warning("")
        self._give_up_waiting()
        self.sig_signed_out.emit()
        if show_dialog:
            self._open_dialog()

    def _forget_saved_token(self, credentials: Credentials) -> None:
        """Remove the token from its store on a worker (the keyring can wait on D-Bus); a
        failure is said in the sign-in dialog, which is open by then."""
        if credentials.session_only:
            self._session_store.delete(credentials.api_url, credentials.business_id)
            return
        keyring_store = self._keyring

        def delete(_token: CancelToken) -> None:
            keyring_store.delete(credentials.api_url, credentials.business_id)

        def failed(error: BaseException) -> None:
            log.warning("Sign-out could not remove the keyring entry.")
            reason = str(error) if isinstance(error, KeyringUnavailableError) else ""
            self._open_dialog(self.tr("Signed out, but the saved token could not be removed: "
                                      "{reason}").format(reason=reason).strip())

        self._runner.run(delete, lambda _none: self.sig_token_forgotten.emit(), failed,
                         key="forget-token")

    def shutdown(self) -> None:
        self._expiry_timer.stop()
        self._runner.shutdown()
        self._drop_client()

    # ------------------------------------------------------------------ 401 mid-session
    def handle_auth_error(self, exc: BaseException | None = None) -> None:
        """A call answered 401: pause, ask for a new token for the same business, resume.

        Safe to call from every failing call at once: one dialog serves them all."""
        if self._credentials is None:
            if self._dialog is None:
                self.start()
            return
        if self._reauthing:
            return
        self._reauthing = True
        log.info("A call was refused (401); asking for a new token.")
        self.sig_paused.emit()
        self._open_dialog(translate("SignIn", SIGN_IN_EXPIRED), reauth=True)

    def run_authenticated(
        self,
        runner: TaskRunner,
        fn: Callable[[CancelToken], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
    ) -> None:
        """``runner.run`` whose 401 pauses for a new token and then runs ``fn`` again.

        If the person gives up instead, ``on_failure`` gets the original ``AuthError``."""

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, AuthError):
                if on_failure is not None:
                    on_failure(exc)
                return

            def give_up() -> None:
                if on_failure is not None:
                    on_failure(exc)

            self._waiting.append((start, give_up))
            self.handle_auth_error(exc)

        def start() -> None:
            runner.run(fn, on_success, failed, key=key)

        start()

    # ------------------------------------------------------------------ expiry
    def check_expiry(self) -> None:
        if self._credentials is None:
            return
        now = self._clock.now()
        expiry = expiry_to_warn_about(self._credentials.token, now=now)
        self._set_warning(expiry_text(expiry, now) if expiry is not None else "")

    def _set_warning(self, text: str) -> None:
        if text != self._last_warning:
            self._last_warning = text
            self.sig_expiry_warning.emit(text)

    # ------------------------------------------------------------------ dialog
    def _open_dialog(self, message: str = "", *, reauth: bool = False) -> None:
        if self._dialog is not None:
            if message:
                self._dialog.show_message(message)
            return
        previous = self._credentials
        factory = self._dialog_factory
        if factory is None:
            from desktop.ui.sign_in.dialog import SignInDialog

            factory = SignInDialog
        dialog = factory(
            self._parent_widget,
            api_url=previous.api_url if previous else self._api_url,
            business_id=previous.business_id if previous else self._business_id,
            message=message,
            token_store=self._keyring,
            session_store=self._session_store,
            # The controller's runner, not one owned by the dialog: closing the dialog then
            # never waits for a check that is still on the wire.
            runner=self._runner,
            client_factory=self._client_factory,
            reauth=reauth,
            session_only=bool(previous and previous.session_only),
        )
        self._dialog = dialog
        dialog.finished.connect(self._dialog_finished)
        dialog.open()
        self.sig_dialog_opened.emit(dialog)

    def _dialog_finished(self, result: int) -> None:
        dialog = self._dialog
        self._dialog = None
        if dialog is None:
            return
        credentials = dialog.credentials()
        dialog.deleteLater()
        reauth = self._reauthing
        if result != int(QDialog.DialogCode.Accepted) or credentials is None:
            self._reauthing = False
            self._give_up_waiting()
            self.sig_sign_in_cancelled.emit()
            return
        if reauth and self._client is not None and self._credentials is not None:
            self._reauthing = False
            self._credentials = credentials
            self._client.set_token(credentials.token)
            self._remember(credentials)
            self.check_expiry()
            log.info("Signed in again; resuming paused work.")
            self.sig_resumed.emit()
            waiting, self._waiting = self._waiting, []
            for resume, _give_up in waiting:
                resume()
            return
        self._reauthing = False
        self._complete(credentials)

    # ------------------------------------------------------------------ helpers
    def _complete(self, credentials: Credentials, client: SessionClient | None = None) -> None:
        """Signed in; ``client`` is the one that checked the token, if it is to be kept."""
        self._credentials = credentials
        self._api_url, self._business_id = credentials.api_url, credentials.business_id
        self._drop_client()
        self._client = client if client is not None else \
            self._client_factory(credentials.api_url, credentials.token)
        self._remember(credentials)
        self._last_warning = ""
        self.check_expiry()
        self._expiry_timer.start()
        log.info("Signed in to business %s.", credentials.business_id)
        self.sig_signed_in.emit(credentials.business)

    def _remember(self, credentials: Credentials) -> None:
        """URL and business (never the token) go to the settings file, unless the person
        chose this session only: then nothing is written at all."""
        if credentials.session_only:
            return
        try:
            self._settings.update(api_url=credentials.api_url,
                                  business_id=credentials.business_id,
                                  business_name=credentials.business.name or None,
                                  business_time_zone=credentials.business.time_zone or None)
        except OSError as exc:
            log.warning("Could not write the settings file (%s).", type(exc).__name__)

    def _cached_business(self) -> Business | None:
        stored = self._settings.load()
        if stored.business_id != self._business_id or not stored.business_name:
            return None
        return Business(id=self._business_id, name=stored.business_name,
                        time_zone=stored.business_time_zone or "UTC")

    def _drop_client(self) -> None:
        client, self._client = self._client, None
        close_client(client)

    def _give_up_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for _resume, give_up in waiting:
            give_up()
