"""What is shown in place of the form when a service's definition cannot be read."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from desktop.api.models import SchedulingForm
from desktop.forms import FormDefinitionError, MeetingKind, parse_definition
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.form.generated_form import GeneratedForm

log = logging.getLogger("desktop.forms")

# Shown as translate("FormErrorView", …).
HEADING = QT_TRANSLATE_NOOP("FormErrorView", "This booking form could not be shown")
HINT = QT_TRANSLATE_NOOP("FormErrorView", "Book for an existing client, or ask the business to "
                                          "check its scheduling form.")


class FormErrorView(QWidget):
    """Heading, the plain sentence of the error, and what to do instead. Every problem
    found goes to the log (logger ``desktop.forms``)."""

    def __init__(self, error: FormDefinitionError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("form-error")
        self.error = error
        for problem in error.problems:
            log.warning("scheduling form not shown: %s", problem)

        icon = QLabel(self)
        icon.setObjectName("form-error-icon")
        pixmap = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(pixmap.pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        heading = QLabel(translate("FormErrorView", HEADING), self)
        heading.setObjectName("form-error-heading")
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        message = QLabel(str(error), self)
        message.setObjectName("form-error-message")
        hint = QLabel(translate("FormErrorView", HINT), self)
        hint.setObjectName("form-error-hint")
        for label in (heading, message, hint):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(heading)
        text.addWidget(message)
        text.addWidget(hint)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)


def form_or_error(raw: SchedulingForm | Mapping[str, Any], meeting_kind: MeetingKind | None = None,
                  parent: QWidget | None = None) -> GeneratedForm | FormErrorView:
    """The generated form for a definition, or the error view when it cannot be read."""
    try:
        definition = parse_definition(raw)
    except FormDefinitionError as error:
        return FormErrorView(error, parent)
    return GeneratedForm(definition, meeting_kind, parent)
