"""The sandbox: a stand-in of vcita's Platform API on 127.0.0.1 (see handler.py for the HTTP
side, routes.py for the endpoints, state.py for the business behind them).

``SandboxServer(port=0, seed=1234, clock=SYSTEM_CLOCK, strict=False, history=None,
time_zone=None, staff_hours=None)``:

* ``clock`` - every "now" of the sandbox (seeding, availability, bookings' times, token
  expiry) comes from it; ``sandbox.clock`` is that clock. ``sandbox.set_now(moment)`` (or
  ``POST /__sandbox/clock``) jumps it: a ``ManualClock`` is set, any other clock is replaced
  by a ``StartedClock`` that runs on from the moment;
* ``strict`` - the vendor's harder rules (mode.py), switchable at run time via
  ``sandbox.mode`` or ``POST /__sandbox/mode``;
* ``history`` - that many past appointments before the seeded weeks (history.py);
* ``time_zone`` - the business's IANA zone instead of the sample data's America/New_York
  (the same wall-clock hours there: a clinic in Tokyo or Buenos Aires);
* ``staff_hours`` - ``{staff_id: {"sun": [["00:00", "04:00"]]}}`` replaces those staff
  members' weekly hours (e.g. a night shift across a clock change).

``reset()`` gives fresh sample data around the clock's today, clears faults and logs and puts
the mode back as started.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections import deque
from collections.abc import Mapping
from datetime import datetime
from types import TracebackType
from typing import Any

from desktop.clock import SYSTEM_CLOCK, Clock, ManualClock, StartedClock
from desktop.sandbox.faults import Faults
from desktop.sandbox.handler import HttpServer
from desktop.sandbox.mode import Mode
from desktop.sandbox.records import Record
from desktop.sandbox.replies import ApiFailure, Reply
from desktop.sandbox.sample_data import WeeklyHours
from desktop.sandbox.state import SandboxState
from desktop.sandbox.tokens import TokenIssuer, TokenProblem

log = logging.getLogger("desktop.sandbox")

LOG_SIZE = 2000
#: 401 bodies differ by layer in the real API; they rotate so clients must cope with each.
UNAUTHORIZED_BODIES: tuple[dict[str, Any], ...] = (
    {"status": "Failure", "message": "401 Unauthorized"},
    {"error": "Unauthorized"},
    {"success": False, "errors": [{"code": "unauthorized",
                                   "message": "The access token is invalid or has expired"}]},
)


class _SharedClock:
    """The one clock the state and the token issuer read; ``jump`` changes what it reads."""

    def __init__(self, clock: Clock) -> None:
        self._lock = threading.Lock()
        self.current = clock

    def now(self) -> datetime:
        return self.current.now()

    def monotonic(self) -> float:
        return self.current.monotonic()

    def jump(self, moment: datetime) -> None:
        with self._lock:
            if isinstance(self.current, ManualClock):
                self.current.set(moment)
            else:
                self.current = StartedClock(moment)

    def __repr__(self) -> str:
        return repr(self.current)


class SandboxServer:
    """The sandbox: ``with SandboxServer(port=0) as sandbox:`` or ``start()``/``stop()``."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1", seed: int = 1234,
                 clock: Clock = SYSTEM_CLOCK, strict: bool = False,
                 history: int | None = None, form_shape: str = "array",
                 time_zone: str | None = None,
                 staff_hours: Mapping[str, WeeklyHours] | None = None) -> None:
        self.host = host
        self.port = port
        self.seed = seed
        self._clock = _SharedClock(clock)
        self.mode = Mode(strict, form_shape)
        self.state = SandboxState(seed, self._clock, history, time_zone=time_zone,
                                  staff_hours=staff_hours)
        self.faults = Faults(seed)
        self.faults.on_refuse = self._set_refusing
        self.tokens = TokenIssuer(self.state.business_id, seed, self._clock)
        self._log: deque[tuple[str, str, int]] = deque(maxlen=LOG_SIZE)
        self._bodies: dict[str, Any] = {}
        self._record_lock = threading.Lock()
        self._unauthorized_count = 0
        self._server_lock = threading.RLock()
        self._httpd: HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._refuse_timer: threading.Timer | None = None
        self._running = False

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()

    def start(self) -> SandboxServer:
        with self._server_lock:
            if not self._running:
                self._running = True
                self._listen()
        return self

    def stop(self) -> None:
        with self._server_lock:
            self._running = False
            if self._refuse_timer is not None:
                self._refuse_timer.cancel()
                self._refuse_timer = None
            self._close_listener()

    def reset(self) -> None:
        """Fresh sample data (deterministic for the seed and the clock's business day), no
        faults, the mode as started, empty log."""
        self.faults.reset()
        self.mode.reset()
        self.state.reset()
        with self._record_lock:
            self._log.clear()
            self._bodies.clear()
            self._unauthorized_count = 0

    # ------------------------------------------------------------------ time
    @property
    def clock(self) -> Clock:
        """The clock the sandbox reads (the one it was given, until ``set_now`` replaces a
        clock that cannot be set)."""
        return self._clock.current

    def set_now(self, moment: datetime, *, reseed: bool | None = None) -> bool:
        """Jump the sandbox's clock to ``moment`` (it runs on from there). Reseeds around the
        new day when the business day changes, unless ``reseed`` says otherwise; returns
        whether it reseeded."""
        if moment.tzinfo is None:
            raise ValueError("the moment must carry a UTC offset")
        before = self.state.today()
        self._clock.jump(moment)
        again = self.state.today() != before if reseed is None else reseed
        if again:
            self.state.reset()
        return again

    # ------------------------------------------------------------------ public helpers
    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def business_id(self) -> str:
        return self.state.business_id

    @property
    def requests_log(self) -> list[tuple[str, str, int]]:
        """(method, path, status) of the latest requests, oldest first; status 0 = no answer."""
        with self._record_lock:
            return list(self._log)

    def staff_token(self, expires_in: float = 3600) -> str:
        return self.tokens.mint(expires_in)

    def limited_token(self, expires_in: float = 3600) -> str:
        """A genuine staff token that may not search clients (403 there, fine elsewhere)."""
        return self.tokens.mint(expires_in, limited=True)

    def another_desk(self, action: str) -> Record:
        """Someone at another desk books (``"book"``) or cancels (``"cancel"``) now; returns
        ``{"action", "day", "appointment"}``. Raises ApiFailure when nothing can be done."""
        return self.state.another_desk(action)

    def last_request_body(self, path: str) -> Any:
        """The JSON body last received on ``path`` (no query string), or None."""
        with self._record_lock:
            return copy.deepcopy(self._bodies.get(path))

    def refuse_for(self, seconds: float) -> None:
        """Refuse connections now, and take them again after ``seconds``."""
        with self._server_lock:
            if self._refuse_timer is not None:
                self._refuse_timer.cancel()
            self.faults.update(refuse_connections=True)
            timer = threading.Timer(seconds, self.faults.update,
                                    kwargs={"refuse_connections": False})
            timer.daemon = True
            self._refuse_timer = timer
            timer.start()

    # ------------------------------------------------------------------ internals
    def _listen(self) -> None:
        httpd = HttpServer((self.host, self.port), self)
        self.port = int(httpd.server_address[1])
        thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                  name=f"sandbox-{self.port}", daemon=True)
        self._httpd, self._thread = httpd, thread
        thread.start()

    def _close_listener(self) -> None:
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        httpd.close_connections()
        if thread is not None:
            thread.join(timeout=2)

    def _set_refusing(self, refusing: bool) -> None:
        with self._server_lock:
            if not self._running:
                return
            if refusing:
                self._close_listener()
            elif self._httpd is None:
                self._listen()  # the same port: self.port holds the one first bound

    def _record(self, method: str, path: str, status: int, millis: float) -> None:
        with self._record_lock:
            self._log.append((method, path, status))
        log.info("%s %s %s %.1f ms", method, path, status or "dropped", millis)

    def _remember_body(self, path: str, body: Any) -> None:
        with self._record_lock:
            self._bodies[path] = copy.deepcopy(body)

    def _refusal(self, problem: TokenProblem) -> Reply:
        if problem.status == 403:
            return ApiFailure(403, "FORBIDDEN",
                              "This token belongs to another business").to_reply()
        with self._record_lock:
            shape = UNAUTHORIZED_BODIES[self._unauthorized_count % len(UNAUTHORIZED_BODIES)]
            self._unauthorized_count += 1
        return Reply(401, copy.deepcopy(shape), {"WWW-Authenticate": 'Bearer realm="api"'})
