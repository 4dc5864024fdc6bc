"""Only starts where the whole service fits in consecutive free time are offered, whether the
listing is duration-checked (30-minute step) or a grid of free 10-minute cells."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.api.models import Slot
from desktop.booking.bookable import bookable_availability, bookable_slots, grid_step

DAY = datetime(2030, 5, 6, 9, 0, tzinfo=UTC)


def at(minutes: int, staff: str = "st1", length: int = 10, **extra: object) -> Slot:
    return Slot.model_validate({"staff_id": staff, "start_time": DAY + timedelta(minutes=minutes),
                                "duration_minutes": length, **extra})


def starts(slots: list[Slot]) -> list[int]:
    return [int((slot.start_time - DAY).total_seconds() // 60) for slot in slots]


def test_a_grid_of_free_cells_needs_enough_cells_in_a_row() -> None:
    # Free 09:00-09:40 and 10:00-11:00 (cells of 10 minutes); a 45-minute service.
    cells = [at(m) for m in (0, 10, 20, 30)] + [at(m) for m in range(60, 120, 10)]
    assert starts(bookable_slots(cells, 45)) == [60, 70]
    assert starts(bookable_slots(cells, 40)) == [0, 60, 70, 80]
    assert starts(bookable_slots(cells, 10)) == starts(cells)


def test_a_duration_checked_listing_keeps_every_start() -> None:
    coarse = [at(m, length=60) for m in (0, 30, 60, 150)]
    assert starts(bookable_slots(coarse, 60)) == [0, 30, 60, 150]


def test_each_staff_member_has_own_free_time() -> None:
    cells = [at(0, "a"), at(10, "b"), at(20, "a"), at(10, "a")]
    kept = bookable_slots(cells, 30)
    assert [(slot.staff_id, minute) for slot, minute in zip(kept, starts(kept), strict=True)] \
        == [("a", 0)]


def test_missing_duration_falls_back_to_the_grid_step() -> None:
    cells = [at(m, length=0) for m in (0, 15, 30, 45)]  # a 15-minute grid
    assert starts(bookable_slots(cells, 30)) == [0, 15, 30]
    assert grid_step(slot.start_time for slot in cells) == timedelta(minutes=15)
    lonely = [at(0, length=0)]  # nothing shows how long it is free: not offered
    assert bookable_slots(lonely, 30) == []


def test_full_slots_are_not_free_and_no_duration_checks_nothing() -> None:
    cells = [at(0), at(10, spots_open=0), at(20)]
    assert starts(bookable_slots(cells, 20)) == []
    assert starts(bookable_slots(cells, 0)) == [0, 20]


def test_availability_keeps_its_days_and_free_time_runs_past_midnight() -> None:
    late = datetime(2030, 5, 6, 23, 40, tzinfo=UTC)
    first = [Slot(staff_id="st1", start_time=late + timedelta(minutes=m), duration_minutes=10)
             for m in (0, 10)]
    second = [Slot(staff_id="st1", start_time=late + timedelta(minutes=20),
                   duration_minutes=10)]
    result = bookable_availability({date(2030, 5, 6): first, date(2030, 5, 7): second,
                                    date(2030, 5, 8): []}, 30)
    assert result == {date(2030, 5, 6): first[:1], date(2030, 5, 7): [], date(2030, 5, 8): []}


@given(free=st.sets(st.integers(0, 60)), need=st.integers(1, 12))
def test_a_start_is_kept_exactly_when_its_cells_are_all_free(free: set[int],
                                                             need: int) -> None:
    cells = [at(10 * n) for n in sorted(free)]
    kept = {m // 10 for m in starts(bookable_slots(cells, 10 * need - 5))}
    assert kept == {n for n in free if all(n + k in free for k in range(need))}
