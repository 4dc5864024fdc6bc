"""Keeping the staff token in the operating system's password store.

One keyring entry per API host and business: service ``frontdesk``, username
``"{host}|{business_id}"``. When no usable password store exists (headless Linux without a
Secret Service, a locked collection, D-Bus trouble) every call raises
:class:`KeyringUnavailableError` with a plain sentence. There is deliberately no fallback to a
file: the only alternative is :class:`SessionTokenStore`, which the person must choose and
which forgets the token when the app quits.

``keyring`` is imported on first use, not with this module: the demo and a session-only
sign-in never touch it (importing it costs ~20 ms and ~2 MB at start-up).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from desktop.auth.urls import api_host
from desktop.i18n import translate

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger(__name__)

SERVICE_NAME = "frontdesk"

# Stands in for a real entry when asking the store whether it can be read at all.
_PROBE_USERNAME = "frontdesk-availability-check"


class KeyringUnavailableError(Exception):
    """The password store cannot be used; the message says why in a plain sentence."""


class TokenStorage(Protocol):
    """What the sign-in code needs of a place to keep tokens."""

    #: False for the in-memory store: nothing survives a restart.
    persistent: bool

    def load(self, api_url: str, business_id: str) -> str | None: ...
    def save(self, api_url: str, business_id: str, token: str) -> None: ...
    def delete(self, api_url: str, business_id: str) -> None: ...
    def backend_usable(self) -> tuple[bool, str]: ...


def keyring_username(api_url: str, business_id: str) -> str:
    return f"{api_host(api_url)}|{business_id}"


def _is_plaintext_backend(backend: keyring.backend.KeyringBackend) -> bool:
    # keyrings.alt's file backends keep secrets in files readable by anyone with the disk.
    return type(backend).__module__.startswith("keyrings.alt")


def _describe_backend_problem(backend: keyring.backend.KeyringBackend) -> str | None:
    import keyring.backends.chainer
    import keyring.backends.fail

    if isinstance(backend, keyring.backends.fail.Keyring):
        return _no_password_store()
    if isinstance(backend, keyring.backends.chainer.ChainerBackend) and not backend.backends:
        return _no_password_store()
    if _is_plaintext_backend(backend):
        return translate("SignIn", "The only password store available keeps passwords in a "
                                   "plain file, so Frontdesk will not save the token there.")
    return None


def _no_password_store() -> str:
    return translate("SignIn", "This computer has no password store (keyring) that Frontdesk "
                               "can use, so the token cannot be saved.")


def _sentence_for(exc: BaseException) -> str:
    import keyring.errors

    if isinstance(exc, keyring.errors.NoKeyringError):
        return _no_password_store()
    if isinstance(exc, keyring.errors.KeyringLocked):
        return translate("SignIn", "The password store (keyring) is locked, so the token cannot "
                                   "be saved or read.")
    if isinstance(exc, keyring.errors.InitError):
        return translate("SignIn", "The password store (keyring) could not be opened; it may be "
                                   "locked or not running.")
    return translate("SignIn", "The password store (keyring) did not answer, so the token "
                               "cannot be saved or read.")


class TokenStore:
    """The token in the OS keyring (Secret Service, Keychain, Credential Locker)."""

    persistent = True

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        # None: ask keyring each time, so keyring.set_keyring() takes effect immediately.
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        import keyring

        return self._backend or keyring.get_keyring()

    def backend_usable(self) -> tuple[bool, str]:
        """(True, "") when tokens can be kept; else (False, a sentence saying why).

        Reads a non-existent entry, which reaches the store over D-Bus and unlocks the
        collection without writing anything."""
        backend = self.backend
        problem = _describe_backend_problem(backend)
        if problem is not None:
            return False, problem
        try:
            backend.get_password(SERVICE_NAME, _PROBE_USERNAME)
        except Exception as exc:  # any backend or D-Bus failure means: not usable now
            log.warning("The keyring backend %s is not usable (%s).",
                        type(backend).__name__, type(exc).__name__)
            return False, _sentence_for(exc)
        return True, ""

    def load(self, api_url: str, business_id: str) -> str | None:
        backend = self._checked_backend()
        try:
            return backend.get_password(SERVICE_NAME, keyring_username(api_url, business_id))
        except Exception as exc:
            raise self._unavailable("read", exc) from None

    def save(self, api_url: str, business_id: str, token: str) -> None:
        backend = self._checked_backend()
        try:
            backend.set_password(SERVICE_NAME, keyring_username(api_url, business_id), token)
        except Exception as exc:
            raise self._unavailable("save", exc) from None

    def delete(self, api_url: str, business_id: str) -> None:
        """Remove the entry; nothing stored is not an error."""
        import keyring.errors

        backend = self._checked_backend()
        try:
            backend.delete_password(SERVICE_NAME, keyring_username(api_url, business_id))
        except keyring.errors.PasswordDeleteError:
            return
        except Exception as exc:
            raise self._unavailable("delete", exc) from None

    def _checked_backend(self) -> keyring.backend.KeyringBackend:
        backend = self.backend
        problem = _describe_backend_problem(backend)
        if problem is not None:
            raise KeyringUnavailableError(problem)
        return backend

    @staticmethod
    def _unavailable(action: str, exc: BaseException) -> KeyringUnavailableError:
        # Only the exception's type is logged: backend messages are not ours to vouch for.
        log.warning("Keyring %s failed (%s).", action, type(exc).__name__)
        return KeyringUnavailableError(_sentence_for(exc))


class SessionTokenStore:
    """Keeps tokens in memory only, for when the person chose "Use for this session only".
    Nothing is written anywhere; quitting the app forgets the token."""

    persistent = False

    def __init__(self) -> None:
        self._tokens: dict[tuple[str, str], str] = {}

    def backend_usable(self) -> tuple[bool, str]:
        return True, ""

    def load(self, api_url: str, business_id: str) -> str | None:
        return self._tokens.get((api_host(api_url), business_id))

    def save(self, api_url: str, business_id: str, token: str) -> None:
        self._tokens[(api_host(api_url), business_id)] = token

    def delete(self, api_url: str, business_id: str) -> None:
        self._tokens.pop((api_host(api_url), business_id), None)

    def __repr__(self) -> str:  # never show the tokens themselves
        return f"SessionTokenStore({len(self._tokens)} token(s))"
