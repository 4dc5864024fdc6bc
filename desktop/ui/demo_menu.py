"""The demo's "Sandbox" menu: flip the sandbox's faults to see offline drafts, slow answers,
taken slots and expired sign-ins without touching a real business."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction, QGuiApplication

from desktop.i18n import translate
from desktop.sandbox.replies import ApiFailure
from desktop.sandbox.server import SandboxServer
from desktop.ui.booking.message_banner import Tone
from desktop.ui.main_window import MainWindow


def install_demo_menu(window: MainWindow, sandbox: SandboxServer,
                      sig_paused: SignalInstance | None = None) -> None:
    """``sig_paused`` is the session's "a 401 was seen" signal: once the expired token has been
    noticed, the sandbox accepts tokens again so the fresh one can sign in."""
    menu = window.menuBar().addMenu(translate("DemoMenu", "&Sandbox"))
    menu.setObjectName("sandbox-menu")

    def toggle(text: str, on: Callable[[], None], off: Callable[[], None],
               name: str) -> QAction:
        action = QAction(text, window)
        action.setObjectName(name)
        action.setCheckable(True)
        action.toggled.connect(lambda checked: on() if checked else off())
        menu.addAction(action)
        return action

    toggle(translate("DemoMenu", "Go offline (refuse connections)"),
           lambda: sandbox.faults.update(refuse_connections=True),
           lambda: sandbox.faults.update(refuse_connections=False), "demo-offline")
    toggle(translate("DemoMenu", "Slow network (2 s per answer)"),
           lambda: sandbox.faults.update(latency_ms=2000),
           lambda: sandbox.faults.update(latency_ms=0), "demo-slow")
    toggle(translate("DemoMenu", "Server trouble (half the answers are 503)"),
           lambda: sandbox.faults.update(error_rate=0.5, error_status=503),
           lambda: sandbox.faults.update(error_rate=0.0), "demo-errors")
    menu.addSeparator()

    def take_selected_slot() -> None:
        slot = window.page.selection.slot
        if slot is None or slot.staff_id is None:
            window.page.banner.show_message(translate(
                "DemoMenu", "Pick a time first; then this books it for someone else, as "
                            "another desk might."), Tone.INFO)
            return
        sandbox.state.take_slot(slot.staff_id, slot.start_time.isoformat())
        window.page.banner.show_message(translate(
            "DemoMenu", "Another desk just booked the time you picked. Press Book to see what "
                        "happens."), Tone.INFO)

    def expire_token() -> None:
        sandbox.faults.update(expire_tokens=True)
        QGuiApplication.clipboard().setText(sandbox.staff_token(expires_in=12 * 3600))
        window.page.banner.show_message(translate(
            "DemoMenu", "The sandbox now refuses the token: the next call asks you to sign in "
                        "again. A fresh token is on the clipboard; paste it into the sign-in "
                        "window."), Tone.INFO)

    if sig_paused is not None:
        sig_paused.connect(lambda: sandbox.faults.update(expire_tokens=False))

    def another_desk(action: str) -> None:
        """Someone at another desk (or online) books or cancels now: the Day view shows it at
        its next refresh (within 30 s; at once when the window comes back to the front)."""
        try:
            made = sandbox.another_desk(action)
        except ApiFailure as failure:
            window.day.banner.show_message(failure.message, Tone.INFO)
            return
        appointment = made["appointment"]
        who = " ".join(part for part in (appointment.get("client_first_name"),
                                         appointment.get("client_last_name")) if part)
        text = (translate("DemoMenu", "Another desk just booked {who}; watch the Day "
                          "view pick it up.")
                if action == "book" else
                translate("DemoMenu", "Another desk just cancelled {who}; watch the "
                          "Day view pick it up."))
        window.show_day_view()
        who = who or translate("DemoMenu", "a client")
        window.day.banner.show_message(text.format(who=who), Tone.INFO)

    book_elsewhere = QAction(translate("DemoMenu", "Another desk books now"), window)
    book_elsewhere.setObjectName("demo-another-desk-books")
    book_elsewhere.triggered.connect(lambda: another_desk("book"))
    menu.addAction(book_elsewhere)
    cancel_elsewhere = QAction(translate("DemoMenu", "Another desk cancels now"), window)
    cancel_elsewhere.setObjectName("demo-another-desk-cancels")
    cancel_elsewhere.triggered.connect(lambda: another_desk("cancel"))
    menu.addAction(cancel_elsewhere)
    menu.addSeparator()

    take = QAction(translate("DemoMenu", "Someone else takes the chosen time"), window)
    take.setObjectName("demo-take-slot")
    take.triggered.connect(take_selected_slot)
    menu.addAction(take)
    expire = QAction(translate("DemoMenu", "Expire the staff token"), window)
    expire.setObjectName("demo-expire-token")
    expire.triggered.connect(expire_token)
    menu.addAction(expire)
    reset = QAction(translate("DemoMenu", "Reset the sandbox"), window)
    reset.setObjectName("demo-reset")
    def reset_sandbox() -> None:
        sandbox.reset()
        window.page.reset_for_next_client()

    reset.triggered.connect(reset_sandbox)
    menu.addAction(reset)

