"""The token in the real OS keyring (gnome-keyring's Secret Service), and when there is none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backend
import pytest
from keyring.backends import SecretService

from desktop.auth.token_store import (
    SERVICE_NAME,
    KeyringUnavailableError,
    SessionTokenStore,
    TokenStore,
)

URL = "https://api.vcita.biz"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdGFmZi0xIn0.c2lnbmF0dXJlLXBhcnQ"


def test_save_load_delete_through_the_real_keyring(
        real_keyring: keyring.backend.KeyringBackend) -> None:
    store = TokenStore()
    assert store.backend_usable() == (True, "")
    assert store.load(URL, "biz-1") is None
    store.save(URL, "biz-1", TOKEN)
    # Seen from outside the app, exactly where the issue says it lives.
    assert keyring.get_password(SERVICE_NAME, "api.vcita.biz|biz-1") == TOKEN
    assert store.load(URL, "biz-1") == TOKEN
    assert store.load(URL, "biz-2") is None
    assert store.load("https://other.example", "biz-1") is None
    store.delete(URL, "biz-1")
    assert keyring.get_password(SERVICE_NAME, "api.vcita.biz|biz-1") is None
    store.delete(URL, "biz-1")  # deleting what is not there is fine


def test_saving_again_replaces_the_entry(real_keyring: keyring.backend.KeyringBackend) -> None:
    store = TokenStore()
    store.save(URL, "biz-1", "first-token")
    store.save(URL, "biz-1", "second-token")
    assert keyring.get_password(SERVICE_NAME, "api.vcita.biz|biz-1") == "second-token"


def test_no_keyring_backend_is_reported_and_nothing_is_written(
        fail_keyring: keyring.backend.KeyringBackend) -> None:
    store = TokenStore()
    usable, reason = store.backend_usable()
    assert not usable
    assert reason.startswith("This computer has no password store")
    for call in (lambda: store.save(URL, "b", TOKEN), lambda: store.load(URL, "b"),
                 lambda: store.delete(URL, "b")):
        with pytest.raises(KeyringUnavailableError) as caught:
            call()
        assert "password store" in str(caught.value)
        assert TOKEN not in str(caught.value)


def test_an_unreachable_secret_service_is_reported(
        real_keyring: keyring.backend.KeyringBackend,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The Secret Service backend, but its D-Bus session is gone (daemon not running).
    with monkeypatch.context() as patch:
        patch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/frontdesk-bus")
        store = TokenStore(SecretService.Keyring())
        usable, reason = store.backend_usable()
        assert not usable
        assert "password store (keyring)" in reason
        with pytest.raises(KeyringUnavailableError):
            store.save(URL, "biz-1", TOKEN)


def test_a_plaintext_backend_is_refused() -> None:
    class PlaintextKeyring(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("must never be called")

        def delete_password(self, service: str, username: str) -> None:
            return None

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    store = TokenStore(PlaintextKeyring())
    usable, reason = store.backend_usable()
    assert not usable
    assert "plain file" in reason
    with pytest.raises(KeyringUnavailableError):
        store.save(URL, "b", TOKEN)


def test_session_store_keeps_tokens_in_memory_only() -> None:
    store = SessionTokenStore()
    assert store.backend_usable() == (True, "")
    assert not store.persistent
    store.save(URL, "biz-1", TOKEN)
    assert store.load(URL, "biz-1") == TOKEN
    assert TOKEN not in repr(store)
    store.delete(URL, "biz-1")
    assert store.load(URL, "biz-1") is None


def test_a_locked_keyring_is_reported(real_keyring: keyring.backend.KeyringBackend) -> None:
    # Locking needs a keyring of its own (it cannot be unlocked again without a prompt):
    # a second private gnome-keyring, in a child process, with no display for a prompt.
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    done = subprocess.run(
        [str(root / "tests" / "with_keyring.sh"), sys.executable, "-m",
         "tests.auth.locked_keyring_probe"],
        cwd=root, env=env, capture_output=True, text=True, timeout=60, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["locked"] is True
    assert report["usable"] is False
    assert report["reason"] == ("The password store (keyring) is locked, "
                                "so the token cannot be saved or read.")
    assert report["save_error"] == report["reason"]
    assert "secret-token-value" not in done.stdout + done.stderr
