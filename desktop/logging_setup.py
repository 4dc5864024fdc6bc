"""Where log lines go: a rotating file under the user's log dir, and warnings to stderr.

Every handler carries the redaction filter, so no token reaches a log whatever logged it.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.api.redaction import RedactingFilter
from desktop.paths import AppPaths

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file_path() -> Path:
    return AppPaths.default().log_file


def configure_logging(*, verbose: bool = False, to_file: bool = True) -> Path | None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    redaction = RedactingFilter()
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter(LOG_FORMAT))
    console.addFilter(redaction)
    root.addHandler(console)
    # httpx logs full URLs (with client e-mails in queries) at INFO: ours are enough.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    if not to_file:
        return None
    path = log_file_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:
        root.warning("Logging to a file is off: %s", exc)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(redaction)
    root.addHandler(handler)
    return path
