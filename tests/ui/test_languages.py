"""The real window in other languages and directions: Spanish (Argentina) with every word
translated and the local formats, Hebrew laid out right to left, and long (German-length)
words — none of them cut off at the default window size (1180×760)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.sandbox.server import SandboxServer
from desktop.ui.main_window import MainWindow
from desktop.ui.translations import install
from tests.helpers.booking_desk import Desk
from tests.helpers.clipping import clipped_texts
from tests.helpers.day_desk import DayDesk
from tests.helpers.qt import application
from tests.helpers.windows import WAIT_MS, ready_to_book, window_on

ES_TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "frontdesk_es.ts"
DEFAULT_SIZE = (1180, 760)


@pytest.fixture
def desk_locale() -> Iterator[object]:
    """Switch the desk's language for one test, back to the suite's en_US after."""
    def switch(name: str) -> None:
        install(application(), name)

    yield switch
    install(application(), "en_US")


def _english_only_texts() -> set[str]:
    """English sources whose Spanish differs: seeing one on a Spanish screen means a string
    did not go through the catalogue at run time."""
    english: set[str] = set()
    for context in ET.parse(ES_TS).getroot().iter("context"):
        if context.findtext("name") == "FormLabels":
            continue  # "Email", "Title": a form definition's own labels may read the same
        english |= _changed_sources(context)
    return english


def _changed_sources(context: ET.Element) -> set[str]:
    english: set[str] = set()
    for message in context.iter("message"):
        source = (message.findtext("source") or "").replace("&", "")
        translation = message.find("translation")
        text = "" if translation is None else (translation.text or "").replace("&", "")
        if "{" not in source and "%n" not in source and source != text and len(source) > 3:
            english.add(source)
    return english


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """Every text a person sees or hears on ``root``'s visible widgets."""
    from_the_api = [w for w in root.findChildren(QWidget, "form-content")]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or any(f.isAncestorOf(widget) for f in from_the_api):
            continue  # a form definition's labels are the business's words
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        for text in (widget.toolTip(), widget.accessibleName(), widget.windowTitle()):
            yield where, text
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield where, widget.tabText(index)
        if isinstance(widget, QComboBox):
            yield where, widget.itemText(0)
    for menu in root.findChildren(QMenu):
        yield "menu", menu.title()
        for action in menu.actions():
            yield "menu action", action.text()


def _untranslated(root: QWidget) -> list[str]:
    english = _english_only_texts()
    return [f"{where}: {text!r}" for where, text in _texts(root)
            if text and text.replace("&", "") in english]


def _shown_at_default_size(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(*DEFAULT_SIZE)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == DEFAULT_SIZE, timeout=5000)
    QApplication.processEvents()


def test_spanish_day_view_is_all_spanish_with_local_formats(
        qtbot: QtBot, desk_locale: object, day_sandbox: SandboxServer,
        desk_window: Callable[..., MainWindow]) -> None:
    desk_locale("es_AR")  # type: ignore[operator]
    window = desk_window(day_sandbox)
    desk = DayDesk(qtbot, window, day_sandbox)
    desk.choose(desk.upcoming_booked()[0])
    _shown_at_default_size(qtbot, window)
    assert _untranslated(window) == []
    assert window.menuBar().actions()[0].text() == "&Archivo"
    # Argentina writes the day first, months in Spanish, and its week starts on Monday.
    assert window.day.toolbar.title.text() == "Hoy, miércoles, 10 de marzo de 2027"
    assert "reservados" in window.day.toolbar.counts.text()
    assert clipped_texts(window) == []
    window.shutdown()


def test_spanish_booking_page_prices_dates_and_calendar(
        qtbot: QtBot, desk_locale: object, day_sandbox: SandboxServer,
        desk_window: Callable[..., MainWindow]) -> None:
    desk_locale("es_AR")  # type: ignore[operator]
    window = desk_window(day_sandbox, book=True)  # a Wednesday: the day has visits to show
    desk = Desk(qtbot, window.page)
    desk.first_time("sv-physio")
    desk.open_new_client_form()
    assert window.page.form is not None
    window.page.form.validate()
    _shown_at_default_size(qtbot, window)
    assert _untranslated(window) == []
    calendar = window.page.slot_picker.calendar
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    service_text = window.page.service_picker.currentText()
    assert re.search(r"\$\s?\d+,\d\d", service_text), service_text  # $ 95,00
    assert " de " in window.page.slot_picker.day_title.text()
    assert "Obligatorio" in (window.page.form.findChild(QWidget, "field-q_email")
                             .accessibleDescription())  # type: ignore[union-attr]
    assert clipped_texts(window) == []
    window.shutdown()


def test_hebrew_lays_the_window_out_right_to_left_without_clipping(
        qtbot: QtBot, desk_locale: object, day_sandbox: SandboxServer,
        desk_window: Callable[..., MainWindow]) -> None:
    desk_locale("he_IL")  # type: ignore[operator]
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window = desk_window(day_sandbox)
    desk = DayDesk(qtbot, window, day_sandbox)
    desk.choose(desk.upcoming_booked()[0])
    _shown_at_default_size(qtbot, window)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # Mirrored: the business's name on the right, the details panel left of the schedule.
    name_at = window.business_label.mapTo(window, QPoint(0, 0)).x()
    assert name_at > window.width() // 2
    details_at = window.day.details.mapTo(window, QPoint(0, 0)).x()
    schedule_at = window.day.schedule.mapTo(window, QPoint(0, 0)).x()
    assert details_at < schedule_at
    assert clipped_texts(window) == []
    window.show_booking()
    QApplication.processEvents()
    assert window.page.slot_picker.calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert clipped_texts(window) == []
    window.shutdown()
    desk_locale("en_US")  # type: ignore[operator]
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


class LongWords(QTranslator):
    """German-length words (about a third longer) for every English text, keeping the
    placeholders, the %n and the shortcut letters: what a longer language does to the layout."""

    _WORD = re.compile(r"(?<![{%&\w])([A-Za-z]{4,})(?![\w}])")

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return self._WORD.sub(lambda m: m.group(1) + m.group(1)[-4:].lower(), source)


def test_long_words_do_not_cut_off_at_the_default_size(
        qtbot: QtBot, desk_locale: object, day_sandbox: SandboxServer,
        desk_window: Callable[..., MainWindow]) -> None:
    desk_locale("de_DE")  # type: ignore[operator]
    longer = LongWords()
    app = application()
    app.installTranslator(longer)
    try:
        assert QLocale().name() == "de_DE"
        window = desk_window(day_sandbox)
        desk = DayDesk(qtbot, window, day_sandbox)
        desk.choose(desk.upcoming_booked()[0])
        _shown_at_default_size(qtbot, window)
        assert "bookedoked" in window.day.toolbar.counts.text()  # the words did grow
        assert clipped_texts(window) == []
        window.show_booking()
        QApplication.processEvents()
        assert clipped_texts(window) == []
        window.shutdown()
    finally:
        app.removeTranslator(longer)


@pytest.fixture
def desk_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """``desk_window(sandbox, book=False)``: the window on ``sandbox`` once its day is shown
    (and with Book's services listed, if ``book``), built after the test chose its language;
    shut down after the test."""
    with ExitStack() as stack:
        def open_(sandbox: SandboxServer, book: bool = False) -> MainWindow:
            window = stack.enter_context(window_on(sandbox, tmp_path / "data", qtbot))
            qtbot.waitUntil(lambda: bool(window.day.entries()), timeout=WAIT_MS)
            if book:
                ready_to_book(qtbot, window)
            return window
        yield open_


def test_the_clipping_check_sees_cut_off_text(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    row = QHBoxLayout(box)
    button = QPushButton("A rather long button text", box)
    label = QLabel("A label longer than its room", box)
    row.addWidget(button)
    row.addWidget(label)
    box.show()
    assert clipped_texts(box) == []
    button.setFixedWidth(40)
    label.setFixedWidth(30)
    found = clipped_texts(box)
    assert len(found) == 2, found
