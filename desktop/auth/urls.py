"""Checking and normalising the API URL a receptionist types.

Plain http is refused unless the host is this machine (the sandbox runs on 127.0.0.1): a staff
token sent over plain http to another host could be read by anyone on the way.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from desktop.api.errors import InsecureUrlError
from desktop.api.urls import is_loopback_host
from desktop.i18n import translate

DEFAULT_API_URL = "https://api.vcita.biz"

# A bare host name ("api.vcita.biz", "api.vcita.biz:8443") is taken to mean https.
_BARE_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?(/[^\s]*)?$")


class MalformedUrlError(ValueError):
    """The text is not a web address the app can use. The message is a plain sentence."""


def normalize_api_url(text: str) -> str:
    """Return the URL in one canonical spelling (lower-case scheme and host, no trailing
    slash), or raise :class:`MalformedUrlError` / :class:`InsecureUrlError` with a sentence."""
    raw = text.strip()
    if not raw:
        raise MalformedUrlError(translate("SignIn", "Enter the API URL, for example "
                                                    "https://api.vcita.biz."))
    if "://" not in raw and _BARE_HOST.match(raw):
        raw = "https://" + raw
    malformed = MalformedUrlError(translate(
        "SignIn", "“{text}” is not a web address. Enter the API URL, for example "
                  "https://api.vcita.biz.").format(text=_shorten(raw)))
    if any(ch.isspace() for ch in raw):
        raise malformed
    try:
        parts = urlsplit(raw)
        port = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        raise malformed from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in {"http", "https"} or not host or parts.query or parts.fragment \
            or parts.username or parts.password:
        raise malformed
    if scheme == "http" and not is_loopback_host(host):
        raise InsecureUrlError(https_only())
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), "", ""))


def https_only() -> str:
    """Why a plain-http URL (to another computer) is refused."""
    return translate("SignIn", "The API URL must start with https:// so that the token is sent "
                               "encrypted (plain http is only allowed to this computer).")


def api_host(api_url: str) -> str:
    """``host`` or ``host:port`` of a normalised URL: the keyring entry is per API host."""
    return urlsplit(api_url).netloc.lower()


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
