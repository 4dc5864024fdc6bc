"""What the app may know about a staff token without the server: when it expires.

The signature is not checked (the app has no key to check it with; the server does that on
every call). A token that is not a JWT is accepted as opaque, with unknown expiry.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt

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
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return {}
    return claims if isinstance(claims, dict) else {}


def token_expiry(token: str) -> datetime | None:
    """The ``exp`` of a JWT as an aware UTC datetime, or None (opaque token, no ``exp``)."""
    exp = _claims(token).get("exp")
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        return None
    try:
        return datetime.fromtimestamp(exp, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def expires_within(token: str, window: timedelta, *, now: datetime | None = None) -> bool:
    """True when the token is known to expire (or to have expired) within ``window``."""
    expiry = token_expiry(token)
    if expiry is None:
        return False
    return expiry - (now or datetime.now(UTC)) <= window


def expiry_warning(token: str, *, now: datetime | None = None,
                   window: timedelta = EXPIRY_WARNING_WINDOW) -> str | None:
    """A status-bar sentence when the token expires within ``window``, else None."""
    expiry = token_expiry(token)
    now = now or datetime.now(UTC)
    if expiry is None or expiry - now > window:
        return None
    left = expiry - now
    if left <= timedelta(0):
        return "Your sign-in has expired. Sign in again with a new staff token."
    local = expiry.astimezone()
    return (f"Your sign-in expires in {_duration(left)} (at {local:%H:%M} on {local:%a %d %b}). "
            "Get a new staff token before then.")


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 1)} minute" + ("s" if minutes != 1 else "")
    hours = round(minutes / 60)
    return f"about {hours} hour" + ("s" if hours != 1 else "")


def token_subject(token: str) -> str | None:
    """The ``sub`` claim (who the token speaks for), or None for an opaque token."""
    subject = _claims(token).get("sub")
    return subject if isinstance(subject, str) and subject else None
