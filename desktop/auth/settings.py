"""The app's small settings file and where the connection settings come from.

Only what is not secret lives here: the API URL, the business id and the business's name and
time zone (so the window can show them before the network answers), and the display
preferences (language, theme, text size: see :mod:`desktop.preferences`). Never the token.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Literal

from desktop.auth.urls import DEFAULT_API_URL
from desktop.paths import AppPaths
from desktop.preferences import clean_language, clean_text_size, clean_theme

log = logging.getLogger(__name__)

ENV_API_URL = "FRONTDESK_API_URL"
ENV_BUSINESS_ID = "FRONTDESK_BUSINESS_ID"

Source = Literal["command line", "environment", "settings file", "default"]


@dataclass(frozen=True)
class StoredSettings:
    """What the settings file holds. Unknown keys in the file are ignored."""

    api_url: str | None = None
    business_id: str | None = None
    business_name: str | None = None
    business_time_zone: str | None = None
    #: Display preferences (None: the system's); applied at the next start.
    language: str | None = None
    theme: str | None = None
    text_size: int | None = None


def default_settings_path() -> Path:
    return AppPaths.default().settings_file


class SettingsFile:
    """A JSON file written atomically (temp file + ``os.replace``): a crash mid-write leaves
    the old file, never half a file. A file that cannot be read gives defaults and a warning."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_settings_path()

    def load(self) -> StoredSettings:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return StoredSettings()
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("Could not read the settings file %s (%s); using defaults.",
                        self.path, type(exc).__name__)
            return StoredSettings()
        try:
            data = json.loads(text)
        except ValueError:
            log.warning("The settings file %s is not valid JSON; using defaults.", self.path)
            return StoredSettings()
        if not isinstance(data, dict):
            log.warning("The settings file %s does not hold an object; using defaults.",
                        self.path)
            return StoredSettings()
        return StoredSettings(
            api_url=_text_or_none(data.get("api_url")),
            business_id=_text_or_none(data.get("business_id")),
            business_name=_text_or_none(data.get("business_name")),
            business_time_zone=_text_or_none(data.get("business_time_zone")),
            language=clean_language(data.get("language")),
            theme=clean_theme(data.get("theme")),
            text_size=clean_text_size(data.get("text_size")),
        )

    def save(self, settings: StoredSettings) -> None:
        """Write the whole file atomically. Raises OSError if the folder is not writable."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"version": 1, **{k: v for k, v in asdict(settings).items() if v is not None}}
        fd, tmp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, indent=2, sort_keys=True)
                handle.write("\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self.path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    def update(self, **changes: Any) -> StoredSettings:
        """Load, change the given fields, save; returns what was saved."""
        updated = replace(self.load(), **changes)
        self.save(updated)
        return updated


@dataclass(frozen=True)
class ConnectionSettings:
    """Where to connect, and where each value came from (for ``--self-test`` and logs)."""

    api_url: str
    business_id: str | None
    api_url_source: Source = "default"
    business_id_source: Source | None = None


def resolve_connection_settings(
    argv_values: Mapping[str, Any] | Any,
    environ: Mapping[str, str],
    settings_file: SettingsFile | StoredSettings | Path | None,
) -> ConnectionSettings:
    """Pick the API URL and business id: command line > environment > settings file > default.

    ``argv_values`` is the argparse namespace (or a mapping) with ``api_url`` and
    ``business_id``; empty values count as not given. The URL is returned as given (the
    sign-in dialog checks it and says what is wrong with it).
    """
    cli = argv_values if isinstance(argv_values, Mapping) else vars(argv_values)
    if isinstance(settings_file, StoredSettings):
        stored = settings_file
    elif isinstance(settings_file, SettingsFile):
        stored = settings_file.load()
    elif settings_file is not None:
        stored = SettingsFile(Path(settings_file)).load()
    else:
        stored = StoredSettings()

    def pick(cli_key: str, env_key: str, stored_value: str | None
             ) -> tuple[str | None, Source | None]:
        for value, source in ((cli.get(cli_key), "command line"),
                              (environ.get(env_key), "environment"),
                              (stored_value, "settings file")):
            text = _text_or_none(value)
            if text is not None:
                return text, source  # type: ignore[return-value]
        return None, None

    api_url, api_source = pick("api_url", ENV_API_URL, stored.api_url)
    business_id, business_source = pick("business_id", ENV_BUSINESS_ID, stored.business_id)
    return ConnectionSettings(
        api_url=api_url or DEFAULT_API_URL,
        business_id=business_id,
        api_url_source=api_source or "default",
        business_id_source=business_source,
    )


def _text_or_none(value: object) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None
