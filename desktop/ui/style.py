"""Colours that stay readable on every palette: light, dark and high contrast.

Widgets never hard-code a colour. Text that is merely quieter uses the palette's
``PlaceholderText`` role; what has a meaning (a success, a warning, an error, an open day)
asks this module, which answers from the application's palette:

* light and dark palettes get tinted backgrounds with a text colour of enough contrast
  (WCAG AA, 4.5:1 and more, against that tint);
* the high-contrast theme gets no tints at all: the palette's own text and window colours,
  a solid border, and bold where a tint would have told the difference.

:func:`apply_theme` (at start, from Preferences or the system) sets the palette; the helpers
read the palette when a widget is made or a message shown, so build widgets after it.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class Tone(StrEnum):
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


class Theme(StrEnum):
    """The Preferences choice; SYSTEM follows the platform (its dark mode and contrast)."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


#: (background, border, text) per tone on a light and on a dark palette.
_LIGHT = {
    Tone.INFO: ("#eef4fb", "#9bbbe0", "#1d3f66"),
    Tone.SUCCESS: ("#eaf6ef", "#7cc49a", "#14532d"),
    Tone.WARNING: ("#fff7e6", "#e8c070", "#5c3f00"),
    Tone.ERROR: ("#fdeeee", "#e59a9a", "#7a1f1f"),
}
_DARK = {
    Tone.INFO: ("#172a40", "#4a78ad", "#d3e5ff"),
    Tone.SUCCESS: ("#14301f", "#3f8f5f", "#c9f0d6"),
    Tone.WARNING: ("#362a0e", "#a8842c", "#ffe8ad"),
    Tone.ERROR: ("#3d1717", "#b35a5a", "#ffd6d6"),
}
#: Text in a tone's colour on the plain window background (a field's error, "Online").
_TEXT_ON_LIGHT = {Tone.INFO: "#1d4f8a", Tone.SUCCESS: "#1a6b34", Tone.WARNING: "#8a4b00",
                  Tone.ERROR: "#b3261e"}
_TEXT_ON_DARK = {Tone.INFO: "#9cc5ff", Tone.SUCCESS: "#7fd69b", Tone.WARNING: "#ffc266",
                 Tone.ERROR: "#ff9b94"}

_high_contrast = False


def set_high_contrast(on: bool) -> None:
    """The high-contrast look is on (set by :func:`apply_theme`; tests may set it)."""
    global _high_contrast
    _high_contrast = on


def high_contrast() -> bool:
    return _high_contrast


def _palette() -> QPalette:
    app = QApplication.instance()
    return app.palette() if isinstance(app, QApplication) else QPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    """A dark window background (the text is light)."""
    window = (palette or _palette()).color(QPalette.ColorRole.Window)
    return window.lightnessF() < 0.5


def tone_colours(tone: Tone) -> tuple[QColor, QColor, QColor]:
    """(background, border, text) of a message of ``tone`` on the current palette."""
    palette = _palette()
    if _high_contrast:
        text = palette.color(QPalette.ColorRole.WindowText)
        return palette.color(QPalette.ColorRole.Window), text, text
    background, border, text_name = (_DARK if is_dark(palette) else _LIGHT)[tone]
    return QColor(background), QColor(border), QColor(text_name)


def tone_text(tone: Tone) -> QColor:
    """A text colour for ``tone`` on the window background (high contrast: the text colour)."""
    palette = _palette()
    if _high_contrast:
        return palette.color(QPalette.ColorRole.WindowText)
    return QColor((_TEXT_ON_DARK if is_dark(palette) else _TEXT_ON_LIGHT)[tone])


def tone_style(object_name: str, tone: Tone, *, radius: int = 5, padding: int = 0) -> str:
    """A style sheet for a frame or label named ``object_name``: tinted background, border,
    and its labels' text in the tone's readable colour."""
    background, border, text = tone_colours(tone)
    width = 2 if _high_contrast else 1
    pad = f" padding: {padding}px;" if padding else ""
    return (f"#{object_name} {{ background: {background.name()}; color: {text.name()};"
            f" border: {width}px solid {border.name()}; border-radius: {radius}px;{pad} }}"
            f" #{object_name} QLabel {{ color: {text.name()}; background: transparent;"
            f" border: none; }}")


def text_style(tone: Tone, *, bold: bool = False) -> str:
    """``color: …`` (and bold in high contrast, where colour alone says nothing) for a label."""
    weight = " font-weight: 600;" if bold or _high_contrast else ""
    return f"color: {tone_text(tone).name()};{weight}"


def make_quiet(widget: QWidget) -> QWidget:
    """Secondary text (a time zone, a hint): the palette's placeholder colour, which every
    theme keeps readable. No style sheet, so it follows the palette."""
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return widget


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font made ``factor`` times larger (headings): relative, so that the
    Preferences text size and the system's font size scale headings too."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def heading(label: QLabel, factor: float = 1.25) -> QLabel:
    label.setFont(scaled_font(label, factor, bold=True))
    return label


def primary_button_style(object_name: str) -> str:
    """The one main action of a page (Book): the palette's highlight, readable when disabled."""
    palette = _palette()
    if _high_contrast:
        return (f"QPushButton#{object_name} {{ font-weight: 600; border: 3px solid "
                f"{palette.color(QPalette.ColorRole.WindowText).name()}; padding: 6px 18px; }}")
    background = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.HighlightedText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button)
    disabled_text = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    return (f"QPushButton#{object_name} {{ background: {background.name()}; color: "
            f"{text.name()}; font-weight: 600; padding: 6px 18px; border-radius: 4px; }}"
            f" QPushButton#{object_name}:focus {{ border: 2px solid "
            f"{palette.color(QPalette.ColorRole.WindowText).name()}; }}"
            f" QPushButton#{object_name}:disabled {{ background: {disabled.name()}; color: "
            f"{disabled_text.name()}; }}")


# ---------------------------------------------------------------------------- themes


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
            (roles.Window, "#202124"), (roles.WindowText, "#e8eaed"), (roles.Base, "#292a2d"),
            (roles.AlternateBase, "#303134"), (roles.Text, "#e8eaed"),
            (roles.Button, "#303134"), (roles.ButtonText, "#e8eaed"),
            (roles.BrightText, "#ffffff"), (roles.Highlight, "#2f6bd1"),
            (roles.HighlightedText, "#ffffff"), (roles.PlaceholderText, "#a8adb3"),
            (roles.ToolTipBase, "#303134"), (roles.ToolTipText, "#e8eaed"),
            (roles.Link, "#8ab4f8"), (roles.LinkVisited, "#c58af9"), (roles.Light, "#4a4c50"),
            (roles.Midlight, "#3c4043"), (roles.Mid, "#5f6368"), (roles.Dark, "#17181a"),
            (roles.Shadow, "#000000")):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa0a6"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Button, QColor("#2a2b2e"))
    return palette


def high_contrast_palette() -> QPalette:
    """White on black, yellow selection (as Windows' High Contrast Black): every text 21:1 or
    close, disabled text still readable (≥ 7:1)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
            (roles.Window, "#000000"), (roles.WindowText, "#ffffff"), (roles.Base, "#000000"),
            (roles.AlternateBase, "#1a1a1a"), (roles.Text, "#ffffff"),
            (roles.Button, "#000000"), (roles.ButtonText, "#ffffff"),
            (roles.BrightText, "#ffff00"), (roles.Highlight, "#ffff00"),
            (roles.HighlightedText, "#000000"), (roles.PlaceholderText, "#e6e6e6"),
            (roles.ToolTipBase, "#000000"), (roles.ToolTipText, "#ffffff"),
            (roles.Link, "#00ffff"), (roles.LinkVisited, "#ff80ff"), (roles.Light, "#ffffff"),
            (roles.Midlight, "#ffffff"), (roles.Mid, "#ffffff"), (roles.Dark, "#ffffff"),
            (roles.Shadow, "#ffffff")):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#b3b3b3"))
    return palette


#: High contrast: Fusion draws frames a shade darker than the window, which on black is
#: black. Every control gets a white frame, the focused one a thick yellow one, and check
#: marks a filled box.
HIGH_CONTRAST_SHEET = """
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QListView, QTableView,
QTreeView, QPushButton, QToolButton, QTabBar::tab, QGroupBox, QScrollArea#form-scroll {
    border: 1px solid #ffffff;
}
QPushButton, QComboBox, QLineEdit, QAbstractSpinBox { padding: 3px 6px; }
QTabBar::tab { padding: 4px 10px; }
QTabBar::tab:selected { background: #ffff00; color: #000000; }
QGroupBox { margin-top: 1.4em; padding-top: 4px; }
QGroupBox::title { subcontrol-origin: margin; left: 6px; padding: 0 4px; }
*:focus { border: 2px solid #ffff00; }
QCheckBox::indicator, QRadioButton::indicator {
    width: 14px; height: 14px; border: 2px solid #ffffff; background: #000000;
}
QRadioButton::indicator { border-radius: 9px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked { background: #ffff00; }
QCheckBox:focus, QRadioButton:focus { border: none; color: #ffff00; }
QCheckBox::indicator:focus, QRadioButton::indicator:focus { border-color: #ffff00; }
QPushButton:disabled, QLineEdit:disabled, QComboBox:disabled { border: 1px dashed #b3b3b3; }
"""


def system_wants_high_contrast() -> bool:
    """The platform's contrast setting (Qt 6.10+: Windows High Contrast, macOS Increase
    Contrast, GNOME's high-contrast theme)."""
    style_hints = QGuiApplication.styleHints()  # kept: the hints below belong to it
    accessibility = getattr(style_hints, "accessibility", None)
    if accessibility is None:  # before Qt 6.10
        return False
    try:
        hints = accessibility()
        return bool(hints.contrastPreference() == Qt.ContrastPreference.HighContrast)
    except (AttributeError, RuntimeError):
        return False


def apply_theme(app: QApplication, theme: Theme | str | None) -> Theme:
    """Set the palette for ``theme`` (None or unknown: the system's). Returns the theme in
    effect. Call before the windows are built (message colours are read when shown)."""
    try:
        chosen = Theme(theme) if theme else Theme.SYSTEM
    except ValueError:
        chosen = Theme.SYSTEM
    if chosen is Theme.SYSTEM and system_wants_high_contrast():
        chosen = Theme.HIGH_CONTRAST
    if chosen is not Theme.SYSTEM:
        # Fusion draws every control from the palette (native styles may ignore it).
        app.setStyle("Fusion")
    if chosen is Theme.DARK:
        app.setPalette(dark_palette())
    elif chosen is Theme.HIGH_CONTRAST:
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(app.styleSheet() + HIGH_CONTRAST_SHEET)
    elif chosen is Theme.LIGHT:
        app.setPalette(app.style().standardPalette())
    set_high_contrast(chosen is Theme.HIGH_CONTRAST)
    return chosen


def apply_text_size(app: QApplication, percent: int | None) -> None:
    """Make every font ``percent`` % of the system's (Preferences: 100–200 %)."""
    if not percent or percent == 100:
        return
    font = QFont(app.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * percent / 100)
    else:
        font.setPixelSize(round(font.pixelSize() * percent / 100))
    app.setFont(font)
