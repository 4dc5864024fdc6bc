"""Questions the day asks before an action: cancelling (who and when, and a message to the
client). Texts from the API or the receptionist are shown as plain text."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.day.entries import DayEntry
from desktop.ui.formatting import long_day
from desktop.ui.plain_text import plain_label

#: The platform's message field is short text; more is refused or cut.
MESSAGE_MAX = 1000


class MessageBox(QPlainTextEdit):
    """An optional message to the client, kept to :data:`MESSAGE_MAX` characters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("client-message")
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        self.textChanged.connect(self._limit)

    def message(self) -> str | None:
        text = self.toPlainText().strip()
        return text or None

    def _limit(self) -> None:
        text = self.toPlainText()
        if len(text) > MESSAGE_MAX:
            self.setPlainText(text[:MESSAGE_MAX])


class CancelDialog(QDialog):
    """"Cancel Ann Lee's Massage, Wednesday, December 2, 2026 at 10:30 AM?" with an optional
    message to the client. ``message()`` after ``exec()`` returned Accepted."""

    def __init__(self, entry: DayEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancel-dialog")
        self.setWindowTitle(self.tr("Cancel appointment"))
        start = entry.start
        when = entry.time_text()
        if start is not None:
            when = self.tr("{day} at {time}").format(
                day=long_day(start.astimezone(ZoneInfo(entry.zone)).date()),
                time=entry.time_text())
        question = plain_label(self, "cancel-question", self.tr(
            "Cancel {client}'s {service}, {when}?").format(
            client=entry.client_text(), service=entry.service_text() or self.tr("appointment"),
            when=when))
        question.setWordWrap(True)
        font = question.font()
        font.setBold(True)
        question.setFont(font)
        note = plain_label(self, "cancel-note", self.tr(
            "The time becomes free for others. The client is told by the platform; you can "
            "add a message:"))
        note.setWordWrap(True)
        self.message_box = MessageBox(self)
        self.message_box.setAccessibleName(self.tr("Message to the client (optional)"))
        label = QLabel(self.tr("&Message to the client (optional)"), self)
        label.setBuddy(self.message_box)
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(self.tr("Cancel the &appointment"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirm-cancel")
        keep = buttons.addButton(self.tr("&Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        keep.setObjectName("keep-appointment")
        keep.setDefault(True)  # Enter never cancels by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(note)
        layout.addWidget(label)
        layout.addWidget(self.message_box)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def message(self) -> str | None:
        return self.message_box.message()
