#!/usr/bin/env bash
# Run a command against a real, private, unlocked Secret Service (gnome-keyring on its own
# D-Bus session, with a throwaway HOME), so keyring tests never touch the user's own keyring.
#
#   tests/with_keyring.sh .venv/bin/pytest tests/auth -q
#
# Needs the Debian packages gnome-keyring and dbus-x11 on Linux. Elsewhere (macOS, Windows)
# the command runs as it is, against the system's own keyring. When the tools are missing the
# command still runs (keyring tests then skip), except with CI=true, where that is an error.
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

if [ "$(uname -s)" != Linux ]; then
    exec "$@"
fi

missing=()
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "with_keyring.sh: missing ${missing[*]} (apt-get install gnome-keyring dbus-x11)." >&2
    if [ "${CI:-}" = true ]; then
        exit 1
    fi
    echo "with_keyring.sh: running without a Secret Service; keyring tests will skip." >&2
    exec "$@"
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/frontdesk-keyring.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# The daemon keeps its keyring files under HOME (or XDG_DATA_HOME): both point into scratch.
status=0
env -u DBUS_SESSION_BUS_ADDRESS -u XDG_DATA_HOME -u GNOME_KEYRING_CONTROL \
    HOME="$scratch" XDG_RUNTIME_DIR="$scratch" \
    dbus-run-session -- sh -c '
        printf %s frontdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
            || { echo "with_keyring.sh: gnome-keyring-daemon did not start" >&2; exit 1; }
        exec "$@"' with_keyring "$@" || status=$?
exit "$status"
