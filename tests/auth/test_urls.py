"""Which API URLs the dialog accepts, and how it writes them."""

from __future__ import annotations

import pytest

from desktop.api.errors import InsecureUrlError
from desktop.auth.token_store import keyring_username
from desktop.auth.urls import MalformedUrlError, api_host, normalize_api_url


@pytest.mark.parametrize(("typed", "expected"), [
    ("https://api.vcita.biz", "https://api.vcita.biz"),
    (" HTTPS://API.vcita.biz/ ", "https://api.vcita.biz"),
    ("api.vcita.biz", "https://api.vcita.biz"),
    ("api.vcita.biz:8443", "https://api.vcita.biz:8443"),
    ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
    ("http://localhost:9000/", "http://localhost:9000"),
    ("http://[::1]:9000", "http://[::1]:9000"),
])
def test_usable_urls_are_normalised(typed: str, expected: str) -> None:
    assert normalize_api_url(typed) == expected


@pytest.mark.parametrize("typed", ["http://api.vcita.biz", "http://10.0.0.5:8080",
                                   "http://example.com/"])
def test_plain_http_to_another_host_is_refused(typed: str) -> None:
    with pytest.raises(InsecureUrlError, match="https://"):
        normalize_api_url(typed)


@pytest.mark.parametrize("typed", ["ftp://api.vcita.biz", "https://", "htp:/x y",
                                   "https://api.vcita.biz:99999", "not a url",
                                   "https://user:pw@api.vcita.biz", "https://x.biz/?q=1", ""])
def test_malformed_urls_get_a_sentence(typed: str) -> None:
    with pytest.raises(MalformedUrlError) as caught:
        normalize_api_url(typed)
    assert str(caught.value).endswith(".")
    assert "API URL" in str(caught.value)


def test_keyring_entry_is_per_host_and_business() -> None:
    assert api_host("https://api.vcita.biz") == "api.vcita.biz"
    assert keyring_username("http://127.0.0.1:8765", "biz-1") == "127.0.0.1:8765|biz-1"
    assert keyring_username("https://api.vcita.biz", "a") != \
        keyring_username("https://api.vcita.biz", "b")
