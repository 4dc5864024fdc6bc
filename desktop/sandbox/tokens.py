"""Staff tokens: HS256 JWTs signed with the sandbox's secret (PyJWT).

The secret is derived from the seed, so a sandbox restarted with the same seed accepts the
tokens it minted before (handy for ``--demo``); a different seed rejects them.

A token whose ``business_id`` is another business is answered **403** ``FORBIDDEN`` (the token
is genuine, it just may not see this business); missing, malformed, badly signed or expired
tokens are **401**.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Any

import jwt

ALGORITHM = "HS256"


@dataclass(frozen=True)
class TokenProblem(Exception):
    """Why a request's token was refused: ``status`` is 401 or 403."""

    status: int
    reason: str


class TokenIssuer:
    def __init__(self, business_id: str, seed: int) -> None:
        self.business_id = business_id
        self._secret = hashlib.sha256(f"frontdesk-sandbox:{seed}".encode()).hexdigest()

    def mint(self, expires_in: float = 3600, *, sub: str = "staff-frontdesk",
             business_id: str | None = None) -> str:
        now = int(time.time())
        claims = {"sub": sub, "business_id": business_id or self.business_id,
                  "iat": now, "exp": now + int(expires_in), "scope": "staff"}
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def check(self, authorization: str | None, *, all_expired: bool = False) -> dict[str, Any]:
        """The claims of a valid ``Authorization: Bearer`` header, or raise TokenProblem."""
        if not authorization:
            raise TokenProblem(401, "missing")
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise TokenProblem(401, "malformed")
        try:
            claims: dict[str, Any] = jwt.decode(
                token.strip(), self._secret, algorithms=[ALGORITHM],
                options={"require": ["exp", "sub", "business_id"]})
        except jwt.ExpiredSignatureError:
            raise TokenProblem(401, "expired") from None
        except jwt.PyJWTError:
            raise TokenProblem(401, "invalid") from None
        if all_expired:
            raise TokenProblem(401, "expired")
        if claims.get("business_id") != self.business_id:
            raise TokenProblem(403, "other business")
        return claims
