"""HS256 tokens written and read without PyJWT, and interchangeable with PyJWT's."""

from __future__ import annotations

import jwt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.auth.compact_jwt import (
    TokenFormatError,
    TokenRefusedError,
    encode,
    unverified_claims,
    verified_claims,
)

SECRET = "5f2b0c1e9d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1"
CLAIMS = {"sub": "staff-1", "business_id": "b-1", "iat": 1741597200, "exp": 1741600800,
          "scope": "staff", "name": "Zoë Ñandú"}

json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=10)


def test_the_same_bytes_as_pyjwt() -> None:
    assert encode(CLAIMS, SECRET) == jwt.encode(CLAIMS, SECRET, algorithm="HS256")


def test_pyjwt_verifies_ours_and_we_verify_pyjwts() -> None:
    ours = encode(CLAIMS, SECRET)
    assert jwt.decode(ours, SECRET, algorithms=["HS256"],
                      options={"verify_exp": False, "verify_iat": False}) == CLAIMS
    theirs = jwt.encode(CLAIMS, SECRET, algorithm="HS256")
    assert verified_claims(theirs, SECRET, require=("exp", "sub")) == CLAIMS


@given(st.dictionaries(st.text(max_size=10), json_values, max_size=6))
def test_any_claims_come_back_as_written(claims: dict[str, object]) -> None:
    token = encode(claims, SECRET)
    assert unverified_claims(token) == claims
    assert verified_claims(token, SECRET) == claims


def test_another_secret_is_refused() -> None:
    forged = jwt.encode(CLAIMS, "a-secret-that-is-not-the-right-one-0123456789",
                        algorithm="HS256")
    with pytest.raises(TokenRefusedError, match="signature"):
        verified_claims(forged, SECRET)
    assert unverified_claims(forged) == CLAIMS  # reading without the key still works


def test_a_changed_payload_is_refused() -> None:
    header, _payload, signature = encode(CLAIMS, SECRET).split(".")
    other = encode({**CLAIMS, "business_id": "b-2"}, SECRET).split(".")[1]
    with pytest.raises(TokenRefusedError):
        verified_claims(f"{header}.{other}.{signature}", SECRET)


def test_another_algorithm_is_refused() -> None:
    unsigned = jwt.encode(CLAIMS, None, algorithm="none")
    with pytest.raises((TokenRefusedError, TokenFormatError)):
        verified_claims(unsigned, SECRET)
    hs512 = jwt.encode(CLAIMS, SECRET, algorithm="HS512")
    with pytest.raises(TokenRefusedError, match="algorithm"):
        verified_claims(hs512, SECRET)


def test_a_missing_required_claim_is_refused() -> None:
    token = encode({"sub": "staff-1"}, SECRET)
    with pytest.raises(TokenRefusedError, match="exp"):
        verified_claims(token, SECRET, require=("exp", "sub"))


@pytest.mark.parametrize("token", [
    "", "opaque-api-token-1234", "a.b", "a.b.c", "a.b.c.d", "eyJhbGciOi.x.y",
    "é.é.é",
    # A JSON array, not an object, as the payload.
    encode({}, SECRET).split(".")[0] + ".WzEsMl0.sig",
])
def test_what_is_not_a_jwt_is_a_format_error(token: str) -> None:
    with pytest.raises(TokenFormatError):
        unverified_claims(token)
    with pytest.raises(TokenFormatError):
        verified_claims(token, SECRET)
