"""Every booking, kept in the sorted orders the appointments list pages through.

With a big history (100,000 appointments) a request must not sort the whole book: the store
keeps one sorted list of integer keys per order (start, last change, creation), updated by
bisection on every change, so a page without filters is a slice and a filtered page stops as
soon as it is full. Small side indexes answer "this client's", "this business day's" and
"this event instance's" bookings without a scan.

A key is ``(moment << 32) | seq``: the moment (seconds or milliseconds since 1970) sorts, the
record's sequence number breaks ties and finds the record again. Not thread-safe: the state's
lock guards every call.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from desktop.sandbox.records import BookingRecord

ORDERS = ("start_at", "updated", "created")
_SEQ_BITS = 32
_SEQ_MASK = (1 << _SEQ_BITS) - 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)

Keep = Callable[[BookingRecord], bool]


def _key(order: str, booking: BookingRecord) -> int:
    if order == "start_at":
        moment = int(booking.start.timestamp())
    elif order == "updated":
        moment = round(booking.updated_at.timestamp() * 1000)
    else:
        moment = round(booking.created_at.timestamp() * 1000)
    return (moment << _SEQ_BITS) | booking.seq


class BookingStore:
    def __init__(self, tz: ZoneInfo) -> None:
        self._tz = tz
        self._records: list[BookingRecord] = []
        self._by_id: dict[str, BookingRecord] = {}
        self._orders: dict[str, list[int]] = {order: [] for order in ORDERS}
        self._by_client: dict[str, set[int]] = defaultdict(set)
        self._by_day: dict[date, set[int]] = defaultdict(set)
        self._by_instance: dict[str, set[int]] = defaultdict(set)
        self._last_change = _EPOCH

    # ------------------------------------------------------------------ filling
    def load(self, bookings: Iterable[BookingRecord]) -> None:
        """Add many at once (seeding): one sort per order instead of one insert each."""
        starts, updates, creations = (self._orders[order] for order in ORDERS)
        for booking in bookings:
            self._file(booking)
            seq = booking.seq
            starts.append((int(booking.start.timestamp()) << _SEQ_BITS) | seq)
            updates.append((round(booking.updated_at.timestamp() * 1000) << _SEQ_BITS) | seq)
            creations.append((round(booking.created_at.timestamp() * 1000) << _SEQ_BITS) | seq)
        for keys in self._orders.values():
            keys.sort()

    def add(self, booking: BookingRecord) -> None:
        """A new booking: itself a change, so it is later than every change before it."""
        booking.updated_at = self._next_change(booking.updated_at)
        self._file(booking)
        for order in ORDERS:
            insort(self._orders[order], _key(order, booking))

    def _file(self, booking: BookingRecord) -> None:
        if booking.id in self._by_id:
            raise ValueError(f"booking {booking.id} exists already")
        booking.seq = len(self._records)
        self._records.append(booking)
        self._by_id[booking.id] = booking
        self._by_client[booking.client_id].add(booking.seq)
        if booking.day is None:
            booking.day = self._day_of(booking)
        self._by_day[booking.day].add(booking.seq)
        if booking.event_instance_id:
            self._by_instance[booking.event_instance_id].add(booking.seq)
        if booking.updated_at > self._last_change:
            self._last_change = booking.updated_at

    # ------------------------------------------------------------------ changing
    def touch(self, booking: BookingRecord, now: datetime) -> datetime:
        """Mark a change: ``updated_at`` becomes ``now``, and always later than any change
        before it (so "what changed since X" never misses one made in the same millisecond)."""
        moment = self._next_change(now)
        self._rekey("updated", booking, lambda: setattr(booking, "updated_at", moment))
        self._last_change = moment
        return moment

    def _next_change(self, now: datetime) -> datetime:
        whole_ms = now.astimezone(UTC).replace(microsecond=now.microsecond // 1000 * 1000)
        return max(whole_ms, self._last_change + _MS)

    def move(self, booking: BookingRecord, start: datetime, duration: int) -> None:
        """Give ``booking`` a new start and duration (call :meth:`touch` as well)."""
        if booking.day is not None:
            self._by_day[booking.day].discard(booking.seq)

        def apply() -> None:
            booking.start = start.astimezone(UTC)
            booking.duration = duration

        self._rekey("start_at", booking, apply)
        booking.day = self._day_of(booking)
        self._by_day[booking.day].add(booking.seq)

    def _rekey(self, order: str, booking: BookingRecord, change: Callable[[], None]) -> None:
        keys = self._orders[order]
        old = _key(order, booking)
        index = bisect_left(keys, old)
        if index < len(keys) and keys[index] == old:
            del keys[index]
        change()
        insort(keys, _key(order, booking))

    # ------------------------------------------------------------------ reading
    def __len__(self) -> int:
        return len(self._records)

    def get(self, booking_id: str) -> BookingRecord | None:
        return self._by_id.get(booking_id)

    def by_start(self) -> Iterator[BookingRecord]:
        return (self._records[key & _SEQ_MASK] for key in self._orders["start_at"])

    def on_days(self, first: date, last: date) -> list[BookingRecord]:
        """Bookings starting on business days ``first``..``last``, by start."""
        found: list[BookingRecord] = []
        day = first
        while day <= last:
            found += (self._records[seq] for seq in self._by_day.get(day, ()))
            day += timedelta(days=1)
        found.sort(key=lambda booking: (booking.start, booking.seq))
        return found

    def of_instance(self, instance_id: str) -> list[BookingRecord]:
        return [self._records[seq] for seq in sorted(self._by_instance.get(instance_id, ()))]

    def page(self, *, order: str = "start_at", descending: bool = False,
             keep: Keep | None = None, client_id: str | None = None, page: int = 1,
             per_page: int = 25) -> tuple[list[BookingRecord], int | None]:
        """One page of bookings in ``order``, and the next page's number (None at the end)."""
        skip = (page - 1) * per_page
        if client_id is not None:
            mine = sorted((self._records[seq] for seq in self._by_client.get(client_id, ())),
                          key=lambda booking: _key(order, booking), reverse=descending)
            chosen = [booking for booking in mine if keep is None or keep(booking)]
            window = chosen[skip:skip + per_page + 1]
        elif keep is None:
            keys = self._orders[order]
            if descending:
                end = max(0, len(keys) - skip)
                picked = keys[max(0, end - per_page - 1):end][::-1]
            else:
                picked = keys[skip:skip + per_page + 1]
            window = [self._records[key & _SEQ_MASK] for key in picked]
        else:
            keys = self._orders[order]
            walk = reversed(keys) if descending else iter(keys)
            matching = (booking for booking in (self._records[key & _SEQ_MASK] for key in walk)
                        if keep(booking))
            window = list(islice(matching, skip, skip + per_page + 1))
        more = len(window) > per_page
        return window[:per_page], (page + 1 if more else None)

    def _day_of(self, booking: BookingRecord) -> date:
        return booking.start.astimezone(self._tz).date()
