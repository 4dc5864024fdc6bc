"""Every message colour reads on every palette (WCAG AA: 4.5:1), the themes set what they
promise, text scaling scales, and no widget hard-codes a colour that a dark palette breaks."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui.style import (
    Theme,
    Tone,
    apply_text_size,
    apply_theme,
    dark_palette,
    high_contrast,
    high_contrast_palette,
    set_high_contrast,
    tone_colours,
    tone_text,
)
from tests.helpers.colours import contrast
from tests.helpers.qt import application

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"
PALETTES = {"light": QPalette, "dark": dark_palette, "high-contrast": high_contrast_palette}


@pytest.fixture
def restored_look() -> Iterator[QApplication]:
    app = application()
    palette, font, sheet, style = app.palette(), app.font(), app.styleSheet(), \
        app.style().name()
    yield app
    app.setStyle(style)
    app.setPalette(palette)
    app.setFont(font)
    app.setStyleSheet(sheet)
    set_high_contrast(False)


@pytest.mark.parametrize("kind", list(PALETTES))
def test_every_tone_reads_on_every_palette(kind: str, restored_look: QApplication) -> None:
    palette = PALETTES[kind]()
    restored_look.setPalette(palette)
    set_high_contrast(kind == "high-contrast")
    window = palette.color(QPalette.ColorRole.Window)
    for tone in Tone:
        background, border, text = tone_colours(tone)
        assert contrast(text, background) >= 4.5, (kind, tone)
        assert contrast(tone_text(tone), window) >= 4.5, (kind, tone)
        if kind == "high-contrast":
            assert contrast(border, background) >= 7, tone  # a frame, where there is no tint
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.PlaceholderText):
        assert contrast(palette.color(role), palette.color(QPalette.ColorRole.Base)) >= 4.5
    if kind != "light":  # (Qt's own light palette greys disabled text out to 1.6:1)
        disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        button = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button)
        assert contrast(disabled, button) >= 4.5, kind


def test_themes_set_their_palette(restored_look: QApplication) -> None:
    assert apply_theme(restored_look, "dark") is Theme.DARK
    assert restored_look.palette().color(QPalette.ColorRole.Window) == QColor("#202124")
    assert not high_contrast()
    assert apply_theme(restored_look, "high-contrast") is Theme.HIGH_CONTRAST
    assert high_contrast()
    assert restored_look.palette().color(QPalette.ColorRole.Window) == QColor("#000000")
    assert "QCheckBox::indicator" in restored_look.styleSheet()
    assert apply_theme(restored_look, "no such theme") is Theme.SYSTEM


def test_text_size_scales_every_font(restored_look: QApplication) -> None:
    before = QFont(restored_look.font())
    apply_text_size(restored_look, 150)
    assert restored_look.font().pointSizeF() == pytest.approx(before.pointSizeF() * 1.5)
    apply_text_size(restored_look, None)  # the system's: unchanged
    assert restored_look.font().pointSizeF() == pytest.approx(before.pointSizeF() * 1.5)


def hard_coded_colours(source: str) -> list[str]:
    """Colours and pixel font sizes written into string literals (style sheets, QColor)."""
    pattern = re.compile(r"#[0-9a-fA-F]{3,8}\b|\bcolor:\s*(white|black|red|grey|gray)\b|"
                         r"font-size:\s*\d+px")
    return [node.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and pattern.search(node.value)]


def test_no_widget_hard_codes_a_colour() -> None:
    """Colours come from the palette or from desktop.ui.style (which knows the palette); the
    day's state colours (a strip beside the state's word) are the one exception."""
    allowed = {"style.py", "delegate.py"}
    found = {str(path.relative_to(UI)): hard_coded_colours(path.read_text(encoding="utf-8"))
             for path in sorted(UI.rglob("*.py")) if path.name not in allowed}
    assert {name: hits for name, hits in found.items() if hits} == {}
    assert hard_coded_colours('label.setStyleSheet("color: #666;")') == ["color: #666;"]
    assert hard_coded_colours('x = "font-size: 18px; font-weight: 600;"') != []
