"""The sync engine: sends queued drafts, each exactly once, whenever the API can be reached.

Plain threads and callables (no Qt) so it can be tested alone; ``desktop.ui.drafts.
sync_service`` wraps it for the window. The rules, after PowerSync's upload queue:

* ``sending`` is committed to disk *before* the request goes out. A draft found in
  ``sending`` (the app died mid-send, or the answer was lost) is resolved by looking the
  booking up: found → ``sent``; surely not there → ``queued``; can't tell → it stays and the
  look-up is tried again later. The same look-up runs before re-sending any draft whose earlier
  try may have reached the server (5xx, ambiguous answer), so nothing is booked twice.
* The API refusing the booking (slot taken, already registered, event full, invalid form,
  not found) sets the draft aside as ``needs_attention`` with the reason; never retried blindly.
* Network trouble, 5xx and 429 retry later: 5 s doubling to 5 min with jitter, per draft;
  ``Retry-After`` is honoured.
* A 401 pauses the whole engine and reports ``auth_required``; ``sign_in``/``resume`` continue.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from desktop.api.errors import (
    AlreadyRegisteredError,
    ApiError,
    AuthError,
    InDoubtError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    ServerError,
    SlotTakenError,
    ValidationError,
)
from desktop.api.models import Appointment, Booking, BookingRequest, Business
from desktop.drafts.errors import (
    DraftNotFoundError,
    DraftStorageError,
    InvalidTransitionError,
    SyncUnavailableError,
)
from desktop.drafts.store import Draft, DraftStatus, DraftStore, utcnow

log = logging.getLogger(__name__)


class BookingApi(Protocol):
    """The slice of ``desktop.api.client.BookingClient`` the engine needs."""

    def create_booking(self, request: BookingRequest,
                       idempotency_key: str | None = None) -> Booking: ...

    def find_booking(self, request: BookingRequest) -> Appointment | None: ...

    def get_business(self, business_id: str) -> Business: ...


class SyncListener:
    """Override what you need. Called on the engine's thread (or send_now's caller's)."""

    def draft_changed(self, draft_id: str) -> None:
        pass

    def counts_changed(self, waiting: int, attention: int) -> None:
        pass

    def online_changed(self, online: bool) -> None:
        pass

    def auth_required(self) -> None:
        pass


@dataclass(frozen=True)
class Backoff:
    """Delay before try ``n`` (1-based): ``first`` doubling up to ``limit``, ± ``jitter``."""

    first: float = 5.0
    limit: float = 300.0
    jitter: float = 0.2

    def delay(self, failures: int, rng: random.Random) -> float:
        base = min(self.limit, self.first * 2.0 ** max(0, failures - 1))
        # Jitter spreads the desks of a clinic that all come back online at the same moment.
        return min(self.limit, base * (1 + rng.uniform(-self.jitter, self.jitter)))


#: Probing while offline: a desk wants to know quickly that the network is back.
PROBE_BACKOFF = Backoff(first=2.0, limit=30.0)
#: Longest sleep of the idle loop (it is woken early by ``wake()`` anyway).
IDLE_WAIT_S = 60.0

UNEXPECTED = (
    "Frontdesk hit an unexpected problem while sending this booking ({error}). It may or may "
    "not have been booked: Send now checks first, so it is safe to press."
)


class SyncEngine:
    """Sends the outbox. ``start()`` runs it on its own thread; ``run_once()`` runs one round
    on the caller's thread (tests, benchmarks, a "send everything" button)."""

    def __init__(
        self,
        store: DraftStore,
        client: BookingApi | None,
        business_id: str,
        *,
        backoff: Backoff = Backoff(),
        probe_backoff: Backoff = PROBE_BACKOFF,
        rng: random.Random | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.business_id = business_id
        self.backoff = backoff
        self.probe_backoff = probe_backoff
        self.clock = clock
        self._client = client
        self._rng = rng or random.Random()
        self._listeners: list[SyncListener] = []
        self._lock = threading.Lock()
        self._in_flight: set[str] = set()
        self._online: bool | None = None
        self._auth_paused = False
        self._recovered = False
        self._last_counts: tuple[int, int] | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ observers

    def add_listener(self, listener: SyncListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: SyncListener) -> None:
        self._listeners.remove(listener)

    def _notify(self, call: Callable[[SyncListener], None]) -> None:
        for listener in list(self._listeners):
            try:
                call(listener)
            except Exception:  # a broken observer must not stop the outbox
                log.exception("Drafts listener failed")

    def _changed(self, draft_id: str) -> None:
        self._notify(lambda listener: listener.draft_changed(draft_id))
        self.refresh_counts()

    def refresh_counts(self, *, force: bool = False) -> tuple[int, int]:
        """Tell listeners (waiting, needs attention) if they changed; the UI calls this after
        its own saves and deletes."""
        counts = self.store.counts()
        waiting = counts[DraftStatus.QUEUED] + counts[DraftStatus.SENDING]
        attention = counts[DraftStatus.NEEDS_ATTENTION] + counts[DraftStatus.FAILED]
        with self._lock:
            changed = force or self._last_counts != (waiting, attention)
            self._last_counts = (waiting, attention)
        if changed:
            self._notify(lambda listener: listener.counts_changed(waiting, attention))
        return waiting, attention

    def _set_online(self, online: bool) -> None:
        with self._lock:
            was = self._online
            self._online = online
        if was is online:
            return
        if online and was is False:
            # Back online: what waited out an offline backoff can go now.
            self.store.make_due_now()
        self._notify(lambda listener: listener.online_changed(online))

    def _need_auth(self) -> None:
        with self._lock:
            already = self._auth_paused
            self._auth_paused = True
        if not already:
            self._notify(lambda listener: listener.auth_required())

    # ------------------------------------------------------------------ state

    @property
    def online(self) -> bool | None:
        """True/False once known; None before the first contact."""
        return self._online

    @property
    def paused(self) -> bool:
        """Nothing is sent while signed out or after a 401 until ``sign_in``/``resume``."""
        return self._client is None or self._auth_paused

    def sign_in(self, client: BookingApi) -> None:
        """A (new) signed-in client: resume sending."""
        self._client = client
        self.resume()

    def sign_out(self) -> None:
        self._client = None
        self._wake.set()

    def resume(self) -> None:
        with self._lock:
            self._auth_paused = False
        self._wake.set()

    def wake(self) -> None:
        """Look at the outbox now (a draft was just queued)."""
        self._wake.set()

    def connection_lost(self) -> None:
        """Another part of the app could not reach the API: probe until it answers again, so
        that the way back online is noticed (and reported) even if no draft meets it."""
        self._set_online(False)
        self._wake.set()

    # ------------------------------------------------------------------ thread

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="drafts-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop after the request in flight, if any; True if the thread ended."""
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def _loop(self) -> None:
        probe_failures = 0
        while not self._stop.is_set():
            self._wake.clear()
            try:
                if self.paused:
                    self._wake.wait()
                    continue
                if self._online is not True:
                    if not self.probe():
                        probe_failures += 1
                        if not self.paused:
                            self._wake.wait(self.probe_backoff.delay(probe_failures, self._rng))
                        continue
                    probe_failures = 0
                if not self._recovered:
                    self.recover()
                self.run_once()
                self._wake.wait(self._idle_wait())
            except DraftStorageError as exc:
                log.error("Drafts outbox could not be read or written: %s", exc)
                self._wake.wait(self.backoff.first)
            except Exception:
                log.exception("Drafts sync round failed")
                self._wake.wait(self.backoff.first)

    def _idle_wait(self) -> float:
        if self._online is False or self.paused:
            return 0.0
        due = self.store.next_due_at()
        if due is None:
            return IDLE_WAIT_S
        return max(0.0, min(IDLE_WAIT_S, (due - self.clock()).total_seconds()))

    # ------------------------------------------------------------------ rounds

    def probe(self) -> bool:
        """A cheap GET (the business) to learn whether the API can be reached."""
        client = self._client
        if client is None:
            return False
        try:
            client.get_business(self.business_id)
        except OfflineError:
            self._set_online(False)
            return False
        except AuthError:
            self._need_auth()
            return False
        except ApiError:
            pass  # the server answered: it is reachable, even if unhappy
        self._set_online(True)
        return True

    def recover(self) -> int:
        """Resolve every draft left in ``sending`` (run once at start, before sending)."""
        resolved = 0
        for draft in self.store.unresolved():
            if self.paused or self._stop.is_set():
                return resolved
            self._resolve(draft)
            resolved += 1
        self._recovered = True
        return resolved

    def run_once(self) -> int:
        """Resolve due ``sending`` drafts, then send due queued drafts in creation order.
        Stops early when offline, paused or stopping. Returns how many drafts were handled."""
        handled = 0
        for draft in self.store.unresolved(self.clock()):
            if not self._may_continue():
                return handled
            self._resolve(draft)
            handled += 1
        seen: set[str] = set()  # each draft at most once per round
        while self._may_continue():
            batch = [d for d in self.store.due(self.clock(), limit=500) if d.id not in seen]
            if not batch:
                break
            for draft in batch:
                if not self._may_continue():
                    return handled
                seen.add(draft.id)
                self._send(draft)
                handled += 1
        return handled

    def _may_continue(self) -> bool:
        return not (self.paused or self._stop.is_set() or self._online is False)

    def send_now(self, draft_id: str) -> Draft:
        """Send one draft at once, whatever its backoff (the person pressed Send now).
        A draft being edited or set aside is queued first. Returns its new state."""
        if self._client is None:
            raise SyncUnavailableError()
        draft = self.store.get(draft_id)
        if draft is None:
            raise DraftNotFoundError("That draft no longer exists; it may have been deleted.")
        if draft.status in (DraftStatus.DRAFT, DraftStatus.NEEDS_ATTENTION, DraftStatus.FAILED,
                            DraftStatus.QUEUED):
            draft = self.store.queue(draft_id)
            self._changed(draft_id)
        if draft.status == DraftStatus.QUEUED:
            self._send(draft)
        elif draft.status == DraftStatus.SENDING:
            self._resolve(draft)
            again = self.store.get(draft_id)
            if again is not None and again.status == DraftStatus.QUEUED:
                self._send(again)
        final = self.store.get(draft_id)
        if final is None:
            raise DraftNotFoundError("That draft no longer exists; it may have been deleted.")
        return final

    # ------------------------------------------------------------------ one draft

    def _claim(self, draft_id: str) -> bool:
        with self._lock:
            if draft_id in self._in_flight:
                return False
            self._in_flight.add(draft_id)
            return True

    def _release(self, draft_id: str) -> None:
        with self._lock:
            self._in_flight.discard(draft_id)

    def _later(self, draft: Draft, minimum: float = 0.0) -> datetime:
        seconds = max(minimum, self.backoff.delay(max(1, draft.attempts), self._rng))
        return self.clock() + timedelta(seconds=seconds)

    def _send(self, queued: Draft) -> Draft | None:
        """Send one queued draft. Returns its new state (None if another thread has it)."""
        client = self._client
        if client is None or not self._claim(queued.id):
            return None
        try:
            try:
                draft = self.store.mark_sending(queued.id)  # committed before the request
            except (InvalidTransitionError, DraftNotFoundError):
                return self.store.get(queued.id)
            self._changed(draft.id)
            try:
                request = draft.booking_request()
            except Exception as exc:  # pydantic: an unfinished or outdated stored request
                log.info("Draft %s has no sendable request: %s", draft.id, exc)
                reason = ("This draft is not complete enough to send (a time or a client "
                          "may be missing). Open it, finish it and book it.")
                return self._settle(
                    draft, lambda: self.store.mark_needs_attention(draft.id, reason))
            pending_lookup = queued.needs_lookup
            if pending_lookup:
                try:
                    found = client.find_booking(request)
                except ApiError as exc:
                    return self._lookup_failed(draft, exc)
                if found is not None:
                    return self._settle(draft, lambda: self.store.mark_sent(draft.id, found.id))
                pending_lookup = False
            return self._deliver(client, draft, request, pending_lookup)
        finally:
            self._release(queued.id)

    def _deliver(self, client: BookingApi, draft: Draft, request: BookingRequest,
                 pending_lookup: bool) -> Draft:
        store = self.store
        try:
            booking = client.create_booking(request, idempotency_key=draft.idempotency_key)
        except AuthError as exc:
            # Refused at the door: nothing booked; send again as soon as someone signs in.
            reason = str(exc)
            result = self._settle(draft, lambda: store.requeue(
                draft.id, next_attempt_at=self.clock(), error=reason,
                lookup_needed=pending_lookup))
            self._need_auth()
            return result
        except (SlotTakenError, AlreadyRegisteredError) as exc:
            # The holder may be this very draft (an earlier answer lost inside the client).
            reason = str(exc)
            mine = self._quiet_lookup(client, request)
            if mine is not None:
                return self._settle(draft, lambda: store.mark_sent(draft.id, mine.id))
            return self._settle(draft, lambda: store.mark_needs_attention(draft.id, reason))
        except (ValidationError, NotFoundError) as exc:  # EventFullError is a ValidationError
            reason = str(exc)
            return self._settle(draft, lambda: store.mark_needs_attention(draft.id, reason))
        except RateLimitedError as exc:
            self._set_online(True)
            reason = str(exc)
            wait = self._later(draft, exc.retry_after or 0.0)
            return self._settle(draft, lambda: store.requeue(
                draft.id, next_attempt_at=wait, error=reason, lookup_needed=pending_lookup))
        except OfflineError as exc:
            self._set_online(False)
            reason = str(exc)
            return self._settle(draft, lambda: store.requeue(
                draft.id, next_attempt_at=self._later(draft), error=reason,
                lookup_needed=pending_lookup))
        except (ServerError, InDoubtError) as exc:
            # It may have been booked: the next try looks it up first.
            reason = str(exc)
            return self._settle(draft, lambda: store.requeue(
                draft.id, next_attempt_at=self._later(draft), error=reason,
                lookup_needed=True))
        except ApiError as exc:
            reason = str(exc)
            return self._settle(draft, lambda: store.mark_failed(draft.id, reason))
        except Exception as exc:
            log.exception("Unexpected failure while sending draft %s", draft.id)
            reason = UNEXPECTED.format(error=type(exc).__name__)
            return self._settle(draft, lambda: store.mark_failed(draft.id, reason))
        self._set_online(True)
        return self._settle(draft, lambda: store.mark_sent(draft.id, booking.id))

    def _resolve(self, draft: Draft) -> None:
        """A draft in ``sending`` whose outcome is unknown: look it up."""
        client = self._client
        if client is None or not self._claim(draft.id):
            return
        try:
            try:
                found = client.find_booking(draft.booking_request())
            except ApiError as exc:
                self._lookup_failed(draft, exc)
                return
            except Exception as exc:
                log.exception("Look-up of draft %s failed", draft.id)
                reason = UNEXPECTED.format(error=type(exc).__name__)
                self._settle(draft, lambda: self.store.defer_resolution(
                    draft.id, next_attempt_at=self._later(draft), error=reason))
                return
            self._set_online(True)
            if found is not None:
                self._settle(draft, lambda: self.store.mark_sent(draft.id, found.id))
            else:
                self._settle(draft, lambda: self.store.requeue(
                    draft.id, next_attempt_at=self.clock(), error=None, lookup_needed=False))
        finally:
            self._release(draft.id)

    def _lookup_failed(self, draft: Draft, exc: ApiError) -> Draft:
        """Can't tell whether it was booked: stay ``sending``; look again later."""
        if isinstance(exc, OfflineError):
            self._set_online(False)
        when = self.clock() if isinstance(exc, AuthError) else self._later(draft)
        result = self._settle(draft, lambda: self.store.defer_resolution(
            draft.id, next_attempt_at=when,
            error=f"Frontdesk could not yet check whether this booking went through ({exc}). "
                  "It will check again before sending anything."))
        if isinstance(exc, AuthError):
            self._need_auth()
        return result

    def _quiet_lookup(self, client: BookingApi, request: BookingRequest) -> Appointment | None:
        try:
            return client.find_booking(request)
        except ApiError:
            return None

    def _settle(self, draft: Draft, write: Callable[[], Draft]) -> Draft:
        """Record an outcome. If the disk refuses, the draft stays ``sending`` on disk, which
        is safe: it will be looked up, never blindly resent."""
        try:
            result = write()
        except DraftStorageError:
            log.exception("Could not record the outcome of draft %s", draft.id)
            raise
        self._changed(draft.id)
        return result
