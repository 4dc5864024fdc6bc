"""Turn any failure into one plain sentence for the receptionist."""

from __future__ import annotations

import logging

from desktop.api.errors import ApiError
from desktop.i18n import translate

log = logging.getLogger(__name__)


def plain_words(error: BaseException) -> str:
    if isinstance(error, ApiError):
        return error.message
    # Not one of ours: keep the details in the log, show a calm sentence.
    log.error("Unexpected failure: %s: %s", type(error).__name__, error)
    return translate("Messages", "Something unexpected went wrong. Nothing you typed was lost; "
                                 "please try again, and if it keeps happening, tell your "
                                 "administrator.")
