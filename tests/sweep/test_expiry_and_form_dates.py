"""Issue 11's calendar sweep: what is about the desk itself rather than the business.

The sign-in expiry warning is written in the computer's own zone (``TZ``): a time that happens
twice there carries its offset, the day is the computer's (which may be a year ahead of the
business's). The sandbox refuses the token by its own clock at the same instant. The generated
form's date fields start from today on the app's clock, in the business's zone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.auth.jwt_info import expiry_to_warn_about
from desktop.clock import ManualClock
from desktop.forms import parse_definition
from desktop.ui.form import GeneratedForm
from desktop.ui.form.date_edit import OptionalDateEdit, clock_today
from desktop.ui.sign_in.expiry import expiry_text
from tests.forms.samples import every_type
from tests.sweep.conftest import Business
from tests.sweep.moments import (
    AHEAD_OF_UTC,
    BEHIND_MACHINE,
    FALL_BACK_FIRST,
    LEAP_DAY,
    MADRID_BUSINESS,
    NEW_YEARS_EVE,
    NO_DST,
    SPRING_FORWARD,
    Moment,
)
from tests.sweep.test_pickers import plain

#: (moment, the token's life in minutes, what the warning says then).
WARNINGS = [
    (NEW_YEARS_EVE, 10, "expires in 10 minutes (at 12:00 AM on Sat, Jan 1)"),
    (SPRING_FORWARD, 30, "expires in 30 minutes (at 3:00 AM on Sun, Mar 14)"),
    (FALL_BACK_FIRST, 60, "expires in about 1 hour (at 1:30 AM (UTC−05:00) on Sun, Nov 7)"),
    (FALL_BACK_FIRST, 10, "expires in 10 minutes (at 1:40 AM (UTC−04:00) on Sun, Nov 7)"),
    (NO_DST, 60, "expires in about 1 hour (at 2:30 AM on Sun, Nov 7)"),
    (LEAP_DAY, 12 * 60, "expires in about 12 hours (at 9:00 PM on Tue, Feb 29)"),
    # The desk's computer is in New York, the business in Tokyo (already 1 January there).
    (AHEAD_OF_UTC, 5, "expires in 5 minutes (at 11:55 PM on Fri, Dec 31)"),
    # The desk's computer is in Madrid (already 2028), the business in New York.
    (BEHIND_MACHINE, 120, "expires in about 2 hours (at 4:00 AM on Sat, Jan 1)"),
    (MADRID_BUSINESS, 15, "expires in 15 minutes (at 11:45 PM on Mon, Feb 28)"),
]


@pytest.mark.parametrize(("moment", "minutes", "said"), WARNINGS,
                         ids=[f"{m.name}-{n}min" for m, n, _ in WARNINGS])
def test_the_expiry_warning_is_in_the_desks_own_time(
        qtbot: QtBot, business_at: Callable[..., Business],
        machine_zone: Callable[[str], None], moment: Moment, minutes: int, said: str) -> None:
    machine_zone(moment.machine_zone)
    sandbox, _ = business_at(moment)
    token = sandbox.staff_token(expires_in=minutes * 60)
    clock = sandbox.clock
    assert isinstance(clock, ManualClock)
    expiry = expiry_to_warn_about(token, now=clock.now())
    assert expiry == moment.when + timedelta(minutes=minutes)
    assert plain([expiry_text(expiry, clock.now())]) == [
        f"Your sign-in {said}. Get a new staff token before then."]

    headers = {"Authorization": f"Bearer {token}"}
    services = sandbox.url + "/platform/v1/services"
    assert httpx.get(services, headers=headers).status_code == 200
    clock.advance(timedelta(minutes=minutes, seconds=1))
    assert expiry_text(expiry, clock.now()) == (
        "Your sign-in has expired. Sign in again with a new staff token.")
    assert httpx.get(services, headers=headers).status_code == 401  # the sandbox agrees


@pytest.mark.parametrize(("moment", "zone", "day"), [
    (NEW_YEARS_EVE, "America/New_York", date(2027, 12, 31)),
    (NEW_YEARS_EVE, "Asia/Tokyo", date(2028, 1, 1)),
    (LEAP_DAY, "America/New_York", date(2028, 2, 29)),
    (BEHIND_MACHINE, "America/Los_Angeles", date(2027, 12, 31)),
    (MADRID_BUSINESS, "Europe/Madrid", date(2028, 2, 29)),
], ids=lambda value: getattr(value, "name", str(value)))
def test_a_form_date_starts_at_the_business_today(qtbot: QtBot, moment: Moment, zone: str,
                                                  day: date) -> None:
    from zoneinfo import ZoneInfo

    form = GeneratedForm(parse_definition(every_type()),
                         today=clock_today(ManualClock(moment.when), ZoneInfo(zone)))
    qtbot.addWidget(form)
    form.show()
    edit = form.findChild(OptionalDateEdit, "field-f8")
    assert isinstance(edit, OptionalDateEdit)
    assert edit.text() == "No date"
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # stepping from empty starts at today
    assert form.values()["f8"] == day


def test_without_a_zone_a_date_field_starts_at_the_computers_today(
        qtbot: QtBot, machine_zone: Callable[[str], None]) -> None:
    machine_zone("Europe/Madrid")  # 02:00 on 1 January there, 20:00 on 31 Dec in New York
    edit = OptionalDateEdit(today=clock_today(ManualClock(BEHIND_MACHINE.when)))
    qtbot.addWidget(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.date_or_none() == date(2028, 1, 1)
