"""Which API addresses the client will talk to: https anywhere, plain http only to this machine."""

from __future__ import annotations

import ipaddress
from urllib.parse import quote, urlsplit

from desktop.api.errors import InsecureUrlError
from desktop.i18n import translate


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1 (also ::ffff:127.x.x.x)."""
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def checked_base_url(url: str) -> str:
    """The API base URL without a trailing slash, or InsecureUrlError if it may not be used."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError on a port that is not a number
    except ValueError:
        raise InsecureUrlError(translate(
            "BookingClient", "The API address is not a valid web address. Check it in the "
                             "settings.")) from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"} or not host:
        raise InsecureUrlError(translate(
            "BookingClient", "The API address must start with https:// and name a server. "
                             "Check it in the settings."))
    if parts.username or parts.password:
        raise InsecureUrlError(translate(
            "BookingClient", "The API address must not contain a user name or password. "
                             "Check it in the settings."))
    if parts.query or parts.fragment or text.rstrip("/").endswith(("?", "#")):
        # Paths are appended to the address: a query or fragment in it would swallow them.
        raise InsecureUrlError(translate(
            "BookingClient", "The API address must not contain a “?” or “#” part. Use only "
                             "the server's address, for example https://api.vcita.biz."))
    if scheme == "http" and not is_loopback_host(host):
        raise InsecureUrlError(translate(
            "BookingClient", "The API address uses plain http, which would send the staff "
                             "token unprotected. Use an https:// address."))
    return text.rstrip("/")


def path_segment(value: str) -> str:
    """An id made safe to put between two slashes of a path."""
    return quote(str(value), safe="")
