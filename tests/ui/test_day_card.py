"""A card of the day as painted: mirrored for right-to-left, a visible focus ring, and the
state's word readable on light, dark and high-contrast palettes and when selected."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from desktop.api.models import Appointment
from desktop.day.summary import DeskState
from desktop.ui.day.delegate import STATE_COLOURS, EntryDelegate, state_colour
from desktop.ui.day.entries import DayEntry
from desktop.ui.day.model import DayEntriesModel
from desktop.ui.style import dark_palette, high_contrast_palette, set_high_contrast
from tests.helpers.colours import contrast

WIDTH, HEIGHT = 260, 72
START = datetime(2027, 3, 10, 14, 30, tzinfo=UTC)


@pytest.fixture
def entry() -> DayEntry:
    appointment = Appointment(id="a1", start_time=START, end_time=START + timedelta(minutes=45),
                              client_first_name="Ann", client_last_name="Lee",
                              title="Massage", state="scheduled")
    return DayEntry(appointment, "America/New_York", staff_name="Dr. Maya Chen")


@pytest.fixture
def no_high_contrast() -> Iterator[None]:
    yield
    set_high_contrast(False)


def paint(entry: DayEntry, *, direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight,
          palette: QPalette | None = None, focused: bool = False,
          selected: bool = False) -> QImage:
    model = DayEntriesModel()
    model.set_entries([entry], None)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, WIDTH, HEIGHT)
    option.direction = direction
    option.palette = palette or QPalette()
    option.state = QStyle.StateFlag.State_Enabled
    if focused:
        option.state |= QStyle.StateFlag.State_HasFocus
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(option.palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    EntryDelegate().paint(painter, option, model.index(0))
    painter.end()
    return image


def strip_columns(image: QImage, colour: QColor) -> list[int]:
    """Columns painted ``colour`` from top to bottom (the state's strip, not a word)."""
    rows = range(10, image.height() - 10)
    return [x for x in range(image.width())
            if all(image.pixelColor(x, y) == colour for y in rows)]


def has_colour(image: QImage, colour: QColor, area: QRect) -> bool:
    return any(image.pixelColor(x, y) == colour
               for x in range(area.left(), area.right()) for y in range(area.top(), area.bottom()))


def ink_columns(image: QImage, top: int, bottom: int) -> list[int]:
    """Columns where the first line of text left ink (dark pixels on a light card)."""
    return [x for x in range(8, image.width() - 8)
            if any(image.pixelColor(x, y).lightness() < 110 for y in range(top, bottom))]


def test_the_card_is_mirrored_right_to_left(entry: DayEntry) -> None:
    strip = STATE_COLOURS[DeskState.SCHEDULED]
    ltr = paint(entry)
    rtl = paint(entry, direction=Qt.LayoutDirection.RightToLeft)
    assert max(strip_columns(ltr, strip)) < 12  # the state's strip: on the left…
    assert min(strip_columns(rtl, strip)) > WIDTH - 12  # …on the right when mirrored
    # The time (bold, first line) starts at the strip's side: left, or right when mirrored.
    ltr_ink, rtl_ink = ink_columns(ltr, 6, 20), ink_columns(rtl, 6, 20)
    assert min(ltr_ink) < 30
    assert max(rtl_ink) > WIDTH - 30


def test_a_focused_card_shows_its_focus(entry: DayEntry) -> None:
    assert paint(entry, focused=True) != paint(entry)


@pytest.mark.parametrize("kind", ["light", "dark", "high-contrast"])
def test_the_state_word_reads_on_every_palette(entry: DayEntry, kind: str,
                                               no_high_contrast: None) -> None:
    palette = {"light": QPalette(), "dark": dark_palette(),
               "high-contrast": high_contrast_palette()}[kind]
    set_high_contrast(kind == "high-contrast")
    base = palette.color(QPalette.ColorRole.Base)
    for state in DeskState:
        assert contrast(state_colour(state, palette), base) >= 3.0, (kind, state)
    # On the selection the word is in the highlighted-text colour: never blue on blue.
    word_area = QRect(WIDTH - 90, 4, 80, 18)
    unselected = paint(entry, palette=palette)
    selected = paint(entry, palette=palette, selected=True)
    word = state_colour(DeskState.SCHEDULED, palette)
    highlighted_text = palette.color(QPalette.ColorRole.HighlightedText)
    if kind == "light":  # (anti-aliased glyphs hit the exact colour on the light card)
        assert has_colour(unselected, word, word_area)
        assert not has_colour(selected, word, word_area)
    assert has_colour(selected, highlighted_text, word_area)
