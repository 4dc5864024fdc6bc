"""The desk's display preferences: language, theme and text size (no Qt).

They live in the settings file beside the connection settings (see
:class:`desktop.auth.settings.SettingsFile`, which keeps them) and are read here, before the
first window is shown, without importing the rest of the app: only ``json`` and the folder
lookup (``platformdirs``). Anything unreadable or unknown counts as "not chosen" (the system's
choice), never as an error: a bad preference must not stop the desk from starting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Languages offered in Preferences ("" is the system's). Formats keep the system's region
#: when its language is the one chosen (es + es_AR → Argentina's formats).
LANGUAGES = ("en", "es")
THEMES = ("light", "dark", "high-contrast")
#: Text sizes offered, in percent of the system's.
TEXT_SIZES = (100, 125, 150, 175, 200)


@dataclass(frozen=True)
class DisplayPreferences:
    #: A language or locale name (``es``, ``en``, ``es_AR``, ``he_IL``); None: the system's.
    language: str | None = None
    #: One of :data:`THEMES`; None: the system's.
    theme: str | None = None
    #: Percent of the system's text size (100–200); None: the system's.
    text_size: int | None = None


def clean_language(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip().replace("-", "_")
    if not text or len(text) > 20 or not all(ch.isalnum() or ch == "_" for ch in text):
        return None
    return text


def clean_theme(value: Any) -> str | None:
    return value if isinstance(value, str) and value in THEMES else None


def clean_text_size(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    size = int(value)
    return size if 100 <= size <= 200 else None


def from_mapping(data: Any) -> DisplayPreferences:
    if not isinstance(data, dict):
        return DisplayPreferences()
    return DisplayPreferences(language=clean_language(data.get("language")),
                              theme=clean_theme(data.get("theme")),
                              text_size=clean_text_size(data.get("text_size")))


def load_display_preferences(path: Path | None = None) -> DisplayPreferences:
    """What the settings file says (defaults when it is missing or unreadable)."""
    if path is None:
        from desktop.paths import AppPaths

        path = AppPaths.default().settings_file
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return DisplayPreferences()
    return from_mapping(data)
