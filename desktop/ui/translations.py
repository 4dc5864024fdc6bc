"""The desk's language: Qt translators for Frontdesk and for Qt's own dialogs, and QLocale.

Two things are chosen, both from the system unless Preferences say otherwise:

* the **formats** (dates, times, numbers, the first day of the week, the text direction):
  ``QLocale.system()`` — on Linux from LC_ALL / LC_TIME / LANG; a Preferences language keeps
  the system's region when it is the same language (``es`` on an ``es_AR`` desk: Argentina's
  formats), else takes that language's usual one (``es`` → Latin American Spanish, es_419);
* the **language** of the words: the first language of ``QLocale.system().uiLanguages()``
  (LANGUAGE=de:es gives German, then Spanish) that Frontdesk has a catalogue for, English
  otherwise.

Frontdesk's catalogue comes from ``resources/i18n/frontdesk_<lang>.qm`` (built by
``packaging/translations.py build``); Qt's own strings (standard buttons, file and colour
dialogs) from the ``qtbase_<lang>.qm`` shipped with PySide6 (or with the installed build), in
the same language as the words so that a dialog never mixes two. The layout is mirrored when
the formats' locale is written right to left (Hebrew, Arabic). Domain code's
``desktop.i18n.translate`` and ``clock_time`` are pointed at Qt here.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from desktop import i18n
from desktop.resources_path import resource_path

log = logging.getLogger(__name__)

#: Languages Frontdesk speaks: the source (English) and its complete translations.
AVAILABLE = ("en", "es")
#: The formats a bare language name means when the system speaks another language.
USUAL_LOCALE = {"en": "en_US", "es": "es_419"}

_installed: list[QTranslator] = []
_mirrored = False

#: Scripts written right to left. Asked of the locale's script rather than with
#: ``QLocale.textDirection()``: that loads Qt's whole enum namespace (~15 ms) before the
#: first paint, on every desk, to learn what only a few need.
_RTL_SCRIPTS = frozenset({QLocale.Script.ArabicScript, QLocale.Script.HebrewScript,
                          QLocale.Script.SyriacScript, QLocale.Script.ThaanaScript,
                          QLocale.Script.NkoScript, QLocale.Script.AdlamScript,
                          QLocale.Script.HanifiScript, QLocale.Script.MandaeanScript,
                          QLocale.Script.SamaritanScript})


def right_to_left(locale: QLocale) -> bool:
    return locale.script() in _RTL_SCRIPTS


def catalogue_dir() -> Path:
    return resource_path("i18n")


def qt_catalogue_dir() -> Path:
    """Qt's own .qm files: beside the app in an installed build, else PySide6's."""
    bundled = resource_path("qt_translations")
    if bundled.is_dir():
        return bundled
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _language(locale: QLocale) -> str:
    return QLocale.languageToCode(locale.language())


def chosen_locale(preference: str | None) -> QLocale:
    """The formats: the Preferences choice when one was made (``es``, ``es_AR``, ``he``…),
    else the system's."""
    system = QLocale.system()
    if preference:
        chosen = QLocale(preference)
        if chosen.language() != QLocale.Language.C:
            if "_" not in preference:
                if chosen.language() == system.language():
                    return system
                usual = USUAL_LOCALE.get(preference)
                if usual:
                    return QLocale(usual)
            return chosen
    return system


def ui_language(preference: str | None) -> str:
    """The language of the words: the preference's if Frontdesk speaks it, else the first of
    the system's languages it speaks, else English."""
    if preference:
        wanted = _language(QLocale(preference))
        return wanted if wanted in AVAILABLE else "en"
    for tag in QLocale.system().uiLanguages():
        language = _language(QLocale(tag))
        if language in AVAILABLE:
            return language
    return "en"


def install(app: QCoreApplication, preference: str | None = None) -> QLocale:
    """Load the translators for the chosen language, make the chosen formats the default and
    set the layout direction. Safe to call again: the previous translators are removed."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = chosen_locale(preference)
    QLocale.setDefault(locale)
    language = ui_language(preference)
    # English plurals ("%n hour(s)") come from an English catalogue like any other language.
    _load(app, catalogue_dir(), f"frontdesk_{language}")
    if language != "en":
        _load(app, qt_catalogue_dir(), f"qtbase_{language}")
    _set_direction(app, right_to_left(locale))
    i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    i18n.install_time_format(_locale_time)
    return locale


def _set_direction(app: QCoreApplication, mirrored: bool) -> None:
    """Mirror the layout for a right-to-left locale (left to right is Qt's default)."""
    global _mirrored
    if not isinstance(app, QGuiApplication) or mirrored == _mirrored:
        return
    from PySide6.QtCore import Qt

    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if mirrored
                           else Qt.LayoutDirection.LeftToRight)
    _mirrored = mirrored


def _locale_time(moment: datetime, zone: str) -> str:
    from desktop.ui.formatting import time_in_zone

    try:
        return time_in_zone(moment, zone) if zone else time_in_zone(moment, "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return time_in_zone(moment, "UTC")


def _load(app: QCoreApplication, folder: Path, name: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, str(folder)):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.info("No translation %s in %s", name, folder)
