"""The catalogues: every string of the code is in the .ts files and translated (the CI check),
placeholders and shortcut letters survive translation, and the built .qm files are what the
app loads — Spanish words and plurals, English plurals."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def _packaging_translations() -> ModuleType:
    spec = importlib.util.spec_from_file_location("packaging_translations",
                                                  ROOT / "packaging" / "translations.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tools = _packaging_translations()


def test_every_string_in_the_code_is_translated(capsys: pytest.CaptureFixture[str]) -> None:
    """``packaging/translations.py check``: lupdate on copies of the .ts files finds no string
    missing, none untranslated, no placeholder or shortcut letter lost."""
    assert tools.check() == 0, capsys.readouterr().err


def test_the_check_fails_on_a_string_nobody_translated(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "desktop"
    sources.mkdir()
    (sources / "page.py").write_text(
        "class Page:\n    def build(self):\n        return self.tr('A brand new sentence')\n")
    i18n = tmp_path / "i18n"
    i18n.mkdir()
    shutil.copy(I18N / "frontdesk_es.ts", i18n / "frontdesk_es.ts")
    monkeypatch.setattr(tools, "SOURCES", sources)
    monkeypatch.setattr(tools, "I18N", i18n)
    assert tools.check() == 1


def test_the_check_fails_on_a_lost_placeholder_or_shortcut(tmp_path: Path) -> None:
    ts = tmp_path / "frontdesk_es.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="es">'
        "<context><name>Page</name>"
        "<message><source>Signed in to {name}.</source>"
        "<translation>Sesión iniciada en {nombre}.</translation></message>"
        "<message><source>&amp;Book</source><translation>Reservar</translation></message>"
        "<message><source>Fine {x}</source><translation>Bien {x}</translation></message>"
        "</context><context><name></name>"
        "<message><source>lost</source><translation>perdido</translation></message>"
        "</context></TS>", encoding="utf-8")
    problems = tools.mismatches(ts)
    assert len(problems) == 3, problems
    assert any("placeholders" in p for p in problems)
    assert any("shortcut" in p for p in problems)
    assert any("no context" in p for p in problems)


def test_spanish_translates_every_message() -> None:
    root = ET.parse(I18N / "frontdesk_es.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 500
    assert tools.unfinished(I18N / "frontdesk_es.ts") == []


def _load(name: str) -> QTranslator:
    tools.build()
    translator = QTranslator()
    assert translator.load(name, str(I18N)), name
    return translator


def test_the_built_spanish_catalogue_gives_words_and_plurals() -> None:
    translator = _load("frontdesk_es")
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        translate = QCoreApplication.translate
        assert translate("MainWindow", "&File") == "&Archivo"
        assert translate("DayEntry", "Done") == "Atendido"
        assert translate("MessageBanner", "Done") == "Listo"
        assert translate("DayToolbar", "%n booked", "", 1) == "1 reservado"
        assert translate("DayToolbar", "%n booked", "", 12) == "12 reservados"
        assert translate("Drafts", "Saved — will be sent when back online.") \
            .startswith("Guardado")
    finally:
        app.removeTranslator(translator)


def test_english_plurals_come_from_the_english_catalogue() -> None:
    translator = _load("frontdesk_en")
    assert translator.translate("DetailsPanel", "%n appointment(s) selected", "", 1) == \
        "%n appointment selected"
    assert translator.translate("DetailsPanel", "%n appointment(s) selected", "", 3) == \
        "%n appointments selected"
    # Forms written by hand stay: the verb agrees with the count.
    assert translator.translate("DraftsPanel", "%n needs attention", "", 2) == \
        "%n need attention"


def test_english_plurals_are_filled_from_the_source(tmp_path: Path) -> None:
    ts = tmp_path / "frontdesk_en.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="en">'
        "<context><name>A</name>"
        '<message numerus="yes"><source>%n hour(s)</source><translation type="unfinished">'
        "<numerusform></numerusform><numerusform></numerusform></translation></message>"
        '<message numerus="yes"><source>%n booked</source><translation type="unfinished">'
        "<numerusform></numerusform><numerusform></numerusform></translation></message>"
        "</context></TS>", encoding="utf-8")
    assert tools.fill_english_plurals(ts) == 2
    forms = [[form.text for form in message.iter("numerusform")]
             for message in ET.parse(ts).getroot().iter("message")]
    assert forms == [["%n hour", "%n hours"], ["%n booked", "%n booked"]]
    assert tools.unfinished(ts) == []
