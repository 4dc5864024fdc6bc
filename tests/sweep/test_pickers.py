"""Issue 11's calendar sweep, on screen: the Book page's calendar and slot list in the real
window, on the sandbox's clock, at the sweep's moments (tests/sweep/moments.py).

What the receptionist must see: days before the business's today disabled and the calendar
opening on that today (not on the computer's date), on the first open day; no time offered
that does not exist; a time that happens twice shown with its UTC offset (and only then);
on New Year's Eve at 23:50 the new year's first open day, not an empty December.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from pytestqt.qtbot import QtBot

from desktop.api.models import Slot
from desktop.sandbox.server import SandboxServer
from desktop.ui.main_window import MainWindow
from tests.sweep.conftest import WAIT_MS, DeskAt
from tests.sweep.moments import (
    AHEAD_OF_UTC,
    BEFORE_CLOSING,
    BEHIND_MACHINE,
    EVERY,
    FALL_BACK_FIRST,
    FALL_BACK_SECOND,
    FRIDAY,
    LEAP_DAY,
    NEW_YEARS_EVE,
    NIGHT_LINE,
    SPRING_FORWARD,
    SUNDAY,
    Moment,
    each,
)

DeskAtMoment = Callable[..., DeskAt]


def plain(texts: list[str]) -> list[str]:
    """Listed times with the locale's narrow spaces as plain ones: ``1:45 AM``."""
    return [text.replace("\u202f", " ").replace("\xa0", " ") for text in texts]


def listed_slots(desk: DeskAt) -> list[Slot]:
    listed = desk.picker.slot_list
    return [listed.item(row).data(0x0100) for row in range(listed.count())]


def free_the_night(sandbox: SandboxServer, day: date) -> None:
    """The night line's seeded calls are cancelled (the sweep wants to see every time)."""
    ids = [b["id"] for b in sandbox.state.bookings()
           if b["staff_id"] == "st-nair" and b["start_time"].startswith(str(day))]
    sandbox.state.cancel_bookings(ids)


@each(*EVERY)
def test_the_calendar_opens_on_the_business_today(desk_at: DeskAtMoment,
                                                  moment: Moment) -> None:
    desk = desk_at(moment)
    desk.choose("sv-phone-consult")
    today = moment.local.date()
    assert desk.first_selectable_day() == today  # every earlier day is disabled
    open_days = desk.picker.open_days()
    assert open_days, desk.picker.status.text()
    assert desk.selected_day() == open_days[0] >= today
    month_after = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    assert desk.shown_month() in ((today.year, today.month),
                                  (month_after.year, month_after.month))
    shown = listed_slots(desk)
    assert shown
    assert all(slot.start_time > moment.when for slot in shown)


def test_spring_forward_lists_no_time_that_does_not_exist(desk_at: DeskAtMoment) -> None:
    desk = desk_at(SPRING_FORWARD, staff_hours=NIGHT_LINE)
    free_the_night(desk.sandbox, date(2027, 3, 14))
    desk.choose("sv-phone-consult", "st-nair")
    assert desk.selected_day() == date(2027, 3, 14)  # tonight still has times
    assert plain(desk.times()) == ["1:45 AM", "3:00 AM", "3:15 AM", "3:30 AM", "3:45 AM"]


def test_the_repeated_0130_is_shown_with_its_offset(desk_at: DeskAtMoment) -> None:
    desk = desk_at(FALL_BACK_FIRST, staff_hours=NIGHT_LINE)
    free_the_night(desk.sandbox, date(2027, 11, 7))
    desk.choose("sv-phone-consult", "st-nair")
    assert desk.selected_day() == date(2027, 11, 7)
    night = plain(desk.times())
    assert night[:6] == ["1:45 AM (UTC−04:00)", "1:00 AM (UTC−05:00)", "1:15 AM (UTC−05:00)",
                         "1:30 AM (UTC−05:00)", "1:45 AM (UTC−05:00)", "2:00 AM"]
    assert night[-1] == "3:45 AM"  # a time that happens once says no offset
    # Picking the second 01:30 books the second one: an hour after the first.
    desk.picker.slot_list.setCurrentRow(3)
    chosen = desk.page.selection.slot
    assert chosen is not None
    assert chosen.start_time == datetime.fromisoformat("2027-11-07T01:30-05:00")
    # ... and says so wherever the time is written again (the draft, the confirmation).
    assert plain([desk.page.saved_booking().local_time]) == [
        "Sunday, November 7, 2027, 1:30 AM (UTC−05:00) (America/New_York)"]


def test_after_the_second_0130_no_offset_is_needed_any_more(desk_at: DeskAtMoment) -> None:
    desk = desk_at(FALL_BACK_SECOND, staff_hours=NIGHT_LINE)
    free_the_night(desk.sandbox, date(2027, 11, 7))
    desk.choose("sv-phone-consult", "st-nair")
    night = plain(desk.times())
    assert night[0] == "1:45 AM (UTC−05:00)"  # still a time that happened twice
    assert "1:45 AM (UTC−04:00)" not in night  # the first one is past
    assert night[1] == "2:00 AM"


def test_new_years_eve_opens_on_the_new_years_first_open_day(desk_at: DeskAtMoment) -> None:
    desk = desk_at(NEW_YEARS_EVE)
    desk.choose("sv-massage")
    assert desk.first_selectable_day() == date(2027, 12, 31)
    assert desk.shown_month() == (2028, 1)  # not an empty December
    first = desk.picker.open_days()[0]
    assert desk.selected_day() == first
    assert desk.picker.day_title.text().endswith(f"January {first.day}, 2028")
    assert "Nothing is open for the rest of December 2027." in desk.picker.status.text()
    assert all(slot.start_time.year == 2028 for slot in listed_slots(desk))
    # Going back to December shows it as it is (the calendar does not jump again).
    desk.picker.calendar.setCurrentPage(2027, 12)
    desk.wait_times()
    assert desk.shown_month() == (2027, 12)
    assert desk.picker.open_days() == []
    assert "No open times this month" in desk.picker.status.text()


def test_a_business_ahead_of_utc_has_yesterday_disabled(desk_at: DeskAtMoment) -> None:
    desk = desk_at(AHEAD_OF_UTC)  # 23:50 on 31 Dec on the desk; 13:50 on 1 Jan in Tokyo
    desk.choose("sv-massage")
    assert desk.first_selectable_day() == date(2028, 1, 1)
    desk.picker.select_date(date(2027, 12, 31))  # a click on the last day of 2027
    assert desk.selected_day() >= date(2028, 1, 1)
    desk.show_day(date(2028, 1, 1))
    assert desk.selected_day() == desk.picker.open_days()[0]
    tokyo = [s.start_time.astimezone(ZoneInfo("Asia/Tokyo")) for s in listed_slots(desk)]
    assert tokyo
    assert all(start > AHEAD_OF_UTC.when and start.year == 2028 for start in tokyo)
    if desk.selected_day() == date(2028, 1, 1):  # Tokyo's wall times, after 13:50
        hour = tokyo[0].hour
        assert plain(desk.times())[0].startswith(f"{hour - 12}:{tokyo[0].minute:02d} PM")
    assert desk.window.findChild(object, "business-zone").text() \
        == "Business time zone: Asia/Tokyo"


def test_a_business_behind_the_desk_keeps_its_own_day(desk_at: DeskAtMoment) -> None:
    desk = desk_at(BEHIND_MACHINE)  # 20:00 on 31 Dec in New York, 02:00 on 1 Jan in Madrid
    assert datetime.now().astimezone().date() != BEHIND_MACHINE.local.date() \
        or datetime.now().astimezone().utcoffset() == timedelta(hours=1)  # TZ is Madrid's
    assert desk.window.day.day() == date(2027, 12, 31)  # the Day view: the business's day
    desk.choose("sv-massage")
    assert desk.first_selectable_day() == date(2027, 12, 31)
    assert desk.shown_month() == (2028, 1)  # nothing left on the business's 31 December
    assert desk.selected_day() == desk.picker.open_days()[0]


def test_leap_day_is_a_day_like_any_other(desk_at: DeskAtMoment) -> None:
    desk = desk_at(LEAP_DAY)
    desk.choose("sv-phone-consult")
    assert desk.first_selectable_day() == desk.selected_day() == date(2028, 2, 29)
    assert desk.picker.day_title.text() == "Tuesday, February 29, 2028"
    assert listed_slots(desk)[0].start_time.astimezone(ZoneInfo("America/New_York")) \
        .date() == date(2028, 2, 29)


def test_sunday_lands_on_monday(desk_at: DeskAtMoment) -> None:
    desk = desk_at(SUNDAY)
    desk.choose("sv-phone-consult")
    assert desk.first_selectable_day() == date(2027, 6, 13)
    assert desk.selected_day() == date(2027, 6, 14)
    assert desk.picker.day_title.text() == "Monday, June 14, 2027"
    desk.picker.select_date(date(2027, 6, 13))  # Sunday itself, chosen by hand
    assert "No open times on Sun, Jun 13" in desk.picker.status.text()


def test_friday_lists_dr_chen_until_one(desk_at: DeskAtMoment) -> None:
    desk = desk_at(FRIDAY)  # 08:30: today's list is short (the day is nearly full)
    desk.choose("sv-follow-up-video", "st-chen")
    times: list[str] = []
    for friday in (date(2027, 6, 11), date(2027, 6, 18)):
        shown = plain(desk.show_day(friday))
        if desk.selected_day() == friday:  # not moved on to the next open day
            times += shown
    assert times, "the Fridays have open times"
    assert set(times) <= {"9:00 AM", "9:30 AM", "10:00 AM", "10:30 AM",
                                        "11:00 AM", "11:30 AM", "12:00 PM", "12:30 PM"}


def test_ten_minutes_before_closing_today_is_over(desk_at: DeskAtMoment) -> None:
    desk = desk_at(BEFORE_CLOSING)
    desk.choose("sv-phone-consult", "st-chen")
    assert desk.first_selectable_day() == date(2027, 6, 15)  # today, still selectable
    assert desk.selected_day() == date(2027, 6, 16)  # but its times are over
    desk.show_day(date(2027, 6, 15))  # a click on today
    assert desk.selected_day() == date(2027, 6, 16)
    assert desk.picker.status.text() == "No open times on Tue, Jun 15; showing Wed, Jun 16."


def test_time_machine_moves_the_whole_desk_on_the_system_clock(
        qtbot: QtBot, tmp_path: object) -> None:
    """Nothing given a clock: the window and the sandbox read the system clock, moved by
    time-machine to a leap day in the past. Qt's own date (the computer's) is not moved: the
    calendar must open on the clock's day anyway."""
    from desktop.api.client import BookingClient

    leap = datetime.fromisoformat("2024-02-29T10:00-05:00")
    with time_machine.travel(leap, tick=True), SandboxServer() as sandbox, \
            BookingClient(sandbox.url, sandbox.staff_token()) as client:
        window = MainWindow(client, client.get_business(sandbox.business_id), demo=True,
                            data_dir=tmp_path / "data")  # type: ignore[operator]
        qtbot.addWidget(window)
        try:
            window.show()
            window.start()
            qtbot.waitUntil(lambda: not window.day.work.waiting, timeout=WAIT_MS)
            assert window.day.day() == date(2024, 2, 29)
            window.show_booking()
            qtbot.waitUntil(lambda: window.page.service_picker.count() > 0, timeout=WAIT_MS)
            desk = DeskAt(qtbot, window, sandbox)
            desk.choose("sv-phone-consult")
            assert desk.first_selectable_day() == date(2024, 2, 29)
            assert desk.shown_month() == (2024, 2)
            assert desk.selected_day() == date(2024, 2, 29)
        finally:
            window.shutdown()
