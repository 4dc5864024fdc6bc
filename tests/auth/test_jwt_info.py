"""Reading a staff token's expiry without its signing key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from desktop.auth.jwt_info import (
    EXPIRY_WARNING_WINDOW,
    clean_token,
    expires_within,
    expiry_to_warn_about,
    token_expiry,
)

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


SECRET = "a-signing-key-the-app-never-knows-0123456789"


def make_token(exp: datetime | None, secret: str = SECRET) -> str:
    claims: dict[str, object] = {"sub": "staff-1"}
    if exp is not None:
        claims["exp"] = int(exp.timestamp())
    return jwt.encode(claims, secret, algorithm="HS256")


def test_expiry_is_read_without_the_signing_key() -> None:
    exp = NOW + timedelta(hours=5)
    assert token_expiry(make_token(exp)) == exp


def test_an_already_expired_token_still_tells_its_expiry() -> None:
    exp = NOW - timedelta(days=3)
    assert token_expiry(make_token(exp)) == exp
    assert expires_within(make_token(exp), timedelta(days=1), now=NOW)


@pytest.mark.parametrize("token", ["opaque-api-token-1234", "a.b.c", "", "eyJhbGciOi.x.y"])
def test_a_token_that_is_not_a_jwt_is_opaque_with_unknown_expiry(token: str) -> None:
    assert token_expiry(token) is None
    assert not expires_within(token, timedelta(days=1), now=NOW)
    assert expiry_to_warn_about(token, now=NOW) is None


def test_a_jwt_without_exp_has_unknown_expiry() -> None:
    assert token_expiry(make_token(None)) is None


def test_exp_in_12_hours_warns_and_3_days_does_not() -> None:
    soon = make_token(NOW + timedelta(hours=12))
    later = make_token(NOW + timedelta(days=3))
    assert expires_within(soon, EXPIRY_WARNING_WINDOW, now=NOW)
    assert not expires_within(later, EXPIRY_WARNING_WINDOW, now=NOW)
    assert expiry_to_warn_about(soon, now=NOW) == NOW + timedelta(hours=12)
    assert expiry_to_warn_about(later, now=NOW) is None


def test_an_expired_token_is_warned_about() -> None:
    expired = NOW - timedelta(minutes=1)
    assert expiry_to_warn_about(make_token(expired), now=NOW) == expired


@pytest.mark.parametrize("pasted", ["  abc.def.ghi\n", "Bearer abc.def.ghi", "abc.de\nf.ghi",
                                    "bearer   abc.def.ghi  "])
def test_clean_token_removes_what_copying_adds(pasted: str) -> None:
    assert clean_token(pasted) == "abc.def.ghi"
