"""The sync engine: sends the outbox, each operation exactly once, whenever the API answers.

No Qt: plain callables, so it runs alone in tests. The window runs :meth:`SyncEngine.run_loop`
on a QThread (``desktop.ui.drafts.sync_service``); ``start()`` runs it on a plain thread for
code without Qt. The rules, after PowerSync's upload queue:

* The record is durable before anything is sent, and each send is claimed under a lease
  (``ledger``), so neither a crash nor a second engine on the same file sends it twice.
* Operations on the same booking go in creation order; the rest in creation order too.
* Network trouble and 429 retry later (5 s doubling to 5 min with jitter; ``Retry-After``
  honoured). A request that may have reached the server is looked up — after the in-doubt
  grace, and again as soon as the API answers after a failed look-up — before any re-send.
* Refusals are set aside for a person with a sentence (``desktop.outcomes``), never retried
  blindly. A 401 pauses the whole engine (``auth_required``) until ``sign_in``/``resume``; a
  403 does not pause anything.
* Completed / no-show marks due together go in calls of ≤50 ids.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import uuid
from collections.abc import Callable

from desktop.api.errors import ApiError, AuthError, OfflineError
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.outbox.api import DeskApi
from desktop.outbox.errors import OutboxStorageError, SyncUnavailableError
from desktop.outbox.keeper import LeaseKeeper
from desktop.outbox.ledger import SendLedger
from desktop.outbox.model import (
    MAX_IDS_PER_CALL,
    CompleteBooking,
    Operation,
    OperationStatus,
)
from desktop.outbox.sending import Sender
from desktop.outbox.store import OutboxStore, gone
from desktop.outbox.timing import IDLE_WAIT_S, Timing

log = logging.getLogger(__name__)
S = OperationStatus


class SyncListener:
    """Override what you need. Called on the engine's thread (or send_now's caller's)."""

    def operation_changed(self, op_id: str) -> None:
        pass

    def counts_changed(self, waiting: int, attention: int) -> None:
        pass

    def online_changed(self, online: bool) -> None:
        pass

    def auth_required(self) -> None:
        pass


def new_owner() -> str:
    """This engine's lease owner id: host, process and a random part (two engines in one
    process are two owners)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class SyncEngine:
    def __init__(self, store: OutboxStore, client: DeskApi | None, business_id: str, *,
                 timing: Timing | None = None, rng: random.Random | None = None,
                 clock: Clock = SYSTEM_CLOCK, owner: str | None = None) -> None:
        self.store = store
        self.business_id = business_id
        self.clock = clock
        self._timing = timing or Timing()
        self._client = client
        self._rng = rng or random.Random()
        self.ledger = SendLedger(store.db, owner or new_owner(), lease=self._timing.lease)
        self.keeper = LeaseKeeper(self.ledger, clock, self._timing.renew_every)
        self.sender = Sender(self.ledger, self.keeper, clock, self._timing, self, self._rng)
        self._listeners: list[SyncListener] = []
        self._lock = threading.Lock()
        self._online: bool | None = None
        self._auth_paused = False
        #: A look-up failed and waits for a later retry: bring it forward once the API answers.
        self._lookups_deferred = True  # a file from the last run may hold such look-ups
        self._last_counts: tuple[int, int] | None = None
        self._answered = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def timing(self) -> Timing:
        return self._timing

    @timing.setter
    def timing(self, timing: Timing) -> None:
        """Change the waits (drills make them short); set before the engine starts."""
        self._timing = timing
        self.ledger.lease = timing.lease
        self.keeper.every = timing.renew_every
        self.sender.timing = timing

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
                log.exception("Outbox listener failed")

    def changed(self, op_id: str) -> None:
        if not self._listeners:
            return
        self._notify(lambda listener: listener.operation_changed(op_id))
        self.refresh_counts()

    def refresh_counts(self, *, force: bool = False) -> tuple[int, int]:
        """Tell listeners (waiting, needs attention) if they changed; the UI calls this after
        its own saves and deletes."""
        counts = self.store.waiting_and_attention()
        with self._lock:
            moved = force or self._last_counts != counts
            self._last_counts = counts
        if moved:
            self._notify(lambda listener: listener.counts_changed(*counts))
        return counts

    def set_online(self, online: bool) -> None:
        with self._lock:
            was, self._online = self._online, online
            catch_up = online and (was is False or self._lookups_deferred)
            if online:
                self._lookups_deferred = False
        if catch_up:
            # The API answers again: what waited out an offline backoff, and look-ups that
            # failed after their grace, go now (never before their grace).
            self.ledger.make_due_now(self.clock.now())
            self._wake.set()
        if was is not online:
            self._notify(lambda listener: listener.online_changed(online))

    def lookup_deferred(self) -> None:
        with self._lock:
            self._lookups_deferred = True

    def need_auth(self) -> None:
        with self._lock:
            already, self._auth_paused = self._auth_paused, True
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

    def sign_in(self, client: DeskApi) -> None:
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
        """Look at the outbox now (something was just queued)."""
        self._wake.set()

    def connection_lost(self) -> None:
        """Another part of the app could not reach the API: probe until it answers again."""
        self.set_online(False)
        self._wake.set()

    def api_answered(self) -> None:
        """Another part of the app just heard from the API: re-check in-doubt operations
        whose look-up failed (past their grace) now, not after their backoff. Cheap and
        safe from the GUI thread: the engine's own thread does the work."""
        with self._lock:
            self._answered = True
        self._wake.set()

    def _catch_up(self) -> None:
        with self._lock:
            answered, self._answered = self._answered, False
        if answered:
            self.set_online(True)

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        """Run :meth:`run_loop` on a plain thread (code without Qt; the window uses a QThread)."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run_loop, name="outbox-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop after the request in flight, if any; True if the thread ended."""
        self.request_stop()
        thread, self._thread = self._thread, None
        ended = True
        if thread is not None:
            thread.join(timeout)
            ended = not thread.is_alive()
        self.keeper.close()
        return ended

    def request_stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def run_loop(self) -> None:
        """Probe, take back dead engines' work, send what is due, sleep; until stopped."""
        self._stop.clear()
        try:
            self.refresh_counts(force=True)
        except OutboxStorageError as exc:
            log.error("Outbox could not be read: %s", exc)
        probe_failures = 0
        while not self._stop.is_set():
            self._wake.clear()
            try:
                if self.paused:
                    self._wake.wait()
                    continue
                self._catch_up()
                if self._online is not True:
                    if not self.probe():
                        probe_failures += 1
                        if not self.paused:
                            self._wake.wait(self._timing.probe_backoff.delay(probe_failures,
                                                                             self._rng))
                        continue
                    probe_failures = 0
                self.recover()
                self.run_once()
                self._wake.wait(self._idle_wait())
            except OutboxStorageError as exc:
                log.error("Outbox could not be read or written: %s", exc)
                self._wake.wait(self._timing.backoff.first)
            except Exception:
                log.exception("Outbox round failed")
                self._wake.wait(self._timing.backoff.first)

    def _idle_wait(self) -> float:
        if self._online is False or self.paused:
            return 0.0
        now = self.clock.now()
        wake = self.ledger.next_wake(now, self._timing.horizon)
        if wake is None:
            return IDLE_WAIT_S
        seconds = (wake - now).total_seconds()
        if seconds <= 0:
            # What is due now was held back by this engine's own grace (monotonic).
            held = self.sender.shortest_hold()
            seconds = held if held is not None else 0.005
        return max(0.005, min(IDLE_WAIT_S, seconds))

    # ------------------------------------------------------------------ rounds

    def probe(self) -> bool:
        """A cheap GET (the business) to learn whether the API can be reached."""
        client = self._client
        if client is None:
            return False
        try:
            client.get_business(self.business_id)
        except OfflineError:
            self.set_online(False)
            return False
        except AuthError:
            self.need_auth()
            return False
        except ApiError:
            pass  # the server answered: it is reachable, even if unhappy
        self.set_online(True)
        return True

    def recover(self) -> int:
        """Take back operations left ``sending`` by an engine that is gone (its lease expired):
        queued, to be looked up after the grace counted from when they were sent."""
        released = self.ledger.release_expired(self.clock.now(), self._timing.in_doubt_grace)
        if released:
            log.info("Took back %d operation(s) left mid-send", released)
            self.refresh_counts()
        return released

    def run_once(self) -> int:
        """Send what is due, in creation order. Stops early when offline, paused or
        stopping. Returns how many operations were handled."""
        self._catch_up()
        handled = 0
        seen: set[str] = set()  # each operation at most once per round
        while self._may_continue():
            due = [op for op in self.ledger.due(self.clock.now(), self._timing.horizon,
                                                limit=500)
                   if op.id not in seen and not self.sender.held(op.id)]
            if not due:
                break
            batches: dict[tuple[str, bool, str | None], list[Operation]] = {}
            for op in due:
                seen.add(op.id)
                if isinstance(op.payload, CompleteBooking) and not op.needs_lookup:
                    key = (op.payload.business_id, op.payload.no_show, op.payload.message)
                    batches.setdefault(key, []).append(op)
                    continue
                if not self._may_continue():
                    return handled
                self._send_one(op)
                handled += 1
            for ops in batches.values():
                for start in range(0, len(ops), MAX_IDS_PER_CALL):
                    client = self._client
                    if not self._may_continue() or client is None:
                        return handled
                    chunk = ops[start:start + MAX_IDS_PER_CALL]
                    self.sender.send_batch(client, chunk)
                    handled += len(chunk)
        return handled

    def _send_one(self, op: Operation) -> Operation | None:
        client = self._client
        return None if client is None else self.sender.send(client, op)

    def _may_continue(self) -> bool:
        return not (self.paused or self._stop.is_set() or self._online is False)

    def send_now(self, op_id: str) -> Operation:
        """Send one operation at once, whatever its backoff (the receptionist pressed Send
        now / Try again). Never before an earlier change of the same booking, nor before its
        look-up grace. Returns its new state."""
        if self._client is None:
            raise SyncUnavailableError()
        op = self.store.get(op_id)
        if op is None:
            raise gone()
        if op.status is S.SENDING:
            self.recover()
        else:
            op = self.store.queue(op_id)
            self.changed(op_id)
        now = self.clock.now()
        for due in self.ledger.due(now, self._timing.horizon, limit=1, only=op_id):
            if not self.sender.held(op_id):
                self._send_one(due)
        final = self.store.get(op_id)
        if final is None:
            raise gone()
        return final

    def close(self) -> None:
        """Stop the thread (if any) and the lease keeper."""
        self.stop()
