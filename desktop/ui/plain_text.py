"""Text from outside (the API, the receptionist) is shown as text, never as rich text.

Qt guesses: a QLabel whose string looks like HTML is rendered as HTML (a service named
``<h1>PAY CASH</h1><a href=…>`` would become a headline and a link), and so are tool tips and
message boxes. Every label that can show data is made with :func:`plain_label`; rich text is
only ever the app's own fixed strings.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def make_plain(label: QLabel) -> QLabel:
    """Plain text, no links opened, selectable but never clickable."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    flags = label.textInteractionFlags() & ~(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    label.setTextInteractionFlags(flags)
    return label


def plain_label(parent: QWidget | None, name: str, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    return make_plain(label)


def plain_tooltip(text: str) -> str:
    """A tool tip that shows ``text`` literally (tool tips have no plain-text switch)."""
    return f"<qt>{html.escape(text)}</qt>" if text else ""


def ask_plainly(parent: QWidget | None, title: str, question: str, *,
                default_no: bool = False) -> bool:
    """A Yes/No question whose text may hold names from the API (shown as text)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No if default_no
                         else QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes
