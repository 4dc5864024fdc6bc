"""Who the booking is for: search existing clients as you type, or fill in a new client."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.api.models import Client
from desktop.ui.plain_text import plain_label

#: Wait this long after the last key press before searching, so typing stays smooth.
SEARCH_DEBOUNCE_MS = 300
MIN_SEARCH_LENGTH = 2


def client_line(client: Client) -> str:
    details = " · ".join(part for part in (client.email, client.phone) if part)
    return f"{client.full_name}    {details}" if details else client.full_name


class ClientPicker(QWidget):
    sig_search_requested = Signal(str)
    sig_client_chosen = Signal(object)  # Client | None
    sig_new_client_requested = Signal()
    sig_existing_client_requested = Signal()

    EXISTING, NEW = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("client-search")
        self.search.setAccessibleName(self.tr("Find a client"))
        self.search.setPlaceholderText(self.tr("Find a client by name, e-mail or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.new_client_button = QPushButton(self.tr("&New client"), self)
        self.new_client_button.setObjectName("new-client")
        self.new_client_button.setAccessibleName(self.tr("New client"))
        self.new_client_button.setToolTip(self.tr("Fill in a new client's details (Ctrl+N)"))
        self.new_client_button.clicked.connect(self.show_new_client)

        self.results = QListWidget(self)
        self.results.setObjectName("client-results")
        self.results.setAccessibleName(self.tr("Matching clients"))
        self.results.currentItemChanged.connect(self._result_changed)
        self.search_status = plain_label(self, "client-search-status")
        self.search_status.setWordWrap(True)

        #: What the service's form still needs for the chosen client (hidden when nothing).
        self.details_area = QScrollArea(self)
        self.details_area.setAccessibleName(self.tr("Details the service needs"))
        self.details_area.setObjectName("client-details-area")
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.details_area.hide()

        existing_page = QWidget(self)
        existing_layout = QVBoxLayout(existing_page)
        existing_layout.setContentsMargins(0, 0, 0, 0)
        existing_layout.addWidget(self.results, 1)
        existing_layout.addWidget(self.search_status)
        existing_layout.addWidget(self.details_area, 2)

        self.form_scroll = QScrollArea(self)
        self.form_scroll.setAccessibleName(self.tr("New client's details"))
        self.form_scroll.setObjectName("new-client-area")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.back_to_search = QPushButton(self.tr("Back to client search"), self)
        self.back_to_search.setObjectName("back-to-search")
        self.back_to_search.setFlat(True)
        self.back_to_search.clicked.connect(self.show_existing_client)
        new_page = QWidget(self)
        new_layout = QVBoxLayout(new_page)
        new_layout.setContentsMargins(0, 0, 0, 0)
        new_layout.addWidget(self.back_to_search, 0, Qt.AlignmentFlag.AlignLeft)
        new_layout.addWidget(self.form_scroll, 1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(existing_page)
        self.pages.addWidget(new_page)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_client_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search.textEdited.connect(self._text_edited)
        self.search.returnPressed.connect(self._search_now)

    # ------------------------------------------------------------------ modes

    @property
    def is_new_client(self) -> bool:
        return self.pages.currentIndex() == self.NEW

    def show_new_client(self) -> None:
        self.results.clearSelection()
        self.results.setCurrentRow(-1)
        self.pages.setCurrentIndex(self.NEW)
        self.sig_client_chosen.emit(None)
        self.sig_new_client_requested.emit()

    def show_existing_client(self) -> None:
        self.pages.setCurrentIndex(self.EXISTING)
        self.sig_existing_client_requested.emit()
        self.search.setFocus()

    def set_form_widget(self, widget: QWidget) -> None:
        """Put the generated form (or its loading/error view) into the new-client page."""
        old = self.form_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form_scroll.setWidget(widget)

    def form_widget(self) -> QWidget | None:
        return self.form_scroll.widget()

    def set_details_widget(self, widget: QWidget | None) -> None:
        """Put the chosen client's missing details (or nothing) under the search results."""
        old = self.details_area.takeWidget()
        if old is not None:
            old.deleteLater()
        if widget is None:
            self.details_area.hide()
            return
        self.details_area.setWidget(widget)
        self.details_area.show()

    def details_widget(self) -> QWidget | None:
        return self.details_area.widget() if self.details_area.isVisible() else None

    # ------------------------------------------------------------------ search

    def _text_edited(self, text: str) -> None:
        if self.is_new_client:
            self.pages.setCurrentIndex(self.EXISTING)
        if len(text.strip()) >= MIN_SEARCH_LENGTH:
            self._debounce.start()
        else:
            self._debounce.stop()
            self.results.clear()
            self.search_status.setText("")

    def _search_now(self) -> None:
        self._debounce.stop()
        term = self.search.text().strip()
        if len(term) >= MIN_SEARCH_LENGTH:
            self.search_status.setText(self.tr("Searching…"))
            self.sig_search_requested.emit(term)

    def set_results(self, clients: list[Client], term: str) -> None:
        if term != self.search.text().strip():
            return  # the receptionist has typed on since; a newer search is coming
        self.results.clear()
        for client in clients:
            item = QListWidgetItem(client_line(client), self.results)
            item.setData(Qt.ItemDataRole.UserRole, client)
        if clients:
            self.search_status.setText(self.tr("%n found. Pick one with the arrow keys.", "",
                                               len(clients)))
        else:
            self.search_status.setText(self.tr("No client matches “{term}”. Use New client to "
                                               "add one.").format(term=term))

    def set_search_error(self, message: str) -> None:
        self.search_status.setText(message)

    def current_client(self) -> Client | None:
        if self.is_new_client:
            return None
        item = self.results.currentItem()
        client = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return client if isinstance(client, Client) else None

    def select_client(self, client: Client) -> None:
        """Show ``client`` as the chosen one (e.g. when a draft is reopened)."""
        self.pages.setCurrentIndex(self.EXISTING)
        self.results.clear()
        item = QListWidgetItem(client_line(client), self.results)
        item.setData(Qt.ItemDataRole.UserRole, client)
        self.results.setCurrentItem(item)

    def reset(self) -> None:
        self._debounce.stop()
        self.search.clear()
        self.results.clear()
        self.search_status.setText("")
        self.pages.setCurrentIndex(self.EXISTING)

    def _result_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.sig_client_chosen.emit(current.data(Qt.ItemDataRole.UserRole) if current else None)
