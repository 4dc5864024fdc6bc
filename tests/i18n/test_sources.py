"""The source code keeps every user-visible string translatable, in shapes Qt's lupdate reads.

lupdate finds ``self.tr("…")``, ``translate("Context", "…")`` and
``QT_TRANSLATE_NOOP("Context", "…")`` by their shape. It silently skips a call whose context
is a variable, files a ``tr`` outside a class (or ``other.tr``) under a context that does not
exist at run time, and cannot see a sentence built with an f-string. These checks read the
code as lupdate does and fail on each of those, and on a literal sentence handed straight to a
Qt text setter.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
#: Not part of the desk's own words: the sandbox (a stand-in server) and the self-test (a
#: support report, read by tests and support staff in English).
NOT_TRANSLATED = ("sandbox", "self_test")
#: Qt calls whose string argument is shown to a person.
TEXT_SETTERS = frozenset({
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "setAccessibleName", "setAccessibleDescription", "addMenu",
    "setTitle", "addTab", "setTabText", "setTabToolTip", "showMessage", "show_message",
    "setHorizontalHeaderLabels", "setSpecialValueText", "addItem", "setLabelText",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QDockWidget", "QListWidgetItem", "QTableWidgetItem", "announce",
})
#: Strings that are the same in every language: the product's name, symbols, examples.
LANGUAGE_FREE = frozenset({"Frontdesk", "✕", "+1 555 123 4567", "name@example.com", ""})


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(DESKTOP.rglob("*.py")):
        if any(part in NOT_TRANSLATED for part in path.relative_to(DESKTOP).parts):
            continue
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(DESKTOP.parent)}:{getattr(node, 'lineno', '?')}"


def _calls(tree: ast.Module) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


def _is_words(node: ast.expr) -> bool:
    """A literal (or f-string) holding letters: words a person reads."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value not in LANGUAGE_FREE and any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_is_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _is_words(node.left) or _is_words(node.right)
    return False


#: The plumbing that hands Qt's translate to domain code: its calls extract nothing.
PLUMBING = frozenset({"i18n.py", "translations.py"})


def test_translate_contexts_are_literals_lupdate_can_read() -> None:
    wrong = []
    for path, tree in _sources():
        if path.name in PLUMBING:
            continue
        for call in _calls(tree):
            if _name(call.func) in ("translate", "QT_TRANSLATE_NOOP") and call.args:
                context = call.args[0]
                if not (isinstance(context, ast.Constant) and isinstance(context.value, str)
                        and context.value):
                    wrong.append(_where(path, call))
    assert wrong == [], "translate() needs a literal context (lupdate skips the call): " \
        + ", ".join(wrong)


def test_tr_is_only_called_on_self_inside_a_class() -> None:
    wrong = []
    for path, tree in _sources():
        classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
        inside = {id(call) for cls in classes for call in ast.walk(cls)
                  if isinstance(call, ast.Call)}
        for call in _calls(tree):
            func = call.func
            if isinstance(func, ast.Name) and func.id in ("tr", "_tr"):
                wrong.append(f"{_where(path, call)} (tr() outside a class)")
            elif isinstance(func, ast.Attribute) and func.attr == "tr":
                owner = func.value
                if not (isinstance(owner, ast.Name) and owner.id == "self"):
                    wrong.append(f"{_where(path, call)} (tr() of another object)")
                elif id(call) not in inside:
                    wrong.append(f"{_where(path, call)} (self.tr outside a class)")
    assert wrong == [], ", ".join(wrong)


def test_translated_texts_are_literals_not_built_strings() -> None:
    """``tr(f"…{x}")`` would look up a text that is in no catalogue: format after."""
    wrong = []
    for path, tree in _sources():
        for call in _calls(tree):
            if _name(call.func) not in ("tr", "translate") or not call.args:
                continue
            text = call.args[0] if _name(call.func) == "tr" else \
                (call.args[1] if len(call.args) > 1 else None)
            if isinstance(text, ast.JoinedStr | ast.BinOp):
                wrong.append(_where(path, call))
    assert wrong == [], ", ".join(wrong)


def test_no_literal_sentence_reaches_a_qt_text_setter() -> None:
    wrong = []
    for path, tree in _sources():
        for call in _calls(tree):
            if _name(call.func) not in TEXT_SETTERS:
                continue
            for argument in [*call.args, *(k.value for k in call.keywords)]:
                if _is_words(argument):
                    wrong.append(f"{_where(path, call)} {ast.unparse(argument)[:60]}")
                if isinstance(argument, ast.Tuple | ast.List):
                    wrong += [f"{_where(path, call)} {ast.unparse(item)[:60]}"
                              for item in argument.elts if _is_words(item)]
    assert wrong == [], "wrap these in self.tr()/translate():\n" + "\n".join(wrong)


def test_no_strftime_anywhere_in_the_app() -> None:
    """Its codes differ by platform (``%-d`` raises on Windows) and ignore the locale."""
    found = [f"{_where(path, call)}" for path, tree in _sources() for call in _calls(tree)
             if _name(call.func) in ("strftime", "strptime")]
    sandbox_too = [str(path) for path in DESKTOP.rglob("*.py")
                   if ".strftime(" in path.read_text(encoding="utf-8")]
    assert found == []
    assert sandbox_too == []


def test_the_checks_above_catch_what_they_look_for(tmp_path: Path) -> None:
    """The detectors themselves, on code that breaks each rule."""
    bad = ast.parse(
        "C = 'Ctx'\n"
        "def f(w):\n"
        "    translate(C, 'skipped by lupdate')\n"
        "    w.tr('wrong context')\n"
        "    label.setText('Hello there')\n"
        "    label.setText(f'{n} found')\n")
    calls = list(_calls(bad))
    assert any(_name(c.func) == "translate" and isinstance(c.args[0], ast.Name) for c in calls)
    assert any(isinstance(c.func, ast.Attribute) and c.func.attr == "tr"
               and isinstance(c.func.value, ast.Name) and c.func.value.id == "w" for c in calls)
    setters = [c for c in calls if _name(c.func) == "setText"]
    assert all(_is_words(c.args[0]) for c in setters)
    assert not _is_words(ast.parse("'Frontdesk'", mode="eval").body)
