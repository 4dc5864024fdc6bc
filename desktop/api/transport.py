"""One HTTP exchange with the platform over a keep-alive ``httpx.Client``.

An answer is streamed, never read whole into memory unchecked: it may hold at most
``max_answer_bytes`` (after decompression) and must be complete before the call's deadline.
A server that sends for ever, or one byte a second, gives a ``TransportFailure`` (TOO_LARGE,
TOO_SLOW) like any other answer that cannot be read; a ``MemoryError`` never escapes.

Limit: the deadline is checked as the answer's head arrives and between body chunks, and
each socket read waits at most the remaining time; a server that drips the *head* of an
answer byte by byte is bounded only by h11's 16 KiB head limit times the read timeout.
"""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from desktop.api.constants import MAX_ANSWER_BYTES, USER_AGENT, Timeouts
from desktop.api.errors import AuthError
from desktop.api.failures import TransportFailure, Trouble, trouble_of
from desktop.api.redaction import install_redaction
from desktop.api.urls import checked_base_url
from desktop.clock import Clock
from desktop.i18n import translate

log = logging.getLogger("desktop.api")
install_redaction()

#: Query parameters; a list value repeats the key.
Params = Mapping[str, str | int | list[str]]


@dataclass(frozen=True)
class Answer:
    """A complete answer: status, headers and the whole (capped) body."""

    status: int
    headers: httpx.Headers
    content: bytes

    @property
    def is_success(self) -> bool:
        return 200 <= self.status < 300


class Transport:
    """The connection to one API address with one staff token. Thread-safe like httpx."""

    def __init__(self, base_url: str, token: str, timeouts: Timeouts, clock: Clock,
                 max_answer_bytes: int = MAX_ANSWER_BYTES) -> None:
        self.base_url = checked_base_url(base_url)
        self.timeouts = timeouts
        self.clock = clock
        self._max_bytes = max(1, max_answer_bytes)
        # verify stays on; redirects are not followed, so an https address can never be
        # bounced to plain http with the token attached. A plain-http address (this machine
        # only, see urls.py) never does TLS, so its client trusts no one rather than read
        # the CA bundle (~20 ms and ~1 MB at start-up, e.g. for the demo's sandbox).
        verify: ssl.SSLContext | bool = True
        if urlsplit(self.base_url).scheme.lower() == "http":
            verify = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self._http = httpx.Client(
            verify=verify,
            timeout=timeouts.to_httpx(),
            follow_redirects=False,
            headers={"Accept": "application/json", "User-Agent": USER_AGENT},
        )
        self.set_token(token)

    def set_token(self, token: str) -> None:
        token = token.strip()
        if not token or not token.isascii() or not token.isprintable() or " " in token:
            raise AuthError(translate(
                "BookingClient", "The staff token is empty or contains characters that cannot "
                                 "be sent. Please paste it again."), status=None)
        self._http.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._http.close()

    def exchange(self, method: str, path: str, *, deadline: float,
                 params: Params | None = None, content: bytes | None = None,
                 headers: Mapping[str, str] | None = None) -> Answer:
        """Send one request and read its whole answer before ``deadline`` (on the clock's
        monotonic scale). Logged as one line without query string or headers.

        Raises TransportFailure when no complete answer could be read.
        """
        started = time.perf_counter()
        try:
            remaining = deadline - self.clock.monotonic()
            if remaining <= 0:
                raise TransportFailure(Trouble.TOO_SLOW)
            request = self._http.build_request(
                method, self.base_url + path, params=params, content=content,
                headers=headers, timeout=self.timeouts.to_httpx(remaining))
            response = self._http.send(request, stream=True)
            try:
                body = self._read_body(response, deadline)
            finally:
                response.close()
        except httpx.HTTPError as exc:
            self._log_failure(method, path, type(exc).__name__, started)
            raise TransportFailure(trouble_of(exc)) from None
        except (httpx.InvalidURL, UnicodeEncodeError) as exc:  # cannot be put on the wire
            self._log_failure(method, path, type(exc).__name__, started)
            raise TransportFailure(Trouble.UNSENDABLE) from None
        except TransportFailure as failure:
            self._log_failure(method, path, failure.trouble.value, started)
            raise
        except MemoryError:
            self._log_failure(method, path, "MemoryError", started)
            raise TransportFailure(Trouble.TOO_LARGE) from None
        log.info("%s %s %d %.1f ms", method, path, response.status_code,
                 (time.perf_counter() - started) * 1000)
        return Answer(response.status_code, response.headers, body)

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes:
        if self.clock.monotonic() > deadline:
            raise TransportFailure(Trouble.TOO_SLOW)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._max_bytes:
            raise TransportFailure(Trouble.TOO_LARGE)
        body = bytearray()
        for chunk in response.iter_bytes():
            if len(body) + len(chunk) > self._max_bytes:
                raise TransportFailure(Trouble.TOO_LARGE)
            body += chunk
            if self.clock.monotonic() > deadline:
                raise TransportFailure(Trouble.TOO_SLOW)
        return bytes(body)

    @staticmethod
    def _log_failure(method: str, path: str, why: str, started: float) -> None:
        log.info("%s %s failed (%s) %.1f ms", method, path, why,
                 (time.perf_counter() - started) * 1000)
