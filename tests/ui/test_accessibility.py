"""Every control of the main views has a name a screen reader can say: the accessibility tree
of each view is walked as assistive technology walks it, and an unnamed control fails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from desktop.auth.settings import SettingsFile
from desktop.auth.token_store import SessionTokenStore
from desktop.booking.selection import BookingMode
from desktop.sandbox.server import SandboxServer
from desktop.ui.booking.confirmation import BookingSummary
from desktop.ui.booking.message_banner import Tone
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import PreferencesDialog
from desktop.ui.sign_in.dialog import SignInDialog
from tests.helpers.accessibility import unnamed_controls, walk
from tests.helpers.booking_desk import Desk
from tests.helpers.day_desk import DayDesk


def test_the_sign_in_dialog_names_every_control(qtbot: QtBot) -> None:
    dialog = SignInDialog(token_store=SessionTokenStore())
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []


def test_book_names_every_control(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    """With a time picked, the new-client form generated from the service's definition, a
    message and a confirmation on screen."""
    assert unnamed_controls(window) == []
    service = next(s for s in window.page.catalogue.services if not s.is_event)
    desk.first_time(service.id)
    desk.open_new_client_form()
    form = window.page.form
    assert form is not None
    form.build_all()
    window.page.banner.show_message("A message", Tone.WARNING)
    window.page.confirmation.show_summary(BookingSummary(
        booking_id="b1", service=service.name, staff="Dr. Maya Chen", when="today",
        client="Ann Lee"))
    assert unnamed_controls(window) == []
    fields = [n for n in walk(form) if n.widget is not None
              and n.widget.objectName().startswith("field-")]
    assert fields, "the generated form's fields are in the tree"
    for node in fields:
        assert node.widget is not None
        field = form.definition.field(node.widget.objectName().removeprefix("field-"))
        if field is None:
            continue
        # On Linux a combo box's accessible Name is its value; its name is the widget's
        # accessible name and its label's "labelled by" relation.
        name = node.widget.accessibleName() if isinstance(node.widget, QComboBox) \
            else node.name
        assert name == field.label, node.label()
        if field.required:
            assert node.description.startswith("Required"), node.label()
    window.page.set_mode(BookingMode.EVENT)
    assert unnamed_controls(window) == []


def test_day_with_an_entry_chosen_names_every_control(
        qtbot: QtBot, day_window: MainWindow, day_sandbox: SandboxServer) -> None:
    desk = DayDesk(qtbot, day_window, day_sandbox)
    desk.choose(desk.upcoming_booked()[0])
    assert unnamed_controls(day_window) == []


def test_the_drafts_panel_names_every_control(qtbot: QtBot, window: MainWindow) -> None:
    window.drafts_dock.show()
    assert unnamed_controls(window.drafts_dock) == []


def test_preferences_names_every_control(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PreferencesDialog(SettingsFile(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
