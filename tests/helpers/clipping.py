"""Text that does not fit its widget: a label, button or tab whose words are cut off."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

#: Pixels of slack: sub-pixel rounding differs between font back ends.
SLACK = 2


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible text under ``root`` that its widget cannot show whole."""
    for _ in range(5):  # layouts settle over a few turns of the event loop
        QApplication.processEvents()
    found: list[str] = []
    for label in root.findChildren(QLabel):
        if not _shown(label) or not label.text() or (label.pixmap() and not label.text()):
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + SLACK:
                found.append(f"label {label.objectName()!r} {label.text()[:50]!r}: "
                             f"needs {needed} px high, has {label.height()}")
        elif label.sizeHint().width() > label.width() + SLACK:
            found.append(f"label {label.objectName()!r} {label.text()[:50]!r}: needs "
                         f"{label.sizeHint().width()} px wide, has {label.width()}")
    for button in root.findChildren(QAbstractButton):
        if not _shown(button) or not button.text():
            continue
        hint = button.sizeHint()
        if hint.width() > button.width() + SLACK:
            found.append(f"button {button.objectName()!r} {button.text()!r}: needs "
                         f"{hint.width()} px wide, has {button.width()}")
    for bar in root.findChildren(QTabBar):
        if not _shown(bar):
            continue
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&", "")
            needed = bar.fontMetrics().horizontalAdvance(text)
            if needed > bar.tabRect(index).width():
                found.append(f"tab {text!r}: needs {needed} px, has "
                             f"{bar.tabRect(index).width()}")
    for box in root.findChildren(QGroupBox):
        if _shown(box) and box.fontMetrics().horizontalAdvance(box.title()) > box.width():
            found.append(f"group {box.title()!r}")
    return found
