"""The window opens on the Day view without building the Book page; the page is built when
the receptionist first switches to it (or anything asks for ``window.page``), lists the
services loaded at start at once, and works with drafts like a page built up front."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.api.client import BookingClient
from desktop.outbox import OperationStatus
from desktop.sandbox.server import SandboxServer
from desktop.ui.booking.page import BookingPage
from desktop.ui.main_window import MainWindow
from tests.helpers.windows import WAIT_MS, window_on


@pytest.fixture
def day_first_window(qtbot: QtBot, sandbox: SandboxServer,
                     tmp_path: Path) -> Iterator[MainWindow]:
    with window_on(sandbox, tmp_path / "data", qtbot) as window:
        qtbot.waitUntil(lambda: window.catalogue.loaded, timeout=WAIT_MS)
        yield window


def _book_tab_widget(window: MainWindow) -> object:
    return window.views.widget(1)


def test_the_day_view_gets_services_and_staff_without_the_book_page(
        day_first_window: MainWindow, sandbox: SandboxServer, qtbot: QtBot) -> None:
    window = day_first_window
    assert window.views.currentWidget() is window.day
    assert not isinstance(_book_tab_widget(window), BookingPage)
    assert window.views.tabText(1).startswith("Book")
    with BookingClient(sandbox.url, sandbox.staff_token()) as client:
        services = {s.id for s in client.list_services(sandbox.business_id)}
    assert services
    assert {s.id for s in window.catalogue.services} == services
    # The Day view names the staff from the catalogue (its filter lists them).
    staff_names = {m.label for m in window.catalogue.staff if m.active}
    filter_items = {window.day.toolbar.staff_filter.itemText(i)
                    for i in range(window.day.toolbar.staff_filter.count())}
    assert staff_names <= filter_items
    assert not isinstance(_book_tab_widget(window), BookingPage)


def test_switching_to_book_builds_it_with_the_services_already_listed(
        day_first_window: MainWindow, sandbox: SandboxServer, qtbot: QtBot) -> None:
    window = day_first_window
    requests_before = len(sandbox.requests_log)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.views.currentWidget()
    assert isinstance(page, BookingPage)
    assert page is window.page is _book_tab_widget(window)
    assert window.views.count() == 2
    assert window.views.tabText(1).startswith("Book")
    assert page.service_picker.count() > 0  # from the catalogue loaded at start
    assert page.catalogue is window.catalogue
    services_asked = [path for _method, path, _status in sandbox.requests_log[requests_before:]
                      if "services" in path]
    assert services_asked == []
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentWidget() is window.day
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentWidget() is page  # built once


def test_clicking_the_book_tab_builds_it_too(day_first_window: MainWindow) -> None:
    window = day_first_window
    window.views.setCurrentIndex(1)
    assert isinstance(window.views.currentWidget(), BookingPage)
    assert window.views.currentWidget() is window.page


def test_a_draft_saved_from_a_page_built_later_reaches_the_outbox(
        day_first_window: MainWindow, qtbot: QtBot) -> None:
    window = day_first_window
    window.show_booking()
    page = window.page
    page.service_picker.setCurrentIndex(0)
    service = page.selection.service
    assert service is not None
    window.action_save_draft.trigger()
    qtbot.waitUntil(lambda: "Saved as a draft" in page.banner.message(), timeout=WAIT_MS)
    drafts = window.drafts.store.list_operations()
    assert [op.status for op in drafts] == [OperationStatus.DRAFT]
    assert drafts[0].form is not None
    assert drafts[0].form.service_id == service.id
