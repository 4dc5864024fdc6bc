"""The two ways a call is made: a read (repeatable) and a write (never blindly repeated).

*Reads* try again on a refused connection, a dropped connection, 429 and 5xx, with backoff
(honouring ``Retry-After``), up to ``max_tries`` and within the call's deadline; a connection
lost every time ends as a ServerError saying so (not "offline").

*Writes* are sent again only when nothing can have reached the server: a refused connection
(DNS failure, connect timeout) or a 429. Once the request may have gone out (answer timed out,
connection dropped after sending, 5xx, unreadable 2xx), the write raises ``InDoubtError`` at
once: the outbox looks the result up later, so nothing is ever done twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from desktop.api.actions import Action
from desktop.api.constants import BACKOFF_BASE, CONNECT_BACKOFF_BASE
from desktop.api.errors import (
    ApiError,
    RateLimitedError,
    RequestCancelledError,
    ServerError,
)
from desktop.api.failures import (
    TransportFailure,
    in_doubt_server_trouble,
    in_doubt_unreadable,
    read_error,
    read_retry_base,
    write_error,
)
from desktop.api.responses import envelope_data, error_from_response
from desktop.api.retry import CancelCheck, Sleep, backoff_delay, wait
from desktop.api.transport import Answer, Params, Transport

_JSON_HEADERS = {"Content-Type": "application/json"}


class Caller:
    """Reads and writes through one ``Transport``, with retries, backoff and a deadline."""

    def __init__(self, transport: Transport, *, max_tries: int, sleep: Sleep) -> None:
        self.transport = transport
        self.max_tries = max(1, max_tries)
        self._sleep = sleep

    # ------------------------------------------------------------------ reads

    def read(self, path: str, params: Params | None, *, what: str,
             action: Action | None, cancel: CancelCheck | None) -> dict[str, Any]:
        """``data`` of a GET, tried again on network trouble, 429 and 5xx."""
        deadline = self._deadline()
        tries = 0
        while True:
            check(cancel)
            tries += 1
            delay: float | None
            try:
                answer = self.transport.exchange("GET", path, params=params, deadline=deadline)
            except TransportFailure as failure:
                error = read_error(failure.trouble, self.transport.timeouts)
                base = read_retry_base(failure.trouble)
                delay = None if base is None else backoff_delay(tries, base=base)
            else:
                if answer.is_success:
                    return envelope_data(answer.content, answer.status, action=action)
                error = error_from_response(answer.status, answer.content, answer.headers,
                                            what=what, action=action)
                delay = None
                if isinstance(error, RateLimitedError):
                    delay = _rate_limit_delay(error, tries)
                elif isinstance(error, ServerError) and (error.status or 0) >= 500:
                    delay = backoff_delay(tries, base=BACKOFF_BASE)
            if delay is None or tries >= self.max_tries or not self._wait(delay, deadline,
                                                                          cancel):
                raise error

    # ------------------------------------------------------------------ writes

    def write(self, method: str, path: str, body: Mapping[str, Any], *, what: str,
              action: Action | None, cancel: CancelCheck | None,
              headers: Mapping[str, str] | None = None,
              data_required: bool = True) -> dict[str, Any]:
        """``data`` of a write's answer. Sent again only when nothing can have reached the
        server; raises InDoubtError when it may have been carried out without an answer.

        ``data_required=False``: the answer carries nothing needed, so an empty body or an OK
        envelope without ``data`` is success (a 2xx that is not JSON stays in doubt: a
        captive portal answers 200 to anything without passing it on).
        """
        content = encode(body)
        sent_headers = {**_JSON_HEADERS, **(headers or {})}
        deadline = self._deadline()
        tries = 0
        while True:
            check(cancel)
            tries += 1
            try:
                answer = self.transport.exchange(method, path, content=content,
                                                 headers=sent_headers, deadline=deadline)
            except TransportFailure as failure:
                error = write_error(failure.trouble, self.transport.timeouts)
                if failure.trouble.may_have_reached_server or read_retry_base(
                        failure.trouble) is None:
                    raise error from None
                if tries >= self.max_tries or not self._wait(
                        backoff_delay(tries, base=CONNECT_BACKOFF_BASE), deadline, cancel):
                    raise error from None
                continue
            outcome = self._write_outcome(answer, what=what, action=action,
                                          data_required=data_required)
            if isinstance(outcome, dict):
                return outcome
            if not isinstance(outcome, RateLimitedError) or tries >= self.max_tries \
                    or not self._wait(_rate_limit_delay(outcome, tries), deadline, cancel):
                raise outcome

    @staticmethod
    def _write_outcome(answer: Answer, *, what: str, action: Action | None,
                       data_required: bool) -> dict[str, Any] | ApiError:
        if answer.is_success:
            try:
                return envelope_data(answer.content, answer.status, action=action,
                                     data_required=data_required)
            except ServerError:  # a 2xx that cannot be read may or may not have done it
                return in_doubt_unreadable(answer.status)
            except ApiError as refused:  # a 2xx envelope that says Error
                return refused
        error = error_from_response(answer.status, answer.content, answer.headers, what=what,
                                    action=action)
        if isinstance(error, ServerError) and (answer.status >= 500 or answer.status == 408):
            return in_doubt_server_trouble(answer.status)  # may have been done, in part or all
        return error

    # ------------------------------------------------------------------ waiting

    def _deadline(self) -> float:
        return self.transport.clock.monotonic() + self.transport.timeouts.deadline

    def _wait(self, delay: float, deadline: float, cancel: CancelCheck | None) -> bool:
        """Wait ``delay`` seconds before the next try; False (no wait) when the try would
        start past the call's deadline."""
        if self.transport.clock.monotonic() + delay >= deadline:
            return False
        wait(delay, sleep=self._sleep, cancel=cancel)
        return True


def check(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise RequestCancelledError()


def encode(body: Mapping[str, Any]) -> bytes:
    # The same compact form httpx uses for ``json=``.
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _rate_limit_delay(error: RateLimitedError, tries: int) -> float:
    return error.retry_after if error.retry_after is not None \
        else backoff_delay(tries, base=BACKOFF_BASE)
