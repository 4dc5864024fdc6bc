"""The desk's display preferences: language, theme and text size (no Qt).

They live in the settings file beside the connection settings (see
:class:`desktop.auth.settings.SettingsFile`, which keeps them) and are read here, before the
first window is shown. That read is on the start-up's critical path, so this module imports
only ``json`` and ``os`` (no dataclasses, no pathlib walk): about a millisecond, where
``desktop.auth.settings`` costs tens. Anything unreadable or unknown counts as "not chosen"
(the system's choice), never as an error: a bad preference must not stop the desk starting.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

#: Languages offered in Preferences ("" is the system's). Formats keep the system's region
#: when its language is the one chosen (es + es_AR → Argentina's formats).
LANGUAGES = ("en", "es")
THEMES = ("light", "dark", "high-contrast")
#: Text sizes offered, in percent of the system's.
TEXT_SIZES = (100, 125, 150, 175, 200)
SETTINGS_NAME = "settings.json"


class DisplayPreferences:
    """``language``: a language or locale name (``es``, ``es_AR``, ``he_IL``); ``theme``: one
    of :data:`THEMES`; ``text_size``: percent of the system's (100–200). None: the system's."""

    __slots__ = ("language", "text_size", "theme")

    def __init__(self, language: str | None = None, theme: str | None = None,
                 text_size: int | None = None) -> None:
        self.language = language
        self.theme = theme
        self.text_size = text_size

    def _key(self) -> tuple[str | None, str | None, int | None]:
        return self.language, self.theme, self.text_size

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DisplayPreferences) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"DisplayPreferences(language={self.language!r}, theme={self.theme!r}, "
                f"text_size={self.text_size!r})")


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


def default_settings_file() -> str:
    """Where :class:`desktop.paths.AppPaths` keeps the settings file. On Linux the XDG rule
    is written out here (``$XDG_CONFIG_HOME/frontdesk`` or ``~/.config/frontdesk``: what
    platformdirs answers, without importing it); elsewhere platformdirs is asked."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or \
            os.path.join(os.path.expanduser("~"), ".config")
        return os.path.join(base, "frontdesk", SETTINGS_NAME)
    from desktop.paths import AppPaths

    return str(AppPaths.default().settings_file)


def load_display_preferences(path: str | os.PathLike[str] | None = None) -> DisplayPreferences:
    """What the settings file says (defaults when it is missing or unreadable)."""
    try:
        with open(path if path is not None else default_settings_file(),
                  encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return DisplayPreferences()
    return from_mapping(data)
