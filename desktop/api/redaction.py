"""Scrub bearer tokens and JWTs out of log records, whatever logged them."""

from __future__ import annotations

import logging
import re

#: What a JWT looks like: three base64url parts, the first being a JSON header (``{"`` → eyJ).
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
#: "Bearer <anything>" in a header dump or a message.
_BEARER = re.compile(r"(?i)(bearer\s+)[^\s'\",;}\]]+")
#: "Authorization: ..." / 'authorization': b'...' in a header dump.
_AUTH_HEADER = re.compile(r"(?i)(authorization['\"]?\s*[:=,]\s*b?['\"]?)[^'\"\n]+")

REDACTED = "[redacted]"


def redact(text: str) -> str:
    """``text`` with anything that looks like a token replaced by ``[redacted]``."""
    if not text:
        return text
    text = _JWT.sub(REDACTED, text)
    text = _BEARER.sub(r"\1" + REDACTED, text)
    return _AUTH_HEADER.sub(r"\1" + REDACTED, text)


class RedactingFilter(logging.Filter):
    """Rewrites every record it sees so that no token survives into a log line.

    The message is rendered (``msg % args``) and scrubbed; exception and stack text is rendered
    and scrubbed too, so a formatter never re-renders the raw traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken %-format must not hide the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_FILTER = RedactingFilter()


def install_redaction(*logger_names: str) -> RedactingFilter:
    """Put the (shared) filter on the named loggers; ``desktop.api`` always.

    A logger's filters only see records logged to that very logger, so an app should also put
    the returned filter on its handlers to cover every other logger.
    """
    for name in ("desktop.api", *logger_names):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
    return _FILTER
