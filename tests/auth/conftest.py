"""Fixtures for the sign-in tests: a real Secret Service, the fail backend, a controller."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

import keyring
import keyring.backend
import keyring.backends.fail
import pytest
from keyring.backends import SecretService

from desktop.auth.settings import ConnectionSettings, SettingsFile
from desktop.auth.token_store import SERVICE_NAME, TokenStore

KEYRING_COMMAND = (
    "env -u DBUS_SESSION_BUS_ADDRESS HOME=$(mktemp -d) dbus-run-session -- sh -c "
    "'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
    ".venv/bin/pytest tests/auth -q'   (or: tests/with_keyring.sh .venv/bin/pytest tests/auth)"
)


def _delete_all_frontdesk_entries() -> None:
    """Leave the (private, per-run) keyring without any entry of ours between tests."""
    import secretstorage

    with contextlib.closing(secretstorage.dbus_init()) as bus:
        collection = secretstorage.get_default_collection(bus)
        for item in list(collection.search_items({"service": SERVICE_NAME})):
            item.delete()


@pytest.fixture
def real_keyring() -> Iterator[keyring.backend.KeyringBackend]:
    """The real Secret Service (gnome-keyring on a private D-Bus session), usable and empty
    of Frontdesk entries. Missing: skip locally, FAIL on CI (CI=true) with instructions."""
    backend = keyring.get_keyring()
    problem = ""
    if not isinstance(backend, SecretService.Keyring):
        problem = f"keyring chose {type(backend).__module__}.{type(backend).__name__}, " \
                  "not the Secret Service"
    else:
        usable, reason = TokenStore().backend_usable()
        if not usable:
            problem = reason
    if problem:
        message = (f"These tests need a real, unlocked Secret Service ({problem}). "
                   f"Install gnome-keyring and dbus-x11, then run: {KEYRING_COMMAND}")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    _delete_all_frontdesk_entries()
    yield backend
    _delete_all_frontdesk_entries()


@pytest.fixture
def fail_keyring() -> Iterator[keyring.backend.KeyringBackend]:
    """keyring's own "no backend" keyring, as on a headless Linux box; restored afterwards."""
    previous = keyring.get_keyring()
    failing = keyring.backends.fail.Keyring()
    keyring.set_keyring(failing)
    try:
        yield failing
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def settings_file() -> SettingsFile:
    """The app's real settings file (its folder comes from the per-test XDG_CONFIG_HOME)."""
    return SettingsFile()


@pytest.fixture
def make_controller(qtbot: Any) -> Iterator[Any]:
    """Build SessionControllers that are shut down (threads joined) after the test."""
    from desktop.ui.sign_in.session import SessionController

    made: list[SessionController] = []

    def make(api_url: str, business_id: str | None, **kwargs: Any) -> SessionController:
        controller = SessionController(
            ConnectionSettings(api_url=api_url, business_id=business_id), **kwargs)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        dialog = controller.active_dialog
        if dialog is not None:
            dialog.done(0)
        controller.shutdown()
