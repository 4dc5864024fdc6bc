"""The day at the desk: cancel, complete / no-show, reschedule, accept, waitlist, and
"another desk books or cancels now" (issue 16; shapes in API.md, "The day at the desk").

Every change moves the booking's ``updated_at`` (from the sandbox's clock, always later than
the change before) so ``sort=updated:DESC`` finds it first. Repeating a change that is already
done (cancel a cancelled booking, complete a done one the same way, accept a scheduled one) is
a success that changes nothing, so a desk re-sending after a lost answer is safe.

Batches (``booking_id`` a list, at most 50) are all or nothing for unknown ids (404, nothing
changed); a booking in a state that cannot take the change fails alone, in its entry of
``batch_response`` (the vendor's ``swagger/scheduling/legacy/scheduling.json`` shows that
shape; the per-entry error text is not confirmed).

Not confirmed from public sources, chosen here: the 422 ``INVALID_STATE`` code for a change
the booking's state does not allow; ``Invalid event instance`` also when the instance still has
spots (nothing to wait for); no automatic filling of a freed spot from the waitlist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from desktop.sandbox import availability
from desktop.sandbox.calendar_state import CalendarState
from desktop.sandbox.records import HOLDING, OPEN, BookingRecord, Record, appointment_item, iso_ms
from desktop.sandbox.replies import ApiFailure, invalid, not_found, unavailable
from desktop.sandbox.validation import BookingPlan

MAX_BATCH = 50
LOOK_AHEAD_DAYS = 7


@dataclass
class Outcome:
    """One booking of a batch: its appointment after the change, or why it failed."""

    booking_id: str
    appointment: Record
    failure: ApiFailure | None = None


def wrong_state(booking: BookingRecord, change: str) -> ApiFailure:
    return ApiFailure(422, "INVALID_STATE", f"Booking is {booking.status} and cannot be {change}")


class DeskActions(CalendarState):
    # ------------------------------------------------------------------ batches
    def cancel_bookings(self, booking_ids: Sequence[str], *, message: str | None = None
                        ) -> list[Outcome]:
        def cancel(booking: BookingRecord) -> bool:
            if booking.status == "cancelled":
                return False
            if booking.status not in OPEN:
                raise wrong_state(booking, "cancelled")
            booking.status = "cancelled"
            self._note(booking, "cancel", message, notify=True)
            return True
        return self._batch(booking_ids, cancel)

    def complete_bookings(self, booking_ids: Sequence[str], *, no_show: bool = False,
                          message: str | None = None) -> list[Outcome]:
        def complete(booking: BookingRecord) -> bool:
            if booking.status == "done" and booking.no_show == no_show:
                return False
            if booking.status not in OPEN and booking.status != "done":
                raise wrong_state(booking, "completed")
            booking.status, booking.no_show = "done", no_show
            self._note(booking, "no_show" if no_show else "complete", message, notify=True)
            return True
        return self._batch(booking_ids, complete)

    def accept_booking(self, booking_id: str) -> Outcome:
        def accept(booking: BookingRecord) -> bool:
            if booking.status == "scheduled":
                return False
            if booking.status not in OPEN:
                raise wrong_state(booking, "accepted")
            booking.status = "scheduled"
            return True
        return self._batch([booking_id], accept)[0]

    def _batch(self, booking_ids: Sequence[str], change: Callable[[BookingRecord], bool]
               ) -> list[Outcome]:
        unique = list(dict.fromkeys(booking_ids))
        if not unique:
            raise invalid("Parameter booking_id must name at least one booking")
        if len(unique) > MAX_BATCH:
            raise invalid(f"At most {MAX_BATCH} bookings per call")
        with self._lock:
            found = [self._store.get(booking_id) for booking_id in unique]
            if any(booking is None for booking in found):
                raise ApiFailure(404, "NOT_FOUND", "Booking not found")
            outcomes = []
            for booking in found:
                assert booking is not None
                failure = None
                try:
                    if change(booking):
                        self._store.touch(booking, self.clock.now())
                except ApiFailure as refused:
                    failure = refused
                outcomes.append(Outcome(booking.id, appointment_item(booking, self._lookups),
                                        failure))
            return outcomes

    # ------------------------------------------------------------------ reschedule
    def reschedule(self, booking_id: str, start: datetime, *, duration: int | None = None,
                   allow_double_booking: bool = True, notify_client: bool = False,
                   message: str | None = None, staff_id: str | None = None) -> Record:
        """Move a booking (``PUT /business/scheduling/v1/bookings/{id}``).

        ``allow_double_booking`` defaults to true as on the platform (the vendor's
        ``scheduling.json``: "True by default"): then any time is taken as given. With false
        the new time must be free (the booking's own time counts as free), in the future and
        inside working hours, or 422 TIMESLOT_UNAVAILABLE.
        """
        if start.tzinfo is None:
            raise invalid("Parameter start_time must carry a UTC offset")
        with self._lock:
            booking = self._store.get(booking_id)
            if booking is None:
                raise ApiFailure(404, "NOT_FOUND", "Booking not found")
            if booking.type != "appointment":
                raise invalid("An event registration cannot be moved: cancel it and register "
                              "for another instance")
            if staff_id is not None and staff_id != booking.staff_id:
                raise invalid("The staff member of a booking cannot be changed: cancel it and "
                              "book again")
            if booking.status not in OPEN:
                raise wrong_state(booking, "rescheduled")
            minutes = booking.duration if duration is None else duration
            if not 5 <= minutes <= 12 * 60:
                raise invalid("Parameter duration must be between 5 and 720 minutes")
            staff = self._lookups.staff.get(booking.staff_id or "") or {}
            day = start.astimezone(self.tz).date()
            if not allow_double_booking and not availability.is_open(
                    staff, start, minutes, self.tz,
                    self._busy(booking.staff_id or "", day, day, ignore_booking=booking.id),
                    self.clock.now()):
                raise unavailable()
            if (start.astimezone(UTC), minutes) != (booking.start, booking.duration):
                self._store.move(booking, start, minutes)
                if booking.status in ("pending_reschedule", "reschedule"):
                    booking.status = "scheduled"
                self._note(booking, "reschedule", message, notify=notify_client)
                self._store.touch(booking, self.clock.now())
            return appointment_item(booking, self._lookups)

    # ------------------------------------------------------------------ waitlist
    def join_waitlist(self, instance_id: str, client_id: str) -> tuple[Record, bool]:
        """(entry, created). Only a full, future instance has a waitlist."""
        with self._lock:
            instance = self._instances.get(instance_id)
            if instance is None or instance["start"] <= self.clock.now() \
                    or self._spots_taken(instance_id) < instance["spots_total"]:
                raise ApiFailure(422, "INVALID_EVENT_INSTANCE", "Invalid event instance")
            if client_id not in self._clients:
                raise not_found("Client")
            if any(b.client_id == client_id and b.status in HOLDING
                   for b in self._store.of_instance(instance_id)):
                raise ApiFailure(422, "ALREADY_REGISTERED",
                                 "The client is already registered for this event")
            entries = self._waitlist.setdefault(instance_id, [])
            for entry in entries:
                if entry["client_id"] == client_id and entry["status"] == "pending":
                    return dict(entry), False
            waiting = sum(1 for e in entries if e["status"] == "pending")
            entry = {"uid": self._new_id("wl"), "type": "waitlist", "status": "pending",
                     "spot": waiting + 1, "title": instance["title"],
                     "event_instance_uid": instance_id, "event_instance_id": instance_id,
                     "client_id": client_id, "staff_uid": instance["staff_id"],
                     "created_at": iso_ms(self.clock.now()),
                     "state_summary": {"state": "pending", "state_h": "Pending"}}
            entries.append(entry)
            return dict(entry), True

    def leave_waitlist(self, instance_id: str, client_id: str) -> Record:
        with self._lock:
            if instance_id not in self._instances:
                raise ApiFailure(422, "INVALID_EVENT_INSTANCE", "Invalid event instance")
            mine = [e for e in self._waitlist.get(instance_id, []) if e["client_id"] == client_id]
            if not mine:
                raise not_found("Waitlist entry")
            entry = next((e for e in mine if e["status"] == "pending"), mine[-1])
            entry["status"] = "cancelled"
            entry["state_summary"] = {"state": "cancelled", "state_h": "Cancelled"}
            return dict(entry)

    def waitlist(self, instance_id: str) -> list[Record]:
        with self._lock:
            return [dict(e) for e in self._waitlist.get(instance_id, [])]

    # ------------------------------------------------------------------ another desk
    def another_desk(self, action: str) -> Record:
        """Someone else changes the calendar now: ``book`` a free time of some staff member
        (today if any is left, else the next day with one), or ``cancel`` a scheduled
        appointment still to come (today first). Returns {"action", "day", "appointment"}."""
        if action not in ("book", "cancel"):
            raise invalid("action must be book or cancel")
        with self._lock:
            now = self.clock.now()
            today = now.astimezone(self.tz).date()
            for offset in range(LOOK_AHEAD_DAYS):
                day = today + timedelta(days=offset)
                booking = self._book_for_someone(day) if action == "book" \
                    else self._cancel_for_someone(day, now)
                if booking is not None:
                    return {"action": action, "day": day.isoformat(), "appointment": booking}
        raise ApiFailure(409, "NOTHING_TO_CHANGE",
                         f"Nothing to {action} in the next {LOOK_AHEAD_DAYS} days")

    def _book_for_someone(self, day: date) -> Record | None:
        choices: list[tuple[str, str, datetime]] = []
        for service in self.data.services:
            if service["type"] != "AppointmentService":
                continue
            for staff_id, start in self.open_slots(service, None, day, day):
                choices.append((service["id"], staff_id, start))
        if not choices:
            return None
        service_id, staff_id, start = self._rng.choice(choices)
        client = self._rng.choice(list(self._clients.values()))
        plan = BookingPlan(kind="appointment", time_zone=str(self.tz.key), service_id=service_id,
                           staff_id=staff_id, start=start, client_id=client["id"],
                           source_data={"source_name": "front_desk", "source_url": None,
                                        "campaign": None, "channel": "another desk",
                                        "portal_id": None})
        booked, _ = self.commit(plan)
        return self.appointment(str(booked["id"]))

    def _cancel_for_someone(self, day: date, now: datetime) -> Record | None:
        candidates = [b for b in self._store.on_days(day, day)
                      if b.status == "scheduled" and b.type == "appointment" and b.start > now]
        if not candidates:
            return None
        chosen = self._rng.choice(candidates)
        return self.cancel_bookings([chosen.id], message="Cancelled by phone at another desk")[0]\
            .appointment

    # ------------------------------------------------------------------ internals
    def _note(self, booking: BookingRecord, action: str, message: str | None, *,
              notify: bool) -> None:
        if message is None:
            return
        entry = {"action": action, "message": message, "notify": notify,
                 "at": iso_ms(self.clock.now())}
        booking.messages = [*(booking.messages or []), entry]
