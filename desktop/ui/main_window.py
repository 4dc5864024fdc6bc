"""The main window: business header, the Day and Book pages, drafts, menus and the status bar.

The window opens on the Day view. The Book page is built the first time it is shown or asked
for (``window.page``): building it takes ~50 ms and ~2 MB that a start-up need not wait for.
Its services and staff (:class:`~desktop.ui.booking.catalogue.Catalogue`, which the Day view
uses too) belong to the window and load at start, whether or not Book is ever opened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
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
from desktop.auth.settings import SettingsFile
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.paths import AppPaths
from desktop.ui.about import show_about as show_about_dialog
from desktop.ui.booking.catalogue import Catalogue
from desktop.ui.day.actions import DayActions
from desktop.ui.day.page import DayPage
from desktop.ui.drafts.coordinator import DraftsCoordinator
from desktop.ui.plain_text import plain_label
from desktop.ui.status_indicators import StatusIndicators
from desktop.ui.style import Tone, heading, make_quiet, tone_style
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.booking.page import BookingPage

log = logging.getLogger(__name__)


def _preferences_key() -> QKeySequence:
    """The platform's Preferences shortcut (Ctrl+, on most); Ctrl+, where it has none."""
    key = QKeySequence(QKeySequence.StandardKey.Preferences)
    return key if not key.isEmpty() else QKeySequence("Ctrl+,")


class MainWindow(QMainWindow):
    sig_sign_out_requested = Signal()
    sig_closed = Signal()
    #: A call of any page (or the outbox) was refused with 401; carries a retry callable.
    sig_auth_failed = Signal(object)

    def __init__(self, client: BookingClient, business: Business, *,
                 staff_id: str = "", demo: bool = False, data_dir: Path | None = None,
                 clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self._shut_down = False
        self.client = client
        self.business = business
        self.runner = TaskRunner(self)
        title = self.tr("Frontdesk — {business} (demo)") if demo else \
            self.tr("Frontdesk — {business}")
        self.setWindowTitle(title.format(business=business.name))
        self.resize(1180, 760)

        self.business_label = plain_label(self, "business-name", business.name)
        heading(self.business_label, 1.35)
        zone_label = plain_label(self, "business-zone", self.tr("Business time zone: {zone}")
                                 .format(zone=business.time_zone))
        make_quiet(zone_label)
        header = QHBoxLayout()
        header.addWidget(self.business_label)
        header.addStretch(1)
        header.addWidget(zone_label)
        if demo:
            demo_badge = QLabel(self.tr("DEMO — sandbox data, nothing is really booked"), self)
            demo_badge.setObjectName("demo-badge")
            demo_badge.setStyleSheet(tone_style("demo-badge", Tone.WARNING, radius=3,
                                                padding=2))
            header.addWidget(demo_badge)

        self.clock = clock
        self._page: BookingPage | None = None
        self.day = DayPage(client, business, self.runner, self, clock=clock)
        self.catalogue = Catalogue(client, business, self.day.work, self)
        self.views = QTabWidget(self)
        self.views.setObjectName("views")
        self.views.setDocumentMode(True)
        self.views.setAccessibleName(self.tr("Views"))
        self.views.addTab(self.day, self.tr("Day  (Ctrl+1)"))
        self._book_placeholder = QWidget(self)  # until the Book page is first shown
        self.views.addTab(self._book_placeholder, "")
        self._label_book_tab(1)
        self.views.setTabToolTip(0, self.tr("The day's schedule: arrivals, no-shows, "
                                            "cancellations and reschedules"))
        self.views.currentChanged.connect(self._view_changed)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.views, 1)
        self.setCentralWidget(central)
        self.catalogue.sig_loaded.connect(
            lambda: self.day.set_catalogue(self.catalogue.services, self.catalogue.staff))
        self.day.sig_book_again.connect(self.book_again)
        self.day.sig_auth_failed.connect(self.sig_auth_failed)

        self.indicators = StatusIndicators(self)
        self._staff_id = staff_id
        self.indicators.staff.clear()  # filled in once the staff list has loaded
        self.catalogue.sig_loaded.connect(self._show_signed_in_staff)
        self.statusBar().addPermanentWidget(self.indicators)
        self.day.sig_online_changed.connect(self.indicators.set_online)

        self.drafts = DraftsCoordinator(
            lambda: self.page, client, business.id,
            data_dir or AppPaths.default().data_dir, self.runner, self, clock=clock)
        self.drafts.sig_counts_changed.connect(self.indicators.set_drafts)
        self.drafts.sig_in_doubt_changed.connect(self.indicators.set_in_doubt)
        self.day.sig_online_changed.connect(self.drafts.network_seen)
        self.drafts.sig_online_changed.connect(self.indicators.set_online)
        self.drafts.sig_auth_required.connect(
            lambda: self.sig_auth_failed.emit(self.drafts.resume_after_sign_in))
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

        #: Where Preferences are kept (None: the user's settings file).
        self.settings_file: SettingsFile | None = None
        self._build_menus()

    # ------------------------------------------------------------------ the Book page

    @property
    def page(self) -> BookingPage:
        """The Book page, built the first time it is shown or asked for."""
        if self._page is None:
            self._build_page()
        assert self._page is not None
        return self._page

    def _build_page(self) -> None:
        from desktop.ui.booking.page import BookingPage

        page = BookingPage(self.client, self.business, self.runner, self, clock=self.clock,
                           catalogue=self.catalogue)
        self._page = page
        # A booking made here shows in the day at once (a refresh is one request).
        page.sig_booked.connect(lambda _booking: self.day.refresh())
        page.sig_online_changed.connect(self.indicators.set_online)
        page.sig_auth_failed.connect(self.sig_auth_failed)
        self.drafts.attach_page(page)
        # The page takes the placeholder's tab (quietly: nothing changed for the tab bar).
        placeholder = self._book_placeholder
        index = self.views.indexOf(placeholder)
        current = self.views.currentIndex() == index
        with QSignalBlocker(self.views):
            self.views.removeTab(index)
            self.views.insertTab(index, page, "")
            self._label_book_tab(index)
            if current:
                self.views.setCurrentIndex(index)
        placeholder.deleteLater()

    def _label_book_tab(self, index: int) -> None:
        self.views.setTabText(index, self.tr("Book  (Ctrl+2)"))
        self.views.setTabToolTip(index, self.tr("Book an appointment or an event registration"))

    def _view_changed(self, index: int) -> None:
        if self._page is None and self.views.widget(index) is self._book_placeholder:
            self._build_page()

    # ------------------------------------------------------------------ menus and keys

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_save_draft = self._action(self.tr("Save as &draft"),
                                              QKeySequence.StandardKey.Save,
                                              lambda: self.page.save_draft(), file_menu)
        file_menu.addSeparator()
        self.action_preferences = self._action(
            self.tr("&Preferences…"), _preferences_key(), self.show_preferences, file_menu)
        file_menu.addSeparator()
        self.action_sign_out = self._action(
            self.tr("Sign &out"), None, self.sig_sign_out_requested.emit, file_menu)
        self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, file_menu)

        booking_menu = self.menuBar().addMenu(self.tr("&Booking"))
        self.action_find_client = self._action(self.tr("&Find client"), QKeySequence("Ctrl+F"),
                                               lambda: self.page.focus_client_search(),
                                               booking_menu)
        self.action_new_client = self._action(self.tr("&New client"), QKeySequence("Ctrl+N"),
                                              lambda: self.page.new_client(), booking_menu)
        self.action_book = self._action(self.tr("&Book"), None, lambda: self.page.book(),
                                        booking_menu)
        self.action_cancel = self._action(
            self.tr("&Stop waiting"), QKeySequence("Esc"), self.stop_waiting, booking_menu)

        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.action_day = self._action(self.tr("&Day"), QKeySequence("Ctrl+1"),
                                       self.show_day_view, self.view_menu)
        self.action_booking = self._action(self.tr("&Book"), QKeySequence("Ctrl+2"),
                                           self.show_booking, self.view_menu)
        self.view_menu.addSeparator()
        self.action_show_drafts = self.drafts_dock.toggleViewAction()
        self.action_show_drafts.setText(self.tr("&Drafts"))
        self.action_show_drafts.setShortcut(QKeySequence("Ctrl+D"))
        self.view_menu.addAction(self.action_show_drafts)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(self.tr("&About Frontdesk"), None, self.show_about, help_menu)

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
        elif self._page is not None:
            self._page.cancel_running()

    def _pick_time(self, op_id: str) -> None:
        self.show_day_view()
        self.day_actions.pick_time_for(op_id)

    def show_preferences(self) -> None:
        from desktop.auth.settings import SettingsFile
        from desktop.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings_file or SettingsFile(), self)
        if dialog.exec() and dialog.saved is not None:
            self.statusBar().showMessage(self.tr("Preferences saved: they apply the next time "
                                                 "Frontdesk starts."), 8000)

    def show_about(self) -> None:
        show_about_dialog(self, self.client.base_url)

    def start(self) -> None:
        """Load the catalogue and start the outbox once the window is on screen."""
        self.catalogue.load()
        self.day.start()
        self.drafts.start()
        self.day_actions.read_pending()

    def _show_signed_in_staff(self) -> None:
        name = self.catalogue.staff_names().get(self._staff_id, "")
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
