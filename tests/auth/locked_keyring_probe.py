"""Run inside its own private keyring (tests/with_keyring.sh): lock the collection, then report
what TokenStore says, as JSON on stdout. Used by test_token_store.py."""

from __future__ import annotations

import contextlib
import json

import secretstorage

from desktop.auth.token_store import KeyringUnavailableError, TokenStore


def main() -> None:
    with contextlib.closing(secretstorage.dbus_init()) as bus:
        collection = secretstorage.get_default_collection(bus)
        collection.lock()
        locked = collection.is_locked()
    usable, reason = TokenStore().backend_usable()
    try:
        TokenStore().save("https://api.vcita.biz", "biz-1", "secret-token-value")
        save_error = ""
    except KeyringUnavailableError as exc:
        save_error = str(exc)
    print(json.dumps({"locked": locked, "usable": usable, "reason": reason,
                      "save_error": save_error}))


if __name__ == "__main__":
    main()
