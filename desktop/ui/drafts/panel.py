"""The drafts panel: what waits in the outbox, what needs a person, and what was booked.

Store reads and every action run on TaskRunner workers (a slow disk or network must not
freeze the desk); results come back on the GUI thread. The panel refreshes itself when the
sync service says a draft or the counts changed, coalescing bursts into one read.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.drafts.store import DELETABLE, EDITABLE, Draft, DraftStatus, DraftStore
from desktop.ui.drafts.sync_service import SyncService
from desktop.ui.messages import plain_words
from desktop.ui.tasks import CancelToken, TaskRunner

STATUS_TEXT = {
    DraftStatus.DRAFT: "Draft",
    DraftStatus.QUEUED: "Waiting to send",
    DraftStatus.SENDING: "Sending…",
    DraftStatus.SENT: "Booked",
    DraftStatus.NEEDS_ATTENTION: "Needs attention",
    DraftStatus.FAILED: "Failed",
}
#: Row tints: a refused draft must stand out from the calm ones.
ROW_COLORS = {
    DraftStatus.NEEDS_ATTENTION: QColor("#fff1c2"),
    DraftStatus.FAILED: QColor("#fbd5d5"),
    DraftStatus.SENT: QColor("#e6f4ea"),
}
COLUMNS = ("Client", "Service", "Time", "Status", "Last problem")
REFRESH_DELAY_MS = 100

W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


class DraftsPanel(QWidget):
    """List of drafts with Open, Send now and Delete."""

    #: (draft id, the form's raw values): the booking window loads them back to fix.
    sig_open_draft = Signal(str, dict)
    #: Emitted after every refresh landed on screen (tests and the status bar listen).
    sig_refreshed = Signal()

    def __init__(self, store: DraftStore, runner: TaskRunner,
                 service: SyncService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_panel")
        self._store = store
        self._runner = runner
        self._service = service
        self._drafts: list[Draft] = []

        self.notice = _named(QLabel(wordWrap=True), "drafts_notice")
        self.notice.setStyleSheet("background:#fff1c2; padding:6px; border-radius:4px;")
        self.notice.setVisible(bool(store.recovery_notice))
        self.notice.setText(store.recovery_notice or "")

        self.table = _named(QTableWidget(0, len(COLUMNS)), "drafts_table")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())

        self.open_button = _named(QPushButton("Open"), "drafts_open")
        self.send_button = _named(QPushButton("Send now"), "drafts_send_now")
        self.delete_button = _named(QPushButton("Delete"), "drafts_delete")
        self.open_button.clicked.connect(self.open_selected)
        self.send_button.clicked.connect(self.send_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.message = _named(QLabel(wordWrap=True), "drafts_message")
        self.summary = _named(QLabel(), "drafts_summary")

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.delete_button)
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
            service.sig_draft_changed.connect(self._schedule_refresh)
            service.sig_counts_changed.connect(self._schedule_refresh)
        self._update_buttons()

    # ------------------------------------------------------------------ reading

    def _schedule_refresh(self, *_args: Any) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Re-read the outbox on a worker; a newer refresh supersedes an older one."""
        store = self._store

        def read(_token: CancelToken) -> list[Draft]:
            return store.list_drafts()

        self._runner.run(read, self._show, self._failed, key="drafts-panel-list")

    def _show(self, drafts: list[Draft]) -> None:
        selected = self.selected_id()
        self._drafts = list(reversed(drafts))  # newest first: what was just drafted is on top
        table = self.table
        table.setRowCount(len(self._drafts))
        for row, draft in enumerate(self._drafts):
            cells = (
                draft.label("client_name") or draft.request.get("client_id", ""),
                draft.label("service_name") or draft.request.get("service_id", ""),
                draft.label("local_time") or draft.request.get("start_time", ""),
                STATUS_TEXT[draft.status],
                draft.last_error or "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                item.setData(Qt.ItemDataRole.UserRole, draft.id)
                color = ROW_COLORS.get(draft.status)
                if color is not None:
                    item.setBackground(QBrush(color))
                if column == 3 and draft.status in (DraftStatus.NEEDS_ATTENTION,
                                                    DraftStatus.FAILED):
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                if column == 4 and text:
                    item.setToolTip(str(text))
                table.setItem(row, column, item)
            if draft.id == selected:
                table.selectRow(row)
        table.resizeRowsToContents()
        self._show_summary()
        self._update_buttons()
        self.sig_refreshed.emit()

    def _show_summary(self) -> None:
        waiting = sum(d.status in (DraftStatus.QUEUED, DraftStatus.SENDING)
                      for d in self._drafts)
        attention = sum(d.status in (DraftStatus.NEEDS_ATTENTION, DraftStatus.FAILED)
                        for d in self._drafts)
        parts = [f"{waiting} waiting to send"]
        if attention:
            parts.append(f"{attention} {'needs' if attention == 1 else 'need'} attention")
        self.summary.setText(" · ".join(parts))

    def _failed(self, error: BaseException) -> None:
        self.message.setText(plain_words(error) if not str(error) else str(error))

    # ------------------------------------------------------------------ selection

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def selected_draft(self) -> Draft | None:
        wanted = self.selected_id()
        return next((d for d in self._drafts if d.id == wanted), None)

    def select_draft(self, draft_id: str) -> None:
        for row, draft in enumerate(self._drafts):
            if draft.id == draft_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        draft = self.selected_draft()
        self.open_button.setEnabled(draft is not None and draft.status in EDITABLE)
        self.send_button.setEnabled(
            draft is not None and self._service is not None
            and draft.status not in (DraftStatus.SENT, DraftStatus.SENDING))
        self.delete_button.setEnabled(draft is not None and draft.status in DELETABLE)

    # ------------------------------------------------------------------ actions

    def open_selected(self) -> None:
        draft = self.selected_draft()
        if draft is not None and draft.status in EDITABLE:
            self.sig_open_draft.emit(draft.id, dict(draft.values))

    def confirm(self, question: str) -> bool:
        """Ask before destroying anything. Tests patch this (or QMessageBox.question)."""
        answer = QMessageBox.question(self, "Delete draft", question,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> None:
        draft = self.selected_draft()
        if draft is None:
            return
        who = draft.label("client_name") or "this client"
        when = draft.label("local_time")
        question = f"Delete the draft for {who}{', ' + when if when else ''}? It cannot be undone."
        if draft.status is DraftStatus.SENT:
            question = (f"Remove the booked draft for {who} from this list? The booking itself "
                        "stays in the calendar.")
        if not self.confirm(question):
            return
        store, service = self._store, self._service

        def delete(_token: CancelToken) -> None:
            store.delete(draft.id)
            if service is not None:
                service.refresh_counts()

        self.message.clear()
        self._runner.run(delete, lambda _r: self.refresh(), self._failed)

    def send_selected(self) -> None:
        draft = self.selected_draft()
        service = self._service
        if draft is None or service is None:
            return
        self.message.setText(f"Sending the booking for {draft.label('client_name')}…")
        self.send_button.setEnabled(False)

        def send(_token: CancelToken) -> Draft:
            return service.send_now(draft.id)

        self._runner.run(send, self._sent, self._failed, on_finished=self.refresh)

    def _sent(self, draft: Draft) -> None:
        if draft.status is DraftStatus.SENT:
            self.message.setText(f"Booked for {draft.label('client_name')}.")
        elif draft.last_error:
            self.message.setText(draft.last_error)
        else:
            self.message.setText("It will be sent as soon as the booking service answers.")
