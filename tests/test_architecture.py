"""The house rules of docs/ARCHITECTURE.md, checked mechanically on the source.

* The domain (everything under ``desktop/`` but the UI) never imports Qt, and never the UI:
  the booking client, the outbox and the sandbox run (and are tested) without a display.
* Only the composition roots may reach the UI: ``desktop/app.py`` and ``desktop/__main__.py``
  (they start it) and ``desktop/self_test`` (it drives the real window of an installed build).
* No module under ``desktop/`` grows past 400 lines: a bigger one is doing two jobs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"
QT_PACKAGES = ("PySide6", "shiboken6")
UI_PACKAGE = "desktop.ui"
COMPOSITION_ROOTS = ("desktop.app", "desktop.__main__", "desktop.self_test")
MOST_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def under(name: str, *packages: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


def imported_names(source: str, package: str) -> set[str]:
    """Every module a source imports, anywhere in it (inside functions too), made absolute;
    ``package`` is the package the source's relative imports start from."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def imports_of(path: Path) -> set[str]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imported_names(path.read_text(encoding="utf-8"), package)


def is_domain(path: Path) -> bool:
    return not under(module_name(path), UI_PACKAGE, *COMPOSITION_ROOTS)


def test_the_guard_reads_imports_as_python_does() -> None:
    source = ("import PySide6.QtCore\nfrom ..ui import tasks\nfrom . import ledger\n"
              "def later():\n    from .store import OutboxStore\n")
    names = imported_names(source, "desktop.outbox")
    assert {"PySide6.QtCore", "desktop.ui.tasks", "desktop.outbox.ledger",
            "desktop.outbox.store.OutboxStore"} <= names


def test_the_guard_sees_both_sides_of_the_line() -> None:
    domain = [module_name(path) for path in modules() if is_domain(path)]
    ui = [module_name(path) for path in modules() if not is_domain(path)]
    assert {"desktop.api.client", "desktop.outbox.engine"} <= set(domain)
    assert {"desktop.ui.main_window", "desktop.self_test.drive"} <= set(ui)
    assert any(under(name, "PySide6") for name in imports_of(PACKAGE / "ui" / "main_window.py"))


@pytest.mark.parametrize("path", [p for p in modules() if is_domain(p)], ids=module_name)
def test_the_domain_imports_neither_qt_nor_the_ui(path: Path) -> None:
    reached = imports_of(path)
    qt = sorted(name for name in reached if under(name, *QT_PACKAGES))
    ui = sorted(name for name in reached if under(name, UI_PACKAGE))
    assert not qt, f"{module_name(path)} imports Qt: {qt}"
    assert not ui, f"{module_name(path)} imports the UI: {ui}"


def test_no_module_is_over_the_line_limit() -> None:
    too_long = {module_name(path): count for path in modules()
                if (count := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES}
    assert not too_long, f"over {MOST_LINES} lines (split them by job): {too_long}"
