"""File › Preferences: the desk's language, theme and text size, kept in the settings file and
applied the next time Frontdesk starts (every window is built in one language and one palette;
switching them under open work would leave half-translated pages behind).

"System" (the first entry of each list) stores nothing, so the desk follows the computer:
its LANG/LANGUAGE, its dark or high-contrast setting, its font size.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.auth.settings import SettingsFile
from desktop.preferences import LANGUAGES, TEXT_SIZES, DisplayPreferences
from desktop.ui.announce import announce
from desktop.ui.plain_text import plain_label
from desktop.ui.style import Theme, Tone, make_quiet, text_style

log = logging.getLogger(__name__)


def language_name(code: str) -> str:
    """A language in its own words ("English", "Español"), as language pickers show them."""
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


class PreferencesDialog(QDialog):
    """Reads the settings file when opened; OK writes it (a failure says so and keeps the
    dialog open with the choices made)."""

    def __init__(self, settings: SettingsFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences-dialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        stored = settings.load()
        self.saved: DisplayPreferences | None = None

        system = QLocale.system()
        self.language = QComboBox(self)
        self.language.setObjectName("preferences-language")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System ({language})").format(
            language=system.nativeLanguageName() or system.name()), "")
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self._select(self.language, stored.language or "")

        self.theme = QComboBox(self)
        self.theme.setObjectName("preferences-theme")
        self.theme.setAccessibleName(self.tr("Theme"))
        for text, value in ((self.tr("System"), ""), (self.tr("Light"), Theme.LIGHT.value),
                            (self.tr("Dark"), Theme.DARK.value),
                            (self.tr("High contrast"), Theme.HIGH_CONTRAST.value)):
            self.theme.addItem(text, value)
        self._select(self.theme, stored.theme or "")

        self.text_size = QComboBox(self)
        self.text_size.setObjectName("preferences-text-size")
        self.text_size.setAccessibleName(self.tr("Text size"))
        self.text_size.addItem(self.tr("System"), 0)
        for size in TEXT_SIZES:
            self.text_size.addItem(self.tr("{percent} %").format(
                percent=QLocale().toString(size)), size)
        self._select(self.text_size, stored.text_size or 0)

        form = QFormLayout()
        for text, combo in ((self.tr("&Language"), self.language),
                            (self.tr("&Theme"), self.theme),
                            (self.tr("Text &size"), self.text_size)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            form.addRow(label, combo)

        note = plain_label(self, "preferences-note", self.tr(
            "Changes apply the next time Frontdesk starts."))
        note.setWordWrap(True)
        make_quiet(note)
        self.message = plain_label(self, "preferences-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(text_style(Tone.ERROR))
        self.message.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)
        self.language.setFocus()

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def chosen(self) -> DisplayPreferences:
        return DisplayPreferences(language=self.language.currentData() or None,
                                  theme=self.theme.currentData() or None,
                                  text_size=self.text_size.currentData() or None)

    def _save(self) -> None:
        chosen = self.chosen()
        try:
            self._settings.update(language=chosen.language, theme=chosen.theme,
                                  text_size=chosen.text_size)
        except OSError as exc:
            log.warning("Could not save the preferences: %s", exc)
            text = self.tr("The preferences could not be saved ({reason}). Nothing was "
                           "changed; check that the settings folder can be written to.").format(
                reason=exc.strerror or type(exc).__name__)
            self.message.setText(text)
            self.message.show()
            announce(self.message, text, assertive=True)
            return
        self.saved = chosen
        self.accept()
