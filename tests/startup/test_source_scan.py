"""PySide6 no longer reads (and keeps) the source of every module imported after it."""

from __future__ import annotations

import linecache
import sys
import types
from pathlib import Path

import pytest

from desktop.ui import startup  # noqa: F401 - installs the cheap check, as the app does
from desktop.ui.source_scan import stop_source_scans, uses_pyside


def test_a_module_imported_after_qt_is_not_kept_in_linecache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "frontdesk_scan_probe.py"
    source.write_text("VALUE = 'x' * 10\n" * 50, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    try:
        module = __import__("frontdesk_scan_probe")  # through the import hook PySide6 set
        assert module.VALUE == "x" * 10
        assert str(source) not in linecache.cache
    finally:
        sys.modules.pop("frontdesk_scan_probe", None)


def test_stop_source_scans_finds_pysides_check() -> None:
    feature = sys.modules["PySide6.support.feature"]
    assert stop_source_scans()
    assert feature._mod_uses_pyside is uses_pyside


def test_a_module_uses_pyside_when_its_names_come_from_it() -> None:
    from PySide6 import QtCore
    from PySide6.QtCore import QObject

    plain = types.ModuleType("plain")
    plain.json = __import__("json")
    assert not uses_pyside(plain)
    by_class = types.ModuleType("by_class")
    by_class.QObject = QObject
    assert uses_pyside(by_class)
    by_module = types.ModuleType("by_module")
    by_module.QtCore = QtCore
    assert uses_pyside(by_module)
