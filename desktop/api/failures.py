"""What a failed exchange means: did the request reach the server, may a read try again, and
which sentence the receptionist is told.

The line that matters is *may it have reached the server?* Refused connection, DNS failure,
connect timeout: nothing was sent, so anything may be sent again (``OfflineError``). Once the
request may have gone out (the answer timed out, the connection was dropped, the answer was
unreadable, too large or too slow), a read is a harmless repeat but a write is *in doubt*
(``InDoubtError``): it is never sent again before a look-up says it was not carried out.

Every sentence is our own: httpx's texts and request objects never reach a message.
"""

from __future__ import annotations

import ssl
from enum import Enum

import httpx

from desktop.api.constants import BACKOFF_BASE, CONNECT_BACKOFF_BASE, Timeouts
from desktop.api.errors import (
    ApiError,
    InDoubtError,
    OfflineError,
    ServerError,
    TlsError,
)
from desktop.api.responses import UNREADABLE
from desktop.i18n import translate


class Trouble(Enum):
    """How an exchange failed, from the least to the most far-reaching."""

    #: Refused connection, DNS failure, connect or pool timeout: nothing was sent.
    OFFLINE = "offline"
    #: The certificate could not be verified: nothing was sent, and it is never bypassed.
    TLS = "tls"
    #: The request could not be put on the wire (e.g. a token with odd characters).
    UNSENDABLE = "unsendable"
    #: Sent, and no answer within the read timeout.
    TIMED_OUT = "timed_out"
    #: Sent, then the connection was dropped before the whole answer arrived.
    DROPPED = "dropped"
    #: An answer came but could not be decoded.
    UNREADABLE = "unreadable"
    #: The answer grew past MAX_ANSWER_BYTES.
    TOO_LARGE = "too_large"
    #: The answer was still arriving when the call's deadline passed.
    TOO_SLOW = "too_slow"

    @property
    def may_have_reached_server(self) -> bool:
        return self not in (Trouble.OFFLINE, Trouble.TLS, Trouble.UNSENDABLE)


class TransportFailure(Exception):
    """An exchange that gave no answer to read (raised by ``Transport.exchange``)."""

    def __init__(self, trouble: Trouble) -> None:
        super().__init__(trouble.value)
        self.trouble = trouble


def trouble_of(exc: httpx.HTTPError) -> Trouble:
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout) and _caused_by_tls(exc):
        return Trouble.TLS
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return Trouble.OFFLINE
    if isinstance(exc, httpx.LocalProtocolError | httpx.UnsupportedProtocol):
        return Trouble.UNSENDABLE
    if isinstance(exc, httpx.ReadTimeout):
        return Trouble.TIMED_OUT
    if isinstance(exc, httpx.TransportError):  # dropped connection, write error, proxy trouble
        return Trouble.DROPPED
    return Trouble.UNREADABLE  # e.g. a body that cannot be decompressed


def read_retry_base(trouble: Trouble) -> float | None:
    """The backoff base when a read may try again after ``trouble``; None: do not repeat.

    A read timeout is not repeated (another 20 s wait helps nobody), nor an answer that was
    unreadable, too large or too slow: asking again gets the same answer.
    """
    if trouble is Trouble.OFFLINE:
        return CONNECT_BACKOFF_BASE
    if trouble is Trouble.DROPPED:
        return BACKOFF_BASE
    return None


def read_error(trouble: Trouble, timeouts: Timeouts) -> ApiError:
    """What a read reports after ``trouble`` (after its retries, if any)."""
    if trouble is Trouble.OFFLINE:
        return OfflineError(offline_sentence())
    if trouble is Trouble.TLS:
        return TlsError(translate(
            "BookingClient", "The booking service's security certificate could not be verified, so "
                      "Frontdesk did not connect. Check the API address and the computer's "
                      "date and time."))
    if trouble is Trouble.UNSENDABLE:
        return ApiError(translate(
            "BookingClient", "Frontdesk could not send the request (the staff token or the API "
                      "address may contain characters that cannot be sent)."))
    if trouble is Trouble.TIMED_OUT:
        return ServerError(translate(
            "BookingClient", "The booking service did not answer within {seconds} seconds. Please "
                      "try again.").format(seconds=f"{timeouts.read:g}"))
    if trouble is Trouble.DROPPED:
        return ServerError(translate(
            "BookingClient", "The connection to the booking service was lost before it answered. "
                      "Please try again."))
    if trouble is Trouble.TOO_LARGE:
        return ServerError(translate(
            "BookingClient", "The booking service sent an answer too large to read. Please try "
                      "again in a few minutes."))
    if trouble is Trouble.TOO_SLOW:
        return ServerError(translate(
            "BookingClient", "The booking service's answer took more than {seconds} seconds to "
                      "arrive. Please try again in a few minutes.").format(
            seconds=f"{timeouts.deadline:g}"))
    return ServerError(translate("BookingClient", UNREADABLE))


def write_error(trouble: Trouble, timeouts: Timeouts) -> ApiError:
    """What a write reports after ``trouble``: in doubt once the request may have gone out."""
    if not trouble.may_have_reached_server:
        return read_error(trouble, timeouts)
    if trouble is Trouble.TIMED_OUT:
        return InDoubtError(translate(
            "BookingClient", "The request was sent, but the booking service did not answer within "
                      "{seconds} seconds, so it may or may not have been carried out. "
                      "Frontdesk checks before sending it again.").format(
            seconds=f"{timeouts.read:g}"))
    if trouble is Trouble.DROPPED:
        return InDoubtError(translate(
            "BookingClient", "The request was sent, but the connection was lost before the booking "
                      "service answered, so it may or may not have been carried out. "
                      "Frontdesk checks before sending it again."))
    return in_doubt_unreadable()


def in_doubt_unreadable(status: int | None = None) -> InDoubtError:
    return InDoubtError(translate(
        "BookingClient",
        "The request was sent, but the booking service's answer could not be read, "
                  "so it may or may not have been carried out. Frontdesk checks before "
                  "sending it again."), status=status)


def in_doubt_server_trouble(status: int | None) -> InDoubtError:
    """A 5xx answer to a write: the server may have done part or all of it."""
    return InDoubtError(translate(
        "BookingClient", "The booking service had trouble (error {status}) after the request was "
                  "sent, so it may or may not have been carried out. Frontdesk checks before "
                  "sending it again.").format(status=status if status is not None else "?"),
        status=status)


def offline_sentence() -> str:
    return translate("BookingClient", "Frontdesk cannot reach the booking service. Please "
                                      "check the internet connection.")


def _caused_by_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError | ssl.CertificateError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
