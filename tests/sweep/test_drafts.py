"""Issue 11's calendar sweep: drafts whose time passes. A draft saved for a time that is now
over says so in the Drafts panel, and reopened it says the time has passed (not merely that it
is "no longer open"), with the calendar on today; at the repeated 01:30 of a clock change, a
draft's time is past or not by the instant, not by the wall time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from desktop.outbox import OperationStatus
from desktop.outbox.model import Operation
from desktop.ui.booking.message_banner import Tone
from desktop.ui.drafts.panel import STATUS_COLUMN
from tests.sweep.conftest import WAIT_MS, DeskAt
from tests.sweep.moments import (
    FALL_BACK_FIRST,
    LEAP_DAY,
    NEW_YEARS_EVE,
    NIGHT_LINE,
    SUNDAY,
    Moment,
    each,
)
from tests.sweep.test_pickers import free_the_night, plain

DeskAtMoment = Callable[..., DeskAt]
PASSED = "In the past: open it to pick another time"


def save_draft_of_first_time(desk: DeskAt, service_id: str, staff_id: str | None = None,
                             row: int = 0) -> Operation:
    """Choose the service, its first open day's time at ``row``, and Ctrl+S."""
    desk.choose(service_id, staff_id)
    desk.picker.slot_list.setCurrentRow(row)
    assert desk.page.selection.slot is not None
    store = desk.window.drafts.store
    desk.window.action_save_draft.trigger()
    desk.qtbot.waitUntil(lambda: len(store.list_operations()) == 1, timeout=WAIT_MS)
    draft = store.list_operations()[0]
    assert draft.status is OperationStatus.DRAFT
    return draft


def panel_status(desk: DeskAt) -> str:
    """The Drafts panel's status cell of its one row, freshly read (View → Drafts)."""
    panel = desk.window.drafts.panel
    desk.window.drafts_dock.show()
    # A read started earlier (before the draft was saved, or the clock moved) may still be
    # on its way: a new refresh supersedes it, so the next answer shown is a fresh one.
    with desk.qtbot.waitSignal(panel.sig_refreshed, timeout=WAIT_MS):
        panel.refresh()
    assert panel.table.rowCount() == 1
    item = panel.table.item(0, STATUS_COLUMN)
    assert item is not None
    return item.text()


#: How long after the draft's time it is reopened: a minute, or days (into the next month,
#: whose calendar page the draft's day is no longer on).
LATER = {NEW_YEARS_EVE.name: timedelta(minutes=1), LEAP_DAY.name: timedelta(days=2),
         SUNDAY.name: timedelta(hours=5)}


@each(NEW_YEARS_EVE, LEAP_DAY, SUNDAY)
def test_a_draft_whose_time_passed_says_so_and_reopens_on_today(
        desk_at: DeskAtMoment, moment: Moment) -> None:
    desk = desk_at(moment)
    draft = save_draft_of_first_time(desk, "sv-massage")
    start = draft.label.start_time
    assert start is not None
    assert start > moment.when
    assert panel_status(desk) == "Draft"  # still ahead: nothing to say

    later = start + LATER[moment.name]
    desk.sandbox.set_now(later, reseed=False)
    assert panel_status(desk) == PASSED

    desk.window.drafts.panel.select_operation(draft.id)
    desk.window.drafts.panel.open_selected()
    desk.qtbot.waitUntil(lambda: desk.page.banner.tone is Tone.WARNING, timeout=WAIT_MS)
    assert draft.form is not None
    assert plain([desk.page.banner.message()]) == [
        f"The time saved in this draft, {plain([draft.form.local_time])[0].rsplit(' (', 1)[0]}"
        ", has passed. Please pick another; everything else was restored."]
    assert desk.page.selection.service is not None
    assert desk.page.selection.service.id == "sv-massage"  # the rest came back
    desk.wait_times()
    assert desk.page.selection.slot is None  # the passed time is not chosen again
    today = later.astimezone(desk.sandbox.state.tz).date()
    assert desk.first_selectable_day() == today  # the draft's own day is today or past
    assert desk.selected_day() >= today


def test_a_draft_left_over_new_year_reopens_on_the_new_month(desk_at: DeskAtMoment) -> None:
    desk = desk_at(NEW_YEARS_EVE)
    desk.choose("sv-massage")
    desk.picker.calendar.setCurrentPage(2027, 12)  # back to December's (empty) page
    desk.wait_times()
    desk.page.save_draft()  # an unfinished draft: no time chosen yet
    desk.qtbot.waitUntil(lambda: bool(desk.window.drafts.store.list_operations()),
                         timeout=WAIT_MS)
    saved = desk.window.drafts.store.list_operations()[0]
    assert panel_status(desk) == "Draft"  # books no time: never "in the past"
    desk.sandbox.set_now(datetime.fromisoformat("2028-01-03T09:00-05:00"), reseed=False)
    assert panel_status(desk) == "Draft"
    assert saved.form is not None
    desk.window.drafts.reopen(saved.id, saved.form)
    desk.wait_times()
    assert desk.first_selectable_day() == date(2028, 1, 3)  # the app's today moved on


def test_at_the_repeated_0130_a_draft_is_past_by_the_instant(desk_at: DeskAtMoment) -> None:
    desk = desk_at(FALL_BACK_FIRST, staff_hours=NIGHT_LINE)  # 01:30, the first time
    free_the_night(desk.sandbox, date(2027, 11, 7))
    # The list: 1:45 (UTC−04:00), then 1:00, 1:15 ... (UTC−05:00). Keep 1:15 the second time.
    draft = save_draft_of_first_time(desk, "sv-phone-consult", "st-nair", row=2)
    assert draft.label.start_time == datetime.fromisoformat("2027-11-07T01:15-05:00")
    assert draft.form is not None
    assert "1:15 AM (UTC−05:00)" in plain([draft.form.local_time])[0]
    assert panel_status(desk) == "Draft"  # 01:15 < 01:30 on the wall, yet 45 minutes ahead

    desk.sandbox.set_now(datetime.fromisoformat("2027-11-07T01:10-05:00"), reseed=False)
    assert panel_status(desk) == "Draft"  # the second 01:10: five minutes to go
    desk.sandbox.set_now(datetime.fromisoformat("2027-11-07T01:16-05:00"), reseed=False)
    assert panel_status(desk) == PASSED
