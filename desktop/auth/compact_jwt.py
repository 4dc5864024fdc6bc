"""JSON Web Tokens in their compact form (RFC 7519), HS256 only, with the standard library.

The app reads a staff token's claims (expiry, subject) without checking the signature (it
has no key: the server checks it on every call); the sandbox mints and checks HS256 tokens.
PyJWT did both, but importing it loads ``cryptography`` for algorithms never used here:
~10 MB resident and ~40 ms at start-up. The tokens are the same bytes PyJWT writes (header
``{"alg":"HS256","typ":"JWT"}``, compact JSON), so either reads the other's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from typing import Any

ALGORITHM = "HS256"
_HEADER = {"alg": ALGORITHM, "typ": "JWT"}


class TokenFormatError(ValueError):
    """Not a JWT: not three base64url parts, or a header or payload that is not a JSON
    object."""


class TokenRefusedError(ValueError):
    """A JWT, but not one to accept: another algorithm, a wrong signature, or a required
    claim missing."""


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(part: str) -> bytes:
    try:
        raw = part.encode("ascii")
        return base64.urlsafe_b64decode(raw + b"=" * (-len(raw) % 4))
    except (UnicodeEncodeError, binascii.Error, ValueError) as exc:
        raise TokenFormatError("not base64url") from exc


def _json_object(part: str) -> dict[str, Any]:
    try:
        value = json.loads(_b64decode(part))
    except (UnicodeDecodeError, ValueError) as exc:
        raise TokenFormatError("not JSON") from exc
    if not isinstance(value, dict):
        raise TokenFormatError("not a JSON object")
    return value


def _signature(signing_input: str, secret: str) -> bytes:
    return hmac.new(secret.encode("utf-8"), signing_input.encode("ascii"),
                    hashlib.sha256).digest()


def encode(claims: Mapping[str, Any], secret: str) -> str:
    """An HS256 token carrying ``claims``."""
    header = _b64encode(json.dumps(_HEADER, separators=(",", ":"), sort_keys=True).encode())
    payload = _b64encode(json.dumps(dict(claims), separators=(",", ":")).encode("utf-8"))
    signing_input = f"{header}.{payload}"
    return f"{signing_input}.{_b64encode(_signature(signing_input, secret))}"


def _parts(token: str) -> tuple[dict[str, Any], dict[str, Any], str, str]:
    """(header, claims, signing input, signature part); raises TokenFormatError."""
    parts = token.split(".")
    if len(parts) != 3:
        raise TokenFormatError("not three parts")
    header, payload, signature = parts
    return _json_object(header), _json_object(payload), f"{header}.{payload}", signature


def unverified_claims(token: str) -> dict[str, Any]:
    """The claims of a JWT, its signature unchecked; raises TokenFormatError."""
    return _parts(token)[1]


def verified_claims(token: str, secret: str, *, require: Iterable[str] = ()) -> dict[str, Any]:
    """The claims of an HS256 token signed with ``secret`` that has every claim in
    ``require``; raises TokenFormatError or TokenRefusedError. Time claims are left to the
    caller (it knows which clock to read)."""
    header, claims, signing_input, signature = _parts(token)
    if header.get("alg") != ALGORITHM:
        raise TokenRefusedError("another algorithm")
    if not hmac.compare_digest(_b64decode(signature), _signature(signing_input, secret)):
        raise TokenRefusedError("wrong signature")
    missing = [name for name in require if name not in claims]
    if missing:
        raise TokenRefusedError(f"missing claims: {', '.join(missing)}")
    return claims
