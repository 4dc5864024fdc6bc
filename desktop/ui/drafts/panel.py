"""The drafts panel: every operation in the outbox (bookings to make, cancellations, visits
marked, reschedules, moves, waitlist entries), what waits, what needs a person, what is done.

Each row says in plain words what it does and where it stands ("Cancel 10:30 Ann Lee —
waiting to send", "Move to 15:30 — time taken: pick another or drop"), and the buttons offer
the receptionist's decisions for the selected one (``desktop.outbox.policy.decisions``).
Every label is plain text: names and messages from the API are never read as rich text.

Store reads and every action run on TaskRunner workers (scope ``drafts``); results come back
on the GUI thread. The panel refreshes itself when the sync service says an operation or the
counts changed, coalescing bursts into one read.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.booking.saved_booking import SavedBooking
from desktop.outbox.model import Decision, Operation, OperationKind, OperationStatus
from desktop.outbox.policy import (
    ATTENTION,
    DELETABLE,
    EDITABLE,
    WAITING,
    decisions,
    time_has_passed,
)
from desktop.outbox.store import OutboxStore
from desktop.outbox.wording import action_text, describe, passed_text, status_text
from desktop.ui.announce import announce
from desktop.ui.drafts.sync_service import SyncService
from desktop.ui.messages import plain_words
from desktop.ui.plain_text import ask_plainly, plain_tooltip
from desktop.ui.style import Tone, tone_colours, tone_style
from desktop.ui.tasks import CancelToken, TaskRunner

S = OperationStatus
SCOPE = "drafts"
#: Row tints: one that needs a person must stand out from the calm ones (the status column
#: also says it in words, in bold).
ROW_TONES = {S.NEEDS_ATTENTION: Tone.WARNING, S.FAILED: Tone.ERROR, S.SENT: Tone.SUCCESS}
STATUS_COLUMN = 3
REFRESH_DELAY_MS = 100


def _plain_label(name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", ""))
    return button


def when_text(op: Operation) -> str:
    """The booking's date and time in its zone, in the desk's locale."""
    if op.form is not None and op.form.local_time:
        return op.form.local_time  # as the booking page showed it
    moment: datetime | None = op.label.start_time
    if moment is None:
        return ""
    with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
        moment = moment.astimezone(ZoneInfo(op.label.time_zone or "UTC"))
    local = QDateTime(QDate(moment.year, moment.month, moment.day),
                      QTime(moment.hour, moment.minute, 0))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class DraftsPanel(QWidget):
    """The outbox, with Open, Send now / Try again, Pick another time and Drop."""

    #: (draft id, SavedBooking): the booking window loads it back to fix.
    sig_open_draft = Signal(str, object)
    #: A reschedule or move whose time was taken: the day view offers a new time
    #: (then ``store.change_time(op_id, start)``).
    sig_pick_time = Signal(str)
    #: Emitted after every refresh landed on screen (tests and the status bar listen).
    sig_refreshed = Signal()

    def __init__(self, store: OutboxStore, runner: TaskRunner,
                 service: SyncService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_panel")
        self._store = store
        self._runner = runner
        self._service = service
        self._ops: list[Operation] = []

        self.notice = _plain_label("drafts_notice")
        self.notice.setStyleSheet(tone_style("drafts_notice", Tone.WARNING, radius=4,
                                             padding=6))
        self.notice.setVisible(bool(store.recovery_notice))
        self.notice.setText(store.recovery_notice or "")

        columns = (self.tr("What"), self.tr("Service"), self.tr("When"), self.tr("Status"),
                   self.tr("Last problem"))
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName("drafts_table")
        self.table.setAccessibleName(self.tr("Drafts and changes waiting to be sent"))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(columns) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())

        self.open_button = _button(self.tr("Open"), "drafts_open")
        self.send_button = _button(self.tr("Send now"), "drafts_send_now")
        self.pick_time_button = _button(self.tr("Pick another time"), "drafts_pick_time")
        self.delete_button = _button(self.tr("Drop"), "drafts_delete")
        self.delete_button.setToolTip(self.tr("Remove the selected line without sending it"))
        self.open_button.clicked.connect(self.open_selected)
        self.send_button.clicked.connect(self.send_selected)
        self.pick_time_button.clicked.connect(self.pick_time_for_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.message = _plain_label("drafts_message")
        self.summary = _plain_label("drafts_summary", wrap=False)

        buttons = QHBoxLayout()
        for button in (self.open_button, self.send_button, self.pick_time_button,
                       self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        if service is not None:
            service.sig_operation_changed.connect(self._schedule_refresh)
            service.sig_counts_changed.connect(self._schedule_refresh)
        self._update_buttons()

    # ------------------------------------------------------------------ reading

    def _schedule_refresh(self, *_args: Any) -> None:
        self._refresh_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        """Read again when shown: a draft's time may have passed since the last read."""
        super().showEvent(event)
        self._schedule_refresh()

    def refresh(self) -> None:
        """Re-read the outbox on a worker; a newer refresh supersedes an older one."""
        store = self._store

        def read(_token: CancelToken) -> list[Operation]:
            return store.list_operations()

        self._runner.run(read, self._show, self._failed, key="drafts-panel-list", scope=SCOPE)

    def _show(self, ops: list[Operation]) -> None:
        selected = self.selected_id()
        self._ops = list(reversed(ops))  # newest first: what was just drafted is on top
        self.table.setRowCount(len(self._ops))
        now = self._store.clock.now()
        for row, op in enumerate(self._ops):
            passed = time_has_passed(op, now)
            status = passed_text(op) if passed else describe(op).split(" — ", 1)[-1] \
                if op.status in ATTENTION else status_text(op)
            cells = (action_text(op), op.label.service_name, when_text(op), status,
                     op.last_error or "")
            tone = Tone.WARNING if passed and op.status not in ATTENTION \
                else ROW_TONES.get(op.status)
            tint = tone_colours(tone) if tone is not None else None
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, op.id)
                if tint is not None:
                    background, _border, foreground = tint
                    item.setBackground(QBrush(background))
                    item.setForeground(QBrush(foreground))
                if column == STATUS_COLUMN and (passed or op.status in ATTENTION):
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                if column in (0, 4) and text:
                    # Tool tips guess at rich text: names from the API stay text.
                    item.setToolTip(plain_tooltip(describe(op) if column == 0 else text))
                self.table.setItem(row, column, item)
            if op.id == selected:
                self.table.selectRow(row)
        self.table.resizeRowsToContents()
        waiting = sum(op.status in WAITING for op in self._ops)
        attention = sum(op.status in ATTENTION for op in self._ops)
        summary = self.tr("%n waiting to send", "", waiting)
        if attention:
            summary = self.tr("{waiting} · {attention}").format(
                waiting=summary, attention=self.tr("%n needs attention", "", attention))
        self.summary.setText(summary)
        self._update_buttons()
        self.sig_refreshed.emit()

    def _failed(self, error: BaseException) -> None:
        self._say(str(error) or plain_words(error), assertive=True)

    def _say(self, text: str, *, assertive: bool = False) -> None:
        """The line under the buttons, also announced to screen readers."""
        self.message.setText(text)
        announce(self.message, text, assertive=assertive)

    # ------------------------------------------------------------------ selection

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def selected_operation(self) -> Operation | None:
        wanted = self.selected_id()
        return next((op for op in self._ops if op.id == wanted), None)

    def select_operation(self, op_id: str) -> None:
        for row, op in enumerate(self._ops):
            if op.id == op_id:
                self.table.selectRow(row)
                return

    select_draft = select_operation

    def _update_buttons(self) -> None:
        op = self.selected_operation()
        choices = decisions(op) if op is not None else ()
        self.open_button.setEnabled(
            op is not None and op.kind is OperationKind.CREATE_BOOKING
            and op.status in EDITABLE and not op.needs_lookup)
        self.send_button.setEnabled(op is not None and self._service is not None
                                    and op.status not in (S.SENT, S.SENDING)
                                    and (op.status in WAITING or Decision.RETRY in choices
                                         or op.status is S.DRAFT))
        self.send_button.setText(self.tr("Try again") if op is not None
                                 and op.status in ATTENTION else self.tr("Send now"))
        self.send_button.setAccessibleName(self.send_button.text())
        self.pick_time_button.setVisible(Decision.PICK_TIME in choices
                                         and op is not None
                                         and op.kind is not OperationKind.CREATE_BOOKING)
        self.delete_button.setEnabled(op is not None and op.status in DELETABLE)

    # ------------------------------------------------------------------ decisions

    def open_selected(self) -> None:
        op = self.selected_operation()
        if op is not None and self.open_button.isEnabled():
            self.sig_open_draft.emit(op.id, op.form or SavedBooking())

    def pick_time_for_selected(self) -> None:
        op = self.selected_operation()
        if op is not None:
            self.sig_pick_time.emit(op.id)

    def confirm(self, question: str) -> bool:
        """Ask before destroying anything. Tests patch this (or QMessageBox.question)."""
        return ask_plainly(self, self.tr("Drop"), question, default_no=True)

    def delete_selected(self) -> None:
        op = self.selected_operation()
        if op is None:
            return
        who = op.label.client_name or self.tr("this client")
        if op.status is S.SENT:
            question = self.tr("Remove “{what}” from this list? What was done stays in the "
                               "calendar.").format(what=action_text(op))
        elif op.kind is OperationKind.CREATE_BOOKING:
            when = when_text(op)
            question = (self.tr("Delete the draft for {who}, {when}? It cannot be undone.")
                        if when else self.tr("Delete the draft for {who}? It cannot be "
                                             "undone.")).format(who=who, when=when)
        else:
            question = self.tr("Drop “{what}”? It will not be sent; the booking stays as the "
                               "calendar has it.").format(what=action_text(op))
        if not self.confirm(question):
            return
        store, service = self._store, self._service

        def drop(_token: CancelToken) -> None:
            store.drop(op.id)
            if service is not None:
                service.refresh_counts()

        self.message.clear()
        self._runner.run(drop, lambda _r: self.refresh(), self._failed, scope=SCOPE)

    def send_selected(self) -> None:
        op = self.selected_operation()
        service = self._service
        if op is None or service is None:
            return
        self._say(self.tr("Sending “{what}”…").format(what=action_text(op)))
        self.send_button.setEnabled(False)

        def send(_token: CancelToken) -> Operation:
            return service.send_now(op.id)

        self._runner.run(send, self._sent, self._failed, on_finished=self.refresh,
                         scope=SCOPE)

    def _sent(self, op: Operation) -> None:
        if op.status is S.SENT:
            self._say(describe(op))
        elif op.last_error:
            self._say(op.last_error, assertive=True)
        else:
            self._say(self.tr("It will be sent as soon as the booking service answers."))
