"""The silent sign-in's worker side: the token saved in the keyring, checked against the
business (on a worker: a Secret Service call can wait on D-Bus, or on an unlock prompt), and
the client that did it, which then serves the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from desktop.api.errors import OfflineError, ServerError
from desktop.api.models import Business
from desktop.auth.credentials import Credentials
from desktop.auth.token_store import TokenStorage


class SessionClient(Protocol):
    """What the controller needs of ``desktop.api.client.BookingClient``."""

    def get_business(self, business_id: str, *,
                     cancel: Callable[[], bool] | None = None) -> Business: ...
    def set_token(self, token: str) -> None: ...




def default_session_client_factory(api_url: str, token: str) -> SessionClient:
    from desktop.api.client import BookingClient

    client: SessionClient = BookingClient(api_url, token)
    return client


class NoSavedToken(Exception):
    """The keyring has no token for this API and business: ask for one."""


class SavedTokenUnchecked(Exception):
    """The saved token could not be checked (offline, server trouble)."""

    def __init__(self, token: str, cause: BaseException) -> None:
        super().__init__("the saved token could not be checked")
        self.token = token
        self.cause = cause

    def __repr__(self) -> str:  # never the token
        return f"SavedTokenUnchecked(cause={self.cause!r})"


SessionClientFactory = Callable[[str, str], SessionClient]


def read_saved_sign_in(keyring_store: TokenStorage, factory: SessionClientFactory, api_url: str,
                       business_id: str, *, cancel: Callable[[], bool]
                       ) -> tuple[Credentials, SessionClient]:
    """The saved token's credentials and its client. Raises NoSavedToken, SavedTokenUnchecked
    (offline, server trouble) or the client's own error (e.g. AuthError)."""
    token = keyring_store.load(api_url, business_id)
    if not token:
        raise NoSavedToken
    client = factory(api_url, token)
    try:
        business = client.get_business(business_id, cancel=cancel)
    except (OfflineError, ServerError) as exc:
        close_client(client)
        raise SavedTokenUnchecked(token, exc) from exc
    except BaseException:
        close_client(client)
        raise
    # The client that read the business serves the window too: a new one would set up its
    # connection pool and TLS trust store again (~20-50 ms).
    return Credentials(api_url, business_id, token, business), client


def close_client(client: object) -> None:
    close = getattr(client, "close", None)
    if callable(close):
        close()
