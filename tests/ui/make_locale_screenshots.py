"""Screenshots of the window in each look the desk may have (docs/screenshots/locale-*.png):
the default, 200 % text, dark, high contrast, Spanish (Argentina) and Hebrew (right to left).

    .venv/bin/python -m tests.ui.make_locale_screenshots            # every look
    .venv/bin/python -m tests.ui.make_locale_screenshots spanish    # one look

Each look runs in its own process (a QApplication's language, palette and font are set once,
at start, as in the app): the real window on the sandbox at the default size (1180×760), on a
chosen clock (a Wednesday morning), grabbed offscreen with ``QWidget.grab()``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Look:
    name: str
    lang: str = "en_US.UTF-8"
    theme: str | None = None
    text_size: int | None = None


LOOKS = {look.name: look for look in (
    Look("default"),
    Look("text-200", text_size=200),
    Look("dark", theme="dark"),
    Look("high-contrast", theme="high-contrast"),
    Look("spanish", lang="es_AR.UTF-8"),
    Look("hebrew", lang="he_IL.UTF-8"),
)}


def fill_required(form: object) -> None:
    """Plausible answers for the new client's required fields."""
    from desktop.ui.form import GeneratedForm

    assert isinstance(form, GeneratedForm)
    answers: dict[str, object] = {}
    for field in form.definition.fields():
        if field.kind == "email":
            answers[field.id] = "lena.park@example.org"
        elif field.kind == "phone":
            answers[field.id] = "+1 617 555 0142"
        elif field.kind in ("checkbox", "opt-in", "policy"):
            answers[field.id] = True
        elif field.options:
            answers[field.id] = field.options[0].value
        elif field.kind == "datepicker":
            answers[field.id] = "1990-05-17"
        elif field.kind == "lastname":
            answers[field.id] = "Park"
        else:
            answers[field.id] = "Lena"
    form.set_values(answers)
    form.validate()


def shoot(look: Look) -> None:
    from PySide6.QtWidgets import QWidget

    from desktop.auth.token_store import SessionTokenStore
    from desktop.clock import StartedClock, parse_moment
    from desktop.day.summary import DeskState
    from desktop.preferences import DisplayPreferences
    from desktop.sandbox.server import SandboxServer
    from desktop.ui.application import create_application
    from desktop.ui.sign_in.dialog import SignInDialog
    from tests.helpers import screenshots
    from tests.helpers.screenshots import scratch_data_dir, wait
    from tests.helpers.windows import window_on

    create_application([sys.argv[0]], preferences=DisplayPreferences(
        theme=look.theme, text_size=look.text_size))

    def save(widget: QWidget, what: str) -> None:
        screenshots.save(widget, f"locale-{look.name}-{what}.png")

    morning = StartedClock(parse_moment("2027-03-10T09:05-05:00"))
    # The default size (1180×760): nothing may be cut off at it.
    with SandboxServer(port=0, clock=morning) as sandbox, \
            window_on(sandbox, scratch_data_dir(), size=(1180, 760)) as window:
        day, page = window.day, window.page
        wait(lambda: bool(day.entries()) and page.service_picker.count() > 0)
        booked = [e for e in day.entries() if e.state is DeskState.SCHEDULED
                  and e.start is not None and e.start > morning.now()]
        day.schedule.select(booked[0].id)
        wait(lambda: day.details.heading.text() == booked[0].client_text())
        save(window, "day")

        window.show_booking()
        page.service_picker.select_service_id("sv-physio")
        wait(lambda: not page.busy.waiting and bool(page.slot_picker.open_days()))
        page.slot_picker.select_date(page.slot_picker.open_days()[0])
        wait(lambda: page.slot_picker.slot_list.count() > 0)
        page.slot_picker.slot_list.setCurrentRow(min(2, page.slot_picker.slot_list.count() - 1))
        page.new_client()
        wait(lambda: not page.busy.waiting and page.form is not None)
        form = page.form
        assert form is not None
        form.validate()  # the required fields say so, in the desk's language
        save(window, "book")

        if look.name in ("spanish", "dark"):
            # Offline: the booking is kept as a draft; the status bar and the panel say so.
            fill_required(form)
            sandbox.faults.update(refuse_connections=True)
            page.book()
            wait(lambda: bool(page.banner.message()) and not page.busy.waiting)
            window.drafts_dock.show()
            window.drafts.panel.refresh()
            wait(lambda: window.drafts.panel.table.rowCount() > 0)
            save(window, "offline-draft")
            sandbox.faults.update(refuse_connections=False)

        if look.name == "spanish":
            dialog = SignInDialog(token_store=SessionTokenStore(), api_url=sandbox.url,
                                  business_id=sandbox.business_id)
            dialog.show()
            dialog.show_message(dialog.tr("Paste the staff token."))
            save(dialog, "sign-in")
            dialog.close()


def main(argv: list[str]) -> int:
    names = argv or list(LOOKS)
    if len(names) == 1 and os.environ.get("FRONTDESK_SHOT_CHILD") == "1":
        shoot(LOOKS[names[0]])
        return 0
    failed = 0
    for name in names:
        look = LOOKS[name]
        env = {**os.environ, "LANG": look.lang, "LC_ALL": look.lang, "LANGUAGE": "",
               "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "FRONTDESK_SHOT_CHILD": "1", "XDG_CONFIG_HOME": tempfile.mkdtemp()}
        done = subprocess.run([sys.executable, "-m", "tests.ui.make_locale_screenshots", name],
                              cwd=ROOT, env=env, check=False)
        failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
