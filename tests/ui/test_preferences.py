"""Preferences (language, theme, text size): kept in the settings file, read back at the next
start; the language otherwise follows LANG / LANGUAGE; Qt's own buttons speak it too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.auth.settings import SettingsFile
from desktop.preferences import DisplayPreferences, load_display_preferences
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import PreferencesDialog

ROOT = Path(__file__).resolve().parents[2]


def test_the_choices_are_kept_in_the_settings_file_beside_the_connection(
        qtbot: QtBot, tmp_path: Path) -> None:
    settings = SettingsFile(tmp_path / "settings.json")
    settings.update(api_url="https://api.example.com", business_id="b1")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == DisplayPreferences()  # nothing chosen: the system's
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("high-contrast"))
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(150))
    dialog.findChild(QDialogButtonBox).button(  # type: ignore[union-attr]
        QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.saved == DisplayPreferences("es", "high-contrast", 150)
    stored = json.loads(settings.path.read_text())
    assert stored["language"] == "es"
    assert stored["api_url"] == "https://api.example.com"  # the rest is untouched
    assert load_display_preferences(settings.path) == DisplayPreferences("es", "high-contrast",
                                                                         150)
    again = PreferencesDialog(settings)
    qtbot.addWidget(again)
    assert again.chosen() == DisplayPreferences("es", "high-contrast", 150)


def test_back_to_the_system_stores_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    settings = SettingsFile(tmp_path / "settings.json")
    settings.update(language="es", theme="dark", text_size=200)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    for combo in (dialog.language, dialog.theme, dialog.text_size):
        combo.setCurrentIndex(0)
    dialog.findChild(QDialogButtonBox).button(  # type: ignore[union-attr]
        QDialogButtonBox.StandardButton.Ok).click()
    assert set(json.loads(settings.path.read_text())) == {"version"}


def test_a_settings_file_that_cannot_be_written_says_so_and_keeps_the_dialog(
        qtbot: QtBot, tmp_path: Path) -> None:
    blocked = tmp_path / "settings.json"
    blocked.mkdir()  # a folder where the file should be: every write fails, even as root
    dialog = PreferencesDialog(SettingsFile(blocked))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.findChild(QDialogButtonBox).button(  # type: ignore[union-attr]
        QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.saved is None
    assert "could not be saved" in dialog.message.text()
    assert dialog.theme.currentData() == "dark"  # the choice is still there


def test_unreadable_or_odd_preferences_count_as_not_chosen(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert load_display_preferences(path) == DisplayPreferences()
    path.write_text(json.dumps({"language": "es; rm -rf /", "theme": "purple",
                                "text_size": 900}))
    assert load_display_preferences(path) == DisplayPreferences()
    assert SettingsFile(path).load().theme is None


def test_preferences_are_reachable_from_the_file_menu(qtbot: QtBot, window: MainWindow,
                                                     tmp_path: Path) -> None:
    window.settings_file = SettingsFile(tmp_path / "settings.json")
    assert window.action_preferences in window.menuBar().actions()[0].menu().actions()  # type: ignore[union-attr]
    assert not window.action_preferences.shortcut().isEmpty()
    opened: list[PreferencesDialog] = []

    def answer(self: PreferencesDialog) -> int:
        opened.append(self)
        self.language.setCurrentIndex(self.language.findData("es"))
        self._save()
        return 1

    original = PreferencesDialog.exec
    PreferencesDialog.exec = answer  # type: ignore[method-assign]
    try:
        window.action_preferences.trigger()
    finally:
        PreferencesDialog.exec = original  # type: ignore[method-assign]
    assert opened
    assert "next time" in window.statusBar().currentMessage()
    assert SettingsFile(tmp_path / "settings.json").load().language == "es"


START = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtWidgets import QApplication, QDialogButtonBox
    from desktop.ui.application import create_application
    from desktop.ui.style import high_contrast
    app = create_application(["frontdesk"])
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    print(QLocale().name())
    print(QCoreApplication.translate("MainWindow", "&File"))
    print(box.button(QDialogButtonBox.StandardButton.Cancel).text())
    print(app.layoutDirection().name, high_contrast(), round(app.font().pointSizeF()))
""")


def start(tmp_path: Path, preferences: dict[str, object] | None = None,
          **environment: str) -> list[str]:
    """A fresh Frontdesk process's language, formats, Qt's buttons, direction and look."""
    config = tmp_path / "config"
    (config / "frontdesk").mkdir(parents=True, exist_ok=True)
    if preferences is not None:
        (config / "frontdesk" / "settings.json").write_text(json.dumps(preferences))
    env = {key: value for key, value in os.environ.items()
           if key not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config), **environment)
    done = subprocess.run([sys.executable, "-c", START], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip().splitlines()


def test_the_language_follows_the_system(tmp_path: Path) -> None:
    formats, file_menu, cancel, look = start(tmp_path, LANG="es_AR.UTF-8")
    assert (formats, file_menu, cancel) == ("es_AR", "&Archivo", "Cancelar")
    assert look.startswith("LeftToRight")
    # LANGUAGE is a list of preferences: German first (not spoken here), then Spanish.
    _, file_menu, _, _ = start(tmp_path, LANG="de_DE.UTF-8", LANGUAGE="de:es")
    assert file_menu == "&Archivo"
    formats, file_menu, cancel, look = start(tmp_path, LC_ALL="he_IL.UTF-8")
    assert (formats, file_menu) == ("he_IL", "&File")
    assert look.startswith("RightToLeft")
    assert start(tmp_path, LANG="C")[1] == "&File"


def test_the_preferences_apply_at_the_next_start(tmp_path: Path) -> None:
    base = start(tmp_path, LANG="en_US.UTF-8")
    chosen = start(tmp_path, {"language": "es", "theme": "high-contrast", "text_size": 200},
                   LANG="en_US.UTF-8")
    # Spanish words with Latin American formats (the system speaks English), Qt's own
    # buttons in Spanish, high contrast, and twice the text.
    assert chosen[:3] == ["es_419", "&Archivo", "Cancelar"]
    _direction, contrast, size = chosen[3].split()
    assert contrast == "True"
    assert int(size) == 2 * int(base[3].split()[2])
    # The system's region is kept when it speaks the chosen language.
    assert start(tmp_path, {"language": "es"}, LANG="es_MX.UTF-8")[0] == "es_MX"




def test_the_quick_start_up_read_finds_the_same_settings_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from desktop.paths import AppPaths
    from desktop.preferences import default_settings_file

    assert Path(default_settings_file()) == AppPaths.default().settings_file
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert Path(default_settings_file()) == AppPaths.default().settings_file
