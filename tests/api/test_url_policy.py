"""https everywhere; plain http only to this machine."""

from __future__ import annotations

import pytest

from desktop.api.client import BookingClient
from desktop.api.errors import InsecureUrlError
from desktop.api.urls import checked_base_url, is_loopback_host


@pytest.mark.parametrize("url", [
    "https://api.vcita.biz", "https://api.vcita.biz/", "http://127.0.0.1:8000",
    "http://127.9.9.9", "http://localhost:5000/", "http://LOCALHOST", "http://[::1]:8080",
    "https://10.0.0.5",
])
def test_allowed(url: str) -> None:
    assert checked_base_url(url) == url.strip().rstrip("/")


@pytest.mark.parametrize("url", [
    "http://api.vcita.biz", "http://10.0.0.5", "http://localhost.evil.example",
    "http://127.0.0.1.evil.example", "http://[::2]", "ftp://api.vcita.biz", "api.vcita.biz",
    "https://", "https://user:pw@api.vcita.biz", "http://127.0.0.1:notaport",
])
def test_refused(url: str) -> None:
    with pytest.raises(InsecureUrlError) as caught:
        checked_base_url(url)
    assert caught.value.message.endswith(".")


def test_loopback_hosts() -> None:
    assert is_loopback_host("127.0.0.1")
    assert is_loopback_host("::ffff:127.0.0.1")
    assert not is_loopback_host("128.0.0.1")


def test_client_refuses_plain_http_to_another_host() -> None:
    with pytest.raises(InsecureUrlError, match="plain http"):
        BookingClient("http://api.vcita.biz", "eyJx.eyJy.z")


@pytest.mark.parametrize("url", [
    "https://api.vcita.biz/?token=abc", "https://api.vcita.biz#top", "https://api.vcita.biz/?",
    "https://api.vcita.biz/v1?x=1#y", "http://127.0.0.1:8000/#",
])
def test_a_query_or_fragment_is_refused_with_a_sentence(url: str) -> None:
    """Paths are appended to the address: "?x=1" would swallow them into the query."""
    with pytest.raises(InsecureUrlError) as caught:
        checked_base_url(url)
    assert caught.value.message == ("The API address must not contain a “?” or “#” part. "
                                    "Use only the server's address, for example "
                                    "https://api.vcita.biz.")
