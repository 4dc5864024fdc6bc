"""The fault matrix, driven through the real booking window on the real sandbox over HTTP,
with real SQLite drafts. For each fault, each episode: pick a time and a client, switch the
fault on, press Book, and check that

* the page says a plain sentence (the banner) or shows the confirmation of the booking;
* what was being booked is booked or is in the drafts store (no draft lost);
* the fault cleared, the outbox sends what waited *by itself* (``wake()`` is never called;
  only the in-doubt grace and the outbox's backoffs are made drill-sized, see conftest.py);
* the sandbox holds exactly one live booking for that client, staff member and time.

The 401 row runs through the sign-in session (the dialog is the sentence the desk sees).
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.api.models import Client
from desktop.outbox import OperationStatus as DraftStatus
from desktop.sandbox.server import SandboxServer
from desktop.ui.drafts.coordinator import SAVED_OFFLINE
from desktop.ui.main_window import MainWindow
from desktop.ui.sign_in.dialog import SignInDialog
from tests.drills.conftest import SCALES, DrillLog, Scale, drill_sized
from tests.drills.matrix import (
    BOOKED,
    FAULTS,
    Fault,
    Intent,
    drafts_of,
    faulted_answers,
    judge,
    live_bookings,
    sentence,
)
from tests.helpers.booking_desk import Desk
from tests.helpers.sign_in import button, edit, type_into
from tests.helpers.windows import WAIT_MS, app_session, ready_to_book

SERVICE = "sv-massage"
#: Sample clients, found by name through the window's own search.
CLIENTS = ["Silva", "Mwangi", "Chen", "Sharma", "Taylor", "Garcia", "Schmidt", "Kowalski"]
RECOVERY_MS = 20_000
SEED = 7_2024


def prepare(desk: Desk, page_loaded: bool, episode: int) -> tuple[Intent, dict[str, str]]:
    """Pick a fresh open time and a client, as the receptionist would; if the client's
    record lacks a detail the service's form requires (Eitan Taylor has no email), ask the
    client and type it in under them. The intent, and the details typed."""
    page = desk.page
    if not page_loaded:
        desk.choose_service(SERVICE)
    else:
        page.times.load_availability()  # what the outbox booked meanwhile is no longer open
    desk.first_open_day()
    desk.pick_slot(0)
    desk.find_client(CLIENTS[episode % len(CLIENTS)])
    client = page.selection.client
    assert client is not None
    typed = desk.give_asked_details(told_by(client))
    return Intent.of(page.current_request()), typed


def told_by(client: Client) -> dict[str, str]:
    """What a client says when the desk asks for a missing detail (by field kind)."""
    name = unicodedata.normalize("NFKD", f"{client.first_name}.{client.last_name}")
    plain = "".join(c for c in name.lower() if c.isascii() and (c.isalnum() or c == "."))
    return {"email": f"{plain}@clients.example", "phone": "+1 617-555-0100"}


def outcome(window: MainWindow) -> str:
    """What the page shows once the Book press is over: a banner sentence or BOOKED."""
    page = window.page
    if page.confirmation.isVisible() and page.banner.message() == "":
        return BOOKED
    return page.banner.message()


def wait_for_outcome(qtbot: QtBot, window: MainWindow, expected: frozenset[str]) -> str:
    page = window.page
    try:
        qtbot.waitUntil(lambda: not page.busy.waiting and outcome(window) in expected,
                        timeout=WAIT_MS)
    except AssertionError:
        pytest.fail(f"expected one of {sorted(expected)}, the page shows "
                    f"{outcome(window)!r} (summary: {page.summary.text()!r})")
    return outcome(window)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name.replace(" ", "-"))
def test_fault_in_the_booking_window(
        fault: Fault, scale: Scale, drill_window: MainWindow, sandbox: SandboxServer,
        qtbot: QtBot, drill_log: DrillLog) -> None:
    rng = random.Random(f"{SEED}-{fault.name}-{scale.name}")
    window = drill_window
    desk = Desk(qtbot, window.page)
    store = window.drafts.store
    intents: list[Intent] = []
    with drill_log.measure(f"window: {fault.name}", scale) as result:
        for episode in range(scale.episodes):
            intent, _ = prepare(desk, bool(intents), episode)
            intents.append(intent)
            switches = fault.switches(rng, scale.full)
            log_from = len(sandbox.requests_log)
            sandbox.faults.update(**switches)
            result.injected += 1
            window.page.book()
            shown = wait_for_outcome(qtbot, window, fault.expected)
            result.shown = result.shown or ("confirmation: booked" if shown == BOOKED else shown)
            if shown == BOOKED:
                assert "booked" in window.page.confirmation.heading.text()
            else:
                assert sentence(shown), shown
                # The booking that did not go through is on disk (the outbox may even have
                # sent it already).
                assert drafts_of(store, intent), \
                    f"{fault.name}: the booking is neither booked nor in the drafts"
            if fault.hold and scale.full:
                qtbot.wait(int(rng.uniform(0, 2000)))  # the outbox meets the fault as well
            spoilt = faulted_answers(sandbox, switches, log_from)
            if spoilt is not None:
                result.extra["answers spoilt"] = result.extra.get("answers spoilt", 0) + spoilt
            sandbox.faults.reset()
            verdict = judge(sandbox, store, intents)
            result.drafts_lost, result.duplicates = verdict.lost, verdict.duplicates
            qtbot.waitUntil(lambda: judge(sandbox, store, intents).settled, timeout=RECOVERY_MS)
            verdict = judge(sandbox, store, intents)
            result.drafts_lost, result.duplicates = verdict.lost, verdict.duplicates
            assert verdict.lost == 0
            assert verdict.duplicates == 0
        qtbot.waitUntil(lambda: "Drafts waiting: 0" in window.indicators.drafts.text()
                        and window.indicators.online.text().endswith("Online"), timeout=WAIT_MS)
        assert all(d.status is DraftStatus.SENT for d in store.list_operations())


# ---------------------------------------------------------------------- 401 mid-flow


def _sign_in_again(qtbot: QtBot, dialog: SignInDialog, sandbox: SandboxServer) -> None:
    sandbox.faults.update(expire_tokens=False)
    type_into(qtbot, edit(dialog, "token"), sandbox.staff_token())
    button(dialog, "sign-in").click()


@pytest.mark.parametrize("scale", SCALES)
def test_401_in_the_middle_of_a_flow(scale: Scale, sandbox: SandboxServer, qtbot: QtBot,
                                     tmp_path: Path, drill_log: DrillLog,
                                     qapp: QApplication) -> None:
    """Two ways a token runs out: while the desk presses Book (the page asks to sign in and
    then books, form intact), and while the outbox is sending a draft saved offline (the
    outbox pauses, asks to sign in, then sends)."""
    with app_session(sandbox, tmp_path / "data", tmp_path / "settings.json",
                     on_window=drill_sized) as (session, coordinator):
        session.start()
        qtbot.waitUntil(lambda: coordinator.window is not None, timeout=WAIT_MS)
        window = coordinator.window
        assert window is not None
        ready_to_book(qtbot, window)
        desk = Desk(qtbot, window.page)
        store = window.drafts.store
        intents: list[Intent] = []
        with drill_log.measure("window: 401 mid-flow", scale) as result:
            for episode in range(scale.episodes * 2):
                intent, typed = prepare(desk, bool(intents), episode)
                if typed:
                    result.extra["details typed"] = result.extra.get("details typed", 0) + 1
                intents.append(intent)
                slot, client = window.page.selection.slot, window.page.selection.client
                details = window.page.details_host.values()  # what was asked under the client
                if episode % 2 == 0:
                    # The page's own request meets the 401.
                    sandbox.faults.update(expire_tokens=True)
                    result.injected += 1
                    with qtbot.waitSignal(session.sig_dialog_opened, timeout=WAIT_MS) as opened:
                        window.page.book()
                    dialog = opened.args[0]
                    assert isinstance(dialog, SignInDialog)
                    assert sentence(dialog.message()), dialog.message()
                    assert "expired" in dialog.message().lower()
                    result.shown = result.shown or f"sign-in dialog: {dialog.message()}"
                    # Nothing typed or picked is lost while the dialog is up.
                    assert window.page.selection.slot == slot
                    assert window.page.selection.client == client
                    assert window.page.details_host.values() == details
                    with qtbot.waitSignal(window.page.sig_booked, timeout=WAIT_MS):
                        _sign_in_again(qtbot, dialog, sandbox)
                else:
                    # Offline first: the booking becomes a draft; the token then runs out
                    # before the outbox can send it.
                    sandbox.faults.update(refuse_connections=True)
                    window.page.book()
                    qtbot.waitUntil(lambda: window.page.banner.message() == SAVED_OFFLINE,
                                    timeout=WAIT_MS)
                    sandbox.faults.update(refuse_connections=False, expire_tokens=True)
                    result.injected += 1
                    with qtbot.waitSignal(session.sig_dialog_opened, timeout=RECOVERY_MS) \
                            as opened:
                        pass  # the outbox probes on its own, meets the 401 and pauses
                    dialog = opened.args[0]
                    assert sentence(dialog.message()), dialog.message()
                    assert drafts_of(store, intent, (DraftStatus.QUEUED, DraftStatus.SENDING))
                    _sign_in_again(qtbot, dialog, sandbox)
                qtbot.waitUntil(lambda: judge(sandbox, store, intents).settled,
                                timeout=RECOVERY_MS)
                verdict = judge(sandbox, store, intents)
                result.drafts_lost, result.duplicates = verdict.lost, verdict.duplicates
                assert verdict.lost == 0
                assert verdict.duplicates == 0
                assert len(live_bookings(sandbox, intent)) == 1

