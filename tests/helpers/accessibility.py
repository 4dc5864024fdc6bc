"""What a screen reader finds in a window: its accessibility tree, walked as assistive
technology walks it (``QAccessible.queryAccessibleInterface`` and ``child(i)``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

R = QAccessible.Role
#: Controls a person operates: each needs a name a screen reader can say.
INTERACTIVE = frozenset({
    R.Button, R.CheckBox, R.RadioButton, R.ComboBox, R.EditableText, R.SpinBox, R.Slider,
    R.Dial, R.List, R.Table, R.Tree, R.PageTab, R.ButtonMenu, R.ButtonDropDown, R.Link,
    R.ProgressBar, R.Switch,
})
#: Parts of a control that take their name from their content (rows, cells, list items),
#: and the insides of composite controls (a combo box's popup, a scroll bar).
SKIP_BELOW = frozenset({R.ComboBox, R.ScrollBar, R.List, R.Table, R.Tree, R.SpinBox,
                        R.MenuBar, R.PageTabList})


@dataclass(frozen=True)
class Node:
    role: QAccessible.Role
    name: str
    description: str
    widget: QWidget | None
    focusable: bool

    def label(self) -> str:
        widget = self.widget
        what = (f"{type(widget).__name__} '{widget.objectName()}'" if widget is not None
                else "(no widget)")
        return f"{self.role.name} {what}"


def walk(root: QWidget) -> Iterator[Node]:
    """Every visible node under ``root`` (the parts of composite controls left out)."""
    QAccessible.setActive(True)
    interface = QAccessible.queryAccessibleInterface(root)
    assert interface is not None, root
    assert interface.isValid(), root
    yield from _walk(interface, depth=0)


def _walk(interface: QAccessibleInterface, depth: int) -> Iterator[Node]:
    state = interface.state()
    if state.invisible or depth > 60:
        return
    target = interface.object()
    widget = target if isinstance(target, QWidget) else None
    role = interface.role()
    yield Node(role=role, name=interface.text(QAccessible.Text.Name).strip(),
               description=interface.text(QAccessible.Text.Description).strip(),
               widget=widget, focusable=bool(state.focusable))
    if role in SKIP_BELOW:
        return
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None and child.isValid():
            yield from _walk(child, depth + 1)


def _has_buddy(widget: QWidget) -> bool:
    window = widget.window()
    return any(label.buddy() is widget for label in window.findChildren(QLabel))


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls a person can operate (or focus) that a screen reader cannot name."""
    QApplication.processEvents()
    missing: list[str] = []
    for node in walk(root):
        if node.role not in INTERACTIVE and not (node.focusable and node.widget is not None):
            continue
        if node.widget is None or not node.widget.isVisible():
            continue
        if isinstance(node.widget, QComboBox):
            # A combo box without a name is read by its current item ("Everyone"): say what
            # it chooses, with an accessible name or a label whose buddy it is.
            named = bool(node.widget.accessibleName()) or _has_buddy(node.widget)
        else:
            named = bool(node.name)
        if not named:
            missing.append(node.label())
    return missing
