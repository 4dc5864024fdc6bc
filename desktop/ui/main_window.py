"""The main window: business header, the booking page, drafts, menus and the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.api.client import BookingClient
from desktop.api.models import Appointment, Business
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.paths import AppPaths
from desktop.ui.about import show_about as show_about_dialog
from desktop.ui.booking.page import BookingPage
from desktop.ui.day.actions import DayActions
from desktop.ui.day.page import DayPage
from desktop.ui.drafts.coordinator import DraftsCoordinator
from desktop.ui.plain_text import plain_label
from desktop.ui.status_indicators import StatusIndicators
from desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    sig_sign_out_requested = Signal()
    sig_closed = Signal()

    def __init__(self, client: BookingClient, business: Business, *,
                 staff_id: str = "", demo: bool = False, data_dir: Path | None = None,
                 clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self._shut_down = False
        self.client = client
        self.business = business
        self.runner = TaskRunner(self)
        self.setWindowTitle(f"Frontdesk — {business.name}" + (" (demo)" if demo else ""))
        self.resize(1180, 760)

        self.business_label = plain_label(self, "business-name", business.name)
        self.business_label.setStyleSheet("font-size: 18px; font-weight: 600;")
        zone_label = plain_label(self, "business-zone", self.tr("Business time zone: {zone}")
                                 .format(zone=business.time_zone))
        zone_label.setStyleSheet("color: #666;")
        header = QHBoxLayout()
        header.addWidget(self.business_label)
        header.addStretch(1)
        header.addWidget(zone_label)
        if demo:
            demo_badge = QLabel("DEMO — sandbox data, nothing is really booked", self)
            demo_badge.setObjectName("demo-badge")
            demo_badge.setStyleSheet("background: #fff4ce; color: #6b4a00; padding: 2px 8px;"
                                     " border-radius: 3px;")
            header.addWidget(demo_badge)

        self.clock = clock
        self.page = BookingPage(client, business, self.runner, self, clock=clock)
        self.day = DayPage(client, business, self.runner, self, clock=clock)
        self.views = QTabWidget(self)
        self.views.setObjectName("views")
        self.views.setDocumentMode(True)
        self.views.addTab(self.day, self.tr("Day  (Ctrl+1)"))
        self.views.addTab(self.page, self.tr("Book  (Ctrl+2)"))
        self.views.setTabToolTip(0, self.tr("The day's schedule: arrivals, no-shows, "
                                            "cancellations and reschedules"))
        self.views.setTabToolTip(1, self.tr("Book an appointment or an event registration"))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.views, 1)
        self.setCentralWidget(central)
        self.page.sig_catalogue_loaded.connect(
            lambda: self.day.set_catalogue(self.page.catalogue.services,
                                           self.page.catalogue.staff))
        # A booking made here shows in the day at once (a refresh is one request).
        self.page.sig_booked.connect(lambda _booking: self.day.refresh())
        self.day.sig_book_again.connect(self.book_again)

        self.indicators = StatusIndicators(self)
        self._staff_id = staff_id
        self.indicators.staff.clear()  # filled in once the staff list has loaded
        self.page.sig_catalogue_loaded.connect(self._show_signed_in_staff)
        self.statusBar().addPermanentWidget(self.indicators)
        self.page.sig_online_changed.connect(self.indicators.set_online)
        self.day.sig_online_changed.connect(self.indicators.set_online)

        self.drafts = DraftsCoordinator(
            self.page, client, business.id,
            data_dir or AppPaths.default().data_dir, self.runner, self, clock=clock)
        self.drafts.sig_counts_changed.connect(self.indicators.set_drafts)
        self.drafts.sig_in_doubt_changed.connect(self.indicators.set_in_doubt)
        self.day.sig_online_changed.connect(self.drafts.network_seen)
        self.drafts.sig_online_changed.connect(self.indicators.set_online)
        self.drafts.sig_auth_required.connect(
            lambda: self.page.sig_auth_failed.emit(self.drafts.resume_after_sign_in))
        self.day_actions = DayActions(self.day, self.drafts.store, self.drafts.service,
                                      self.runner, clock, self)
        self.drafts.panel.sig_pick_time.connect(self._pick_time)
        self.drafts_dock = QDockWidget(self.tr("Drafts"), self)
        self.drafts_dock.setObjectName("drafts-dock")
        self.drafts_dock.setWidget(self.drafts.panel)
        self.drafts_dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                                         | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.drafts_dock)
        self.drafts_dock.hide()

        self._build_menus()

    # ------------------------------------------------------------------ menus and keys

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.action_save_draft = self._action(
            "Save as &draft", QKeySequence.StandardKey.Save, self.page.save_draft, file_menu)
        file_menu.addSeparator()
        self.action_sign_out = self._action(
            "Sign &out", None, self.sig_sign_out_requested.emit, file_menu)
        self._action("&Quit", QKeySequence.StandardKey.Quit, self.close, file_menu)

        booking_menu = self.menuBar().addMenu("&Booking")
        self.action_find_client = self._action(
            "&Find client", QKeySequence("Ctrl+F"), self.page.focus_client_search, booking_menu)
        self.action_new_client = self._action(
            "&New client", QKeySequence("Ctrl+N"), self.page.new_client, booking_menu)
        self.action_book = self._action("&Book", None, self.page.book, booking_menu)
        self.action_cancel = self._action(
            "&Stop waiting", QKeySequence("Esc"), self.stop_waiting, booking_menu)

        self.view_menu = self.menuBar().addMenu("&View")
        self.action_day = self._action(self.tr("&Day"), QKeySequence("Ctrl+1"),
                                       self.show_day_view, self.view_menu)
        self.action_booking = self._action(self.tr("&Book"), QKeySequence("Ctrl+2"),
                                           self.show_booking, self.view_menu)
        self.view_menu.addSeparator()
        self.action_show_drafts = self.drafts_dock.toggleViewAction()
        self.action_show_drafts.setText("&Drafts")
        self.action_show_drafts.setShortcut(QKeySequence("Ctrl+D"))
        self.view_menu.addAction(self.action_show_drafts)
        help_menu = self.menuBar().addMenu("&Help")
        self._action("&About Frontdesk", None, self.show_about, help_menu)

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None,
                slot: Callable[[], object], menu: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        self.addAction(action)
        return action

    def show_day_view(self) -> None:
        self.views.setCurrentWidget(self.day)

    def show_booking(self) -> None:
        self.views.setCurrentWidget(self.page)

    def book_again(self, appointment: Appointment) -> None:
        """Book with the same client and service at a new time (from the Day view)."""
        self.show_booking()
        self.page.book_again(appointment)

    def stop_waiting(self) -> None:
        """Esc: stop waiting for the work of the view on screen."""
        if self.views.currentWidget() is self.day:
            self.day.work.cancel()
        else:
            self.page.cancel_running()

    def _pick_time(self, op_id: str) -> None:
        self.show_day_view()
        self.day_actions.pick_time_for(op_id)

    def show_about(self) -> None:
        show_about_dialog(self, self.client.base_url)

    def start(self) -> None:
        """Load the catalogue and start the outbox once the window is on screen."""
        self.page.load_catalogue()
        self.day.start()
        self.drafts.start()
        self.day_actions.read_pending()

    def _show_signed_in_staff(self) -> None:
        name = self.page.staff_names().get(self._staff_id, "")
        self.indicators.set_staff(name)

    def shutdown(self) -> None:
        """Stop background work; called on close and by the application at exit."""
        if self._shut_down:
            return
        self._shut_down = True
        self.day.stop()
        self.drafts.shutdown()
        self.runner.shutdown(3000)
        self.drafts.close_store()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
        self.sig_closed.emit()
