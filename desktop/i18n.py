"""Translation for code that must not import Qt (the domain packages).

Domain code writes its sentences as ``translate("Context", "English text")``: Qt's
``pyside6-lupdate`` finds these calls by their shape, like ``QCoreApplication.translate``, so
they land in the same ``.ts`` files as the widgets' ``self.tr(...)`` strings. At start-up the UI
calls :func:`install` with ``QCoreApplication.translate``; until then (tests of the domain,
the sandbox) the English source text is returned.

Plurals (``%n``) belong in the UI (``self.tr(text, "", n)``), where lupdate marks them
(it marks no plural in a ``translate`` call, and skips one whose count is an attribute).

Sentences kept as module constants are marked with :func:`QT_TRANSLATE_NOOP` (lupdate collects
them there) and translated where they are shown: ``translate("Context", CONSTANT)``. The
context is always a string literal: lupdate cannot follow a variable and skips such a call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Translator = Callable[[str, str], str]


def _source_text(context: str, text: str) -> str:
    return text


_translator: Translator = _source_text


def install(translator: Translator | None) -> None:
    """Use ``translator(context, text)`` from now on (None: back to English source text)."""
    global _translator
    _translator = translator or _source_text


def translate(context: str, text: str) -> str:
    """``text`` in the desk's language (the English source text until the UI installs Qt's)."""
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate under ``context`` without translating it (module constants:
    translate them where they are shown, with the same context)."""
    return text


TimeFormatter = Callable[[datetime, str], str]


def _plain_clock(moment: datetime, zone: str) -> str:
    try:
        local = moment.astimezone(ZoneInfo(zone)) if zone else moment
    except (ZoneInfoNotFoundError, ValueError):
        local = moment
    return f"{local.hour:02d}:{local.minute:02d}"


_time_formatter: TimeFormatter = _plain_clock


def install_time_format(formatter: TimeFormatter | None) -> None:
    """How domain sentences write a time of day (the UI installs the desk's QLocale)."""
    global _time_formatter
    _time_formatter = formatter or _plain_clock


def clock_time(moment: datetime, zone: str) -> str:
    """``moment`` as a time of day in ``zone``, as the desk writes times (``HH:MM`` until the
    UI installs its locale's format)."""
    return _time_formatter(moment, zone)
