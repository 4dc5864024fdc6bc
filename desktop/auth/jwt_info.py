"""What the app may know about a staff token without the server: when it expires.

The signature is not checked (the app has no key to check it with; the server does that on
every call). A token that is not a JWT is accepted as opaque, with unknown expiry.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.auth.compact_jwt import TokenFormatError, unverified_claims

#: How long before expiry the status bar starts warning.
EXPIRY_WARNING_WINDOW = timedelta(days=1)


def clean_token(text: str) -> str:
    """The token as pasted, minus what copying tends to add: surrounding whitespace, line
    breaks inside long tokens and a ``Bearer `` prefix."""
    stripped = text.strip()
    if stripped[:7].lower() == "bearer ":
        stripped = stripped[7:]
    return "".join(stripped.split())


def _claims(token: str) -> dict[str, object]:
    """The claims of a JWT, unverified; empty for an opaque token."""
    try:
        return unverified_claims(token)
    except TokenFormatError:
        return {}


def token_expiry(token: str) -> datetime | None:
    """The ``exp`` of a JWT as an aware UTC datetime, or None (opaque token, no ``exp``)."""
    exp = _claims(token).get("exp")
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        return None
    try:
        return datetime.fromtimestamp(exp, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def expires_within(token: str, window: timedelta, *, now: datetime) -> bool:
    """True when the token is known to expire (or to have expired) within ``window``."""
    expiry = token_expiry(token)
    if expiry is None:
        return False
    return expiry - now <= window


def expiry_to_warn_about(token: str, *, now: datetime,
                         window: timedelta = EXPIRY_WARNING_WINDOW) -> datetime | None:
    """The token's expiry when it falls within ``window`` of ``now`` (or has passed), else
    None. The UI words the warning (its language, its clock format)."""
    expiry = token_expiry(token)
    if expiry is None or expiry - now > window:
        return None
    return expiry


def token_subject(token: str) -> str | None:
    """The ``sub`` claim (who the token speaks for), or None for an opaque token."""
    subject = _claims(token).get("sub")
    return subject if isinstance(subject, str) and subject else None
