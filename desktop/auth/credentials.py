"""The outcome of a successful sign-in."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.api.models import Business


@dataclass(frozen=True)
class Credentials:
    """A checked token for one business at one API URL.

    ``session_only``: the person chose not to save the token; it lives in memory only.
    The token is left out of ``repr`` so that a logged or printed object cannot leak it.
    """

    api_url: str
    business_id: str
    token: str = field(repr=False)
    business: Business
    session_only: bool = False
