"""The sync engine: sends the outbox, each operation exactly once, whenever the API answers.

No Qt: the window runs :meth:`SyncEngine.run_loop` on a QThread
(``desktop.ui.drafts.sync_service``); ``start()`` runs it on a plain thread for code without
Qt; tests call ``run_once()``. The rules, after PowerSync's upload queue:

* The record is durable before anything is sent, and each send is claimed under a lease
  (``ledger``), so neither a crash nor a second engine on the same file sends it twice.
* Operations on the same booking go in creation order (``ledger.due``).
* Network trouble and 429 retry later (5 s doubling to 5 min with jitter; ``Retry-After``
  honoured). A request that may have reached the server is looked up — after the in-doubt
  grace, and again as soon as the API answers after a failed look-up — before any re-send
  (``sending``, ``kinds``).
* Refusals are set aside for a person with a sentence (``desktop.outcomes``), never retried
  blindly. A 401 pauses the whole engine (``auth_required``) until ``sign_in``/``resume``; a
  403 pauses nothing.
* Completed / no-show marks due together go in calls of ≤50 ids (``policy.send_plan``).
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import uuid

from desktop.api.errors import ApiError, AuthError, OfflineError
from desktop.clock import SYSTEM_CLOCK, Clock
from desktop.outbox.api import DeskApi
from desktop.outbox.errors import SyncUnavailableError
from desktop.outbox.keeper import LeaseKeeper
from desktop.outbox.ledger import SendLedger
from desktop.outbox.listeners import Listeners, SyncListener
from desktop.outbox.loop import EngineLoop
from desktop.outbox.model import Operation, OperationStatus
from desktop.outbox.policy import send_plan
from desktop.outbox.sending import Sender
from desktop.outbox.store import OutboxStore, gone
from desktop.outbox.timing import Timing

__all__ = ["SyncEngine", "SyncListener", "new_owner"]

log = logging.getLogger(__name__)


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
        self.rng = rng or random.Random()
        self._timing = timing or Timing()
        self._client = client
        self.ledger = SendLedger(store.db, owner or new_owner(), lease=self._timing.lease,
                                 horizon=self._timing.horizon)
        self.keeper = LeaseKeeper(self.ledger, clock, self._timing.renew_every)
        self.sender = Sender(self.ledger, self.keeper, clock, self._timing, self, self.rng)
        self.listeners = Listeners()
        self.loop = EngineLoop(self)
        self._lock = threading.Lock()
        self._online: bool | None = None
        self._auth_paused = False
        #: A look-up failed and waits for a later retry: bring it forward once the API answers.
        self._lookups_deferred = True  # a file from the last run may hold such look-ups
        self._answered = False

    @property
    def timing(self) -> Timing:
        return self._timing

    @timing.setter
    def timing(self, timing: Timing) -> None:
        """Change the waits (drills make them short); set before the engine starts."""
        self._timing = timing
        self.ledger.lease = timing.lease
        self.ledger.horizon = timing.horizon
        self.keeper.every = timing.renew_every
        self.sender.timing = timing

    # ------------------------------------------------------------------ reports

    def add_listener(self, listener: SyncListener) -> None:
        self.listeners.add(listener)

    def remove_listener(self, listener: SyncListener) -> None:
        self.listeners.remove(listener)

    def changed(self, op_id: str) -> None:
        if self.listeners:
            self.listeners.notify(lambda listener: listener.operation_changed(op_id))
            self.refresh_counts()

    def refresh_counts(self, *, force: bool = False) -> tuple[int, int]:
        """Tell listeners (waiting, needs attention) if they changed (a store read: the UI
        calls it from a worker after its own saves and drops)."""
        counts = self.store.waiting_and_attention()
        self.listeners.counts(counts, force=force)
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
            self.loop.wake()
        if was is not online:
            self.listeners.notify(lambda listener: listener.online_changed(online))

    def lookup_deferred(self) -> None:
        with self._lock:
            self._lookups_deferred = True

    def need_auth(self) -> None:
        with self._lock:
            already, self._auth_paused = self._auth_paused, True
        if not already:
            self.listeners.notify(lambda listener: listener.auth_required())

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
        self.loop.wake()

    def resume(self) -> None:
        with self._lock:
            self._auth_paused = False
        self.loop.wake()

    def wake(self) -> None:
        """Look at the outbox now (something was just queued)."""
        self.loop.wake()

    def connection_lost(self) -> None:
        """Another part of the app could not reach the API: probe until it answers again."""
        self.set_online(False)
        self.loop.wake()

    def api_answered(self) -> None:
        """Another part of the app just heard from the API: re-check in-doubt operations
        whose look-up failed (past their grace) now, not after their backoff. Cheap and
        safe from the GUI thread: the engine's own thread does the work."""
        with self._lock:
            self._answered = True
        self.loop.wake()

    def catch_up(self) -> None:
        with self._lock:
            answered, self._answered = self._answered, False
        if answered:
            self.set_online(True)

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        self.loop.start()

    def run_loop(self) -> None:
        """Blocking: run the loop on the calling thread until :meth:`request_stop`."""
        self.loop.run()

    def request_stop(self) -> None:
        self.loop.request_stop()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop after the request in flight, if any; True if the loop's thread ended."""
        ended = self.loop.stop(timeout)
        self.keeper.close()
        return ended

    close = stop

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
        self.catch_up()
        handled = 0
        seen: set[str] = set()  # each operation at most once per round
        while self._may_continue():
            due = [op for op in self.ledger.due(self.clock.now(), self._timing.horizon,
                                                limit=500)
                   if op.id not in seen and not self.sender.held(op.id)]
            if not due:
                break
            seen.update(op.id for op in due)
            for call in send_plan(due):
                client = self._client
                if client is None or not self._may_continue():
                    return handled
                if len(call) == 1:
                    self.sender.send(client, call[0])
                else:
                    self.sender.send_batch(client, call)
                handled += len(call)
        return handled

    def _may_continue(self) -> bool:
        return not (self.paused or self.loop.stopping.is_set() or self._online is False)

    def send_now(self, op_id: str) -> Operation:
        """Send one operation at once, whatever its backoff (the receptionist pressed Send
        now / Try again). Never before an earlier change of the same booking, nor before its
        look-up grace. Returns its new state."""
        client = self._client
        if client is None:
            raise SyncUnavailableError()
        op = self.store.get(op_id)
        if op is None:
            raise gone()
        if op.status is OperationStatus.SENDING:
            self.recover()
        else:
            self.store.queue(op_id)
            self.changed(op_id)
        for due in self.ledger.due(self.clock.now(), self._timing.horizon, limit=1,
                                   only=op_id):
            if not self.sender.held(op_id):
                self.sender.send(client, due)
        final = self.store.get(op_id)
        if final is None:
            raise gone()
        return final
