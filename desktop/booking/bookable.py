"""Which listed starts can really take the service: the whole duration must fit in free time.

The platform may list free starts on a 10-minute grid without checking that the service's
duration fits (the vendor's verified workflows; ../shared/API.md). Each listed slot is read
as free time ``[start, start + duration_minutes)`` of its staff member (the listing's grid
step when ``duration_minutes`` is missing or 0), the free times of one staff member are
joined where they touch or overlap, and a start is offered only when
``[start, start + service duration)`` lies inside one joined stretch.

This reads both listings the same way: a duration-checked coarse listing (30-minute step,
``duration_minutes`` = the service's duration: every start fits by itself) and a grid of free
10-minute cells (``duration_minutes`` = 10: a 45-minute service needs five free cells in a
row). A start offered here can still be refused by the server (booked meanwhile): that 422 is
a ``SlotTakenError`` like any taken time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from itertools import pairwise

from desktop.api.models import Slot

Stretch = tuple[datetime, datetime]


def bookable_slots(slots: Iterable[Slot], service_minutes: int) -> list[Slot]:
    """The slots (in their order) where ``service_minutes`` fit in the staff member's free
    time. A service without a duration (0) is checked against nothing: every free start."""
    listed = [slot for slot in slots if not slot.is_full]
    if service_minutes <= 0:
        return listed
    need = timedelta(minutes=service_minutes)
    free = _free_stretches(listed)
    return [slot for slot in listed
            if _covered(free.get(slot.staff_id, ([], [])), slot.start_time,
                        slot.start_time + need)]


def bookable_availability(by_day: Mapping[date, Sequence[Slot]],
                          service_minutes: int) -> dict[date, list[Slot]]:
    """``bookable_slots`` over an availability answer, keeping its days (a day may end up
    empty). Free time runs across days, so a stretch past midnight counts."""
    everything = [slot for slots in by_day.values() for slot in slots]
    keep = {id(slot) for slot in bookable_slots(everything, service_minutes)}
    return {day: [slot for slot in slots if id(slot) in keep] for day, slots in by_day.items()}


def grid_step(starts: Iterable[datetime]) -> timedelta | None:
    """The smallest gap between distinct listed starts (the listing's grid), if any."""
    ordered = sorted(set(starts))
    positive = [later - earlier for earlier, later in pairwise(ordered)]
    return min(positive) if positive else None


def _free_stretches(slots: Sequence[Slot]) -> dict[str | None, tuple[list[datetime],
                                                                     list[datetime]]]:
    """Per staff member: the joined free stretches as (starts, ends), sorted."""
    by_staff: dict[str | None, list[Slot]] = defaultdict(list)
    for slot in slots:
        by_staff[slot.staff_id].append(slot)
    result: dict[str | None, tuple[list[datetime], list[datetime]]] = {}
    for staff_id, own in by_staff.items():
        step = grid_step(slot.start_time for slot in own) or timedelta(0)
        pieces = sorted((slot.start_time, slot.start_time + (
            timedelta(minutes=slot.duration_minutes) if slot.duration_minutes > 0 else step))
            for slot in own)
        joined: list[Stretch] = []
        for begin, end in pieces:
            if joined and begin <= joined[-1][1]:
                joined[-1] = (joined[-1][0], max(joined[-1][1], end))
            else:
                joined.append((begin, end))
        result[staff_id] = ([begin for begin, _ in joined], [end for _, end in joined])
    return result


def _covered(stretches: tuple[list[datetime], list[datetime]], begin: datetime,
             end: datetime) -> bool:
    starts, ends = stretches
    index = bisect_right(starts, begin) - 1
    return index >= 0 and end <= ends[index]
