"""Plain sentences for what can go wrong while signing in."""

from __future__ import annotations

from enum import StrEnum

from desktop.api.errors import (
    ApiError,
    AuthError,
    InsecureUrlError,
    NotFoundError,
    OfflineError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    TlsError,
)
from desktop.auth.token_store import KeyringUnavailableError
from desktop.auth.urls import MalformedUrlError, https_only
from desktop.i18n import QT_TRANSLATE_NOOP, translate

# Shown as translate("SignIn", CONSTANT).
SAVED_TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "SignIn", "The saved token was refused; it may have expired or been revoked. Paste a new "
              "staff token to sign in.")
SIGN_IN_EXPIRED = QT_TRANSLATE_NOOP(
    "SignIn", "Your sign-in has expired. Paste a new staff token to carry on; your work is "
              "kept.")
SESSION_ONLY_OFFER = QT_TRANSLATE_NOOP(
    "SignIn", "Tick “Use for this session only” to sign in without saving the token; you will "
              "need to paste it again next time.")


class SignInField(StrEnum):
    """The sign-in field a failure points at (where the cursor goes next)."""

    API_URL = "api_url"
    BUSINESS_ID = "business_id"
    TOKEN = "token"


def blamed_field(exc: BaseException) -> SignInField:
    """Which field the person should look at after ``exc``."""
    if isinstance(exc, MalformedUrlError | InsecureUrlError | OfflineError | TlsError):
        return SignInField.API_URL
    if isinstance(exc, NotFoundError):
        return SignInField.BUSINESS_ID
    return SignInField.TOKEN


def sign_in_failure(exc: BaseException, *, api_url: str, business_id: str) -> str:
    """What to tell the person when checking a token failed with ``exc``."""
    if isinstance(exc, MalformedUrlError | KeyringUnavailableError):
        return str(exc)
    if isinstance(exc, InsecureUrlError):
        return https_only()
    # 403: the token is genuine, only not for this business (no business right to open it).
    if isinstance(exc, PermissionDeniedError) or (isinstance(exc, ApiError)
                                                  and exc.status == 403):
        return translate("SignIn", "This staff token belongs to another business. Check the "
                                   "business id, or paste the token of this business.")
    if isinstance(exc, AuthError):
        return translate("SignIn", "The staff token was not accepted. Check that you pasted all "
                                   "of it, or create a new token in the business settings.")
    if isinstance(exc, NotFoundError):
        return translate("SignIn", "No business with the id “{business_id}” was found at "
                                   "{api_url}. Check the business id.").format(
            business_id=business_id, api_url=api_url)
    if isinstance(exc, OfflineError):
        return translate("SignIn", "Could not reach {api_url}. Check the network connection and "
                                   "the API URL, then try again.").format(api_url=api_url)
    if isinstance(exc, RateLimitedError):
        return translate("SignIn", "The server is busy right now. Wait a minute, then try again.")
    if isinstance(exc, ServerError):
        return translate("SignIn", "The server had a problem answering. Try again in a moment.")
    if isinstance(exc, ApiError):
        return str(exc)
    return translate("SignIn", "Something went wrong while checking the token. Try again.")
