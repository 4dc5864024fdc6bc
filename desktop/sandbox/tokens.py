"""Staff tokens: HS256 JWTs signed with the sandbox's secret (``desktop.auth.compact_jwt``).

The secret is derived from the seed, so a sandbox restarted with the same seed accepts the
tokens it minted before (handy for ``--demo``); a different seed rejects them.

``iat`` and ``exp`` are read from the sandbox's clock, not the computer's: a sandbox started
``--now 2027-03-14T01:30-05:00`` mints tokens valid then, and a test that advances a
``ManualClock`` past ``exp`` sees the token expire.

A token whose ``business_id`` is another business is answered **403** ``FORBIDDEN`` (the token
is genuine, it just may not see this business); missing, malformed, badly signed or expired
tokens are **401**. A *limited* token (``limited: true`` claim, from
``sandbox.limited_token()``) is genuine but may not search clients: routes refuse that one
action with 403 (API.md: "403 means the token is genuine but lacks the right").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from desktop.auth import compact_jwt
from desktop.clock import SYSTEM_CLOCK, Clock

ALGORITHM = compact_jwt.ALGORITHM


@dataclass(frozen=True)
class TokenProblem(Exception):
    """Why a request's token was refused: ``status`` is 401 or 403."""

    status: int
    reason: str


class TokenIssuer:
    def __init__(self, business_id: str, seed: int, clock: Clock = SYSTEM_CLOCK) -> None:
        self.business_id = business_id
        self.clock = clock
        self._secret = hashlib.sha256(f"frontdesk-sandbox:{seed}".encode()).hexdigest()

    def mint(self, expires_in: float = 3600, *, sub: str = "staff-frontdesk",
             business_id: str | None = None, limited: bool = False) -> str:
        now = int(self.clock.now().timestamp())
        claims: dict[str, Any] = {"sub": sub, "business_id": business_id or self.business_id,
                                  "iat": now, "exp": now + int(expires_in), "scope": "staff"}
        if limited:
            claims["limited"] = True
        return compact_jwt.encode(claims, self._secret)

    def check(self, authorization: str | None, *, all_expired: bool = False) -> dict[str, Any]:
        """The claims of a valid ``Authorization: Bearer`` header, or raise TokenProblem."""
        if not authorization:
            raise TokenProblem(401, "missing")
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise TokenProblem(401, "malformed")
        try:
            # Time claims are checked below against the sandbox's clock, not the computer's.
            claims = compact_jwt.verified_claims(token.strip(), self._secret,
                                                 require=("exp", "sub", "business_id"))
        except (compact_jwt.TokenFormatError, compact_jwt.TokenRefusedError):
            raise TokenProblem(401, "invalid") from None
        expiry = claims.get("exp")
        if not isinstance(expiry, int | float) or isinstance(expiry, bool):
            raise TokenProblem(401, "invalid")
        if all_expired or expiry <= self.clock.now().timestamp():
            raise TokenProblem(401, "expired")
        if claims.get("business_id") != self.business_id:
            raise TokenProblem(403, "other business")
        return claims
