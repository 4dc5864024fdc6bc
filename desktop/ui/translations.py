"""The desk's language: Qt translators for Frontdesk and for Qt's own dialogs, and QLocale.

The language follows the system (``QLocale.system()``, which reads LANG/LC_ALL/LANGUAGE on
Linux) unless the Preferences dialog chose one. Frontdesk's catalogue comes from
``resources/i18n/frontdesk_<lang>.qm`` (built by ``packaging/translations.py build``); Qt's own
strings (standard buttons, file and colour dialogs) from the ``qtbase_<lang>.qm`` shipped
with PySide6. Domain code's ``desktop.i18n.translate`` is pointed at Qt's translate here.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import i18n
from desktop.resources_path import resource_path

log = logging.getLogger(__name__)

#: Languages Frontdesk speaks: the source (English) and its complete translations.
AVAILABLE = ("en", "es")

_installed: list[QTranslator] = []


def catalogue_dir() -> Path:
    return resource_path("i18n")


def chosen_locale(preference: str | None) -> QLocale:
    """The Preferences choice when one was made (``es_AR``, ``he``…), else the system's."""
    if preference:
        chosen = QLocale(preference)
        if chosen.language() != QLocale.Language.C:
            return chosen
    return QLocale.system()


def install(app: QCoreApplication, preference: str | None = None) -> QLocale:
    """Load the translators for the chosen locale and make it the default for formatting.
    Safe to call again (Preferences applied): the previous translators are removed first."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = chosen_locale(preference)
    QLocale.setDefault(locale)
    language = QLocale.languageToCode(locale.language())
    # English plurals ("%n hour(s)") come from an English catalogue like any other language.
    frontdesk = language if language in AVAILABLE else "en"
    _load(app, catalogue_dir(), f"frontdesk_{frontdesk}")
    if language != "en":
        _load(app, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
              f"qtbase_{language}")
    i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    i18n.install_time_format(_locale_time)
    return locale


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
